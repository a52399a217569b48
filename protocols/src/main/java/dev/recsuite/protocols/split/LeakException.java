package dev.recsuite.protocols.split;

/** A split that fails its leak audit; the message lists each violation with an example row. */
public final class LeakException extends RuntimeException {
  public LeakException(String message) {
    super(message);
  }
}
