package dev.recsuite.protocols.train;

/**
 * One continuation of a training from a checkpoint.
 *
 * @param epoch the first epoch trained after the restore (0-based)
 * @param writer who wrote the checkpoint ({@link CheckpointSink#writer()}: the suite's git commit)
 */
public record Resume(int epoch, String writer) {}
