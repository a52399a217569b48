package dev.recsuite.baselines.sequence;

import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;

/** A model's user encoder: a left-padded batch to [B, d] user vectors (the state at the last real item). */
@FunctionalInterface
public interface SequenceEncoder {
  Var encode(Tape t, PaddedSequences s);
}
