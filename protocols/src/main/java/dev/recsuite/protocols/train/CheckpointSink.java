package dev.recsuite.protocols.train;

/**
 * Where the trainer keeps the state of an unfinished training of a {@link dev.recsuite.protocols.api.Resumable}
 * model (the suite: one file per training in the results store, written atomically and deleted once the run's
 * records are stored).
 */
public interface CheckpointSink {
  /** The checkpoint last saved for this training, or null if there is none. */
  byte[] load();

  /** Whether to save one now, after the given epoch (the suite: when some minutes have passed since the last). */
  boolean due(int epoch);

  void save(byte[] checkpoint);

  /** Who writes the checkpoints (the suite: the git commit), kept in the checkpoint and in the run record. */
  String writer();
}
