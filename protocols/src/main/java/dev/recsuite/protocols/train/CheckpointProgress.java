package dev.recsuite.protocols.train;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * How far a checkpointed training has got, for listings ({@code recsuite run --dry-run}): a training of tens of
 * epochs on a shared machine is watched from outside the process that runs it.
 *
 * @param nextEpoch the first epoch still to train (= epochs trained)
 * @param selections one per evaluation trained jointly, in the training's order
 */
public record CheckpointProgress(int nextEpoch, List<Selection> selections) {
  /**
   * @param bestEpoch the best epoch so far (0-based, as records' {@code training.best_epoch}); -1 before any
   * @param best its rounded validation value
   * @param sinceBest epochs without improvement since
   * @param stopped whether this selection has stopped (the training goes on for the others)
   */
  public record Selection(int bestEpoch, double best, int sinceBest, boolean stopped) {}

  /** The progress a saved checkpoint records, or empty when the bytes are not a checkpoint this build reads. */
  public static Optional<CheckpointProgress> of(byte[] saved) {
    try {
      TrainingCheckpoint c = TrainingCheckpoint.decode(saved);
      return Optional.of(new CheckpointProgress(c.nextEpoch(), c.selections().stream()
          .map(s -> new Selection(s.bestEpoch(), s.best(), s.sinceBest(), s.stopped())).toList()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
