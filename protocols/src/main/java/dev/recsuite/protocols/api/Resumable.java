package dev.recsuite.protocols.api;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.optim.Optimizer;
import java.util.List;

/**
 * A {@link Recommender} whose training can stop after any epoch and continue in another process with
 * bit-identical numbers: its parameters and its optimiser are the whole state that one epoch hands to the next.
 * A model may implement this only when every random draw of {@code trainEpoch(e)} comes from streams seeded by
 * (seed, name, e, ...) ({@code Rng.stream}) and nothing else it keeps changes between epochs; each implementation
 * has a test that trains straight through and with a restore in the middle and compares every float.
 *
 * <p>The trainer writes checkpoints only for such models; any other model, killed, restarts from epoch 0.
 */
public interface Resumable {
  /** Every tensor that training changes, in a fixed order (the optimiser's list). */
  List<Param> trainingParams();

  Optimizer optimizer();
}
