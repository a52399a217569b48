package dev.recsuite.proposed.wavedgarec;

import dev.recsuite.engine.autodiff.Param;

/** Copies of parameters for scorer snapshots: later training steps do not reach them. */
final class FrozenParams {
  private FrozenParams() {}

  /** A frozen copy of p (null stays null: an ablated component has no parameters). */
  static Param copy(Param p) {
    return p == null ? null : new Param(p.name(), p.value().copy(), false);
  }
}
