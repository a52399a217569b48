package dev.recsuite.protocols.lock;

import java.util.List;

/**
 * Data that does not match its {@code datasets.lock} entry. Every problem names the file or statistic and
 * shows both the locked and the actual value; nothing runs on such data.
 */
public final class LockMismatchException extends RuntimeException {
  private final List<String> problems;

  public LockMismatchException(String dataset, List<String> problems) {
    super("dataset '" + dataset + "' does not match datasets.lock:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
