package dev.recsuite.protocols.api;

/**
 * The contract every model implements. A model is built from its {@code Config} record, a {@link TrainView}
 * (train split only: it never sees validation or test rows) and a seed; the shared
 * {@link dev.recsuite.protocols.train.Trainer} runs epochs, validation and early stopping, so that timing,
 * curves and stopping rules are the same for every model.
 */
public interface Recommender {
  /**
   * One pass over the training data (MMRec: shuffle rows, consecutive batches, one optimiser step each).
   *
   * @param epoch 0-based epoch index (for learning-rate schedules and per-epoch resampling)
   * @return the mean training loss of the epoch
   */
  double trainEpoch(int epoch);

  /** False for models that are fully fit when constructed (MostPop): the trainer then runs no epochs. */
  default boolean iterative() {
    return true;
  }

  /** An immutable snapshot of the current scoring function. */
  Scorer scorer();

  /** Number of trainable parameters (frozen tensors not counted). */
  long parameterCount();
}
