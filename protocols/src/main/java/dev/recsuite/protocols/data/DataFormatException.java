package dev.recsuite.protocols.data;

import java.nio.file.Path;

/**
 * A data file that cannot be read as its format says. The message always names the file and, where
 * there is one, the 1-based line, so a user can open the file at the fault.
 */
public final class DataFormatException extends RuntimeException {
  private final transient Path file;
  private final long line;

  public DataFormatException(Path file, long line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
    this.file = file;
    this.line = line;
  }

  public DataFormatException(Path file, String message) {
    this(file, 0, message);
  }

  public Path file() {
    return file;
  }

  /** The 1-based line of the fault, or 0 when the fault is not on one line (a binary file, a count). */
  public long line() {
    return line;
  }
}
