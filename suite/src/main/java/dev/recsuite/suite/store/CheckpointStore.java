package dev.recsuite.suite.store;

import dev.recsuite.protocols.train.CheckpointSink;
import dev.recsuite.suite.experiment.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checkpoints of unfinished trainings, {@code STORE/checkpoints/NAME.ckpt}: one per training, named by the ids of
 * the runs it will produce (content-derived, so a checkpoint is found again only by a training with the same
 * model, configuration, data, split, seed, evaluations and code version). Written atomically ({@link AtomicFiles})
 * at most once every {@code minutes} (0: after every epoch), and deleted once the runs' records are stored.
 */
public final class CheckpointStore {
  public static final String CHECKPOINTS = "checkpoints";

  private final Path dir;
  private final double minutes;
  private final String writer;

  /**
   * @param minutes least time between two checkpoints of one training (writing takes milliseconds to a second)
   * @param writer what a checkpoint records as its writer (the git commit)
   */
  public CheckpointStore(Path storeRoot, double minutes, String writer) {
    if (!(minutes >= 0)) {
      throw new IllegalArgumentException("checkpoint interval " + minutes + " minutes: must be >= 0");
    }
    this.dir = storeRoot.resolve(CHECKPOINTS);
    this.minutes = minutes;
    this.writer = writer;
  }

  /** The file of the training that produces the runs {@code ids} (in the order the training evaluates them). */
  public Path file(List<String> ids) {
    String name = ids.size() == 1 ? ids.get(0) : Sha256.hex(String.join(",", ids)).substring(0, 20);
    return dir.resolve(name + ".ckpt");
  }

  public CheckpointSink sink(List<String> ids) {
    Path file = file(ids);
    return new CheckpointSink() {
      private long last = System.nanoTime();

      @Override
      public byte[] load() {
        try {
          return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
      }

      @Override
      public boolean due(int epoch) {
        return System.nanoTime() - last >= minutes * 60e9;
      }

      @Override
      public void save(byte[] checkpoint) {
        AtomicFiles.write(file, checkpoint);
        last = System.nanoTime();
      }

      @Override
      public String writer() {
        return writer;
      }
    };
  }

  /** Removes the checkpoint of a training whose records are stored. */
  public void delete(List<String> ids) {
    try {
      Files.deleteIfExists(file(ids));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete checkpoint " + file(ids) + ": " + e.getMessage(), e);
    }
  }
}
