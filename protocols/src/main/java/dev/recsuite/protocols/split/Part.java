package dev.recsuite.protocols.split;

/** Which part of a split a row belongs to. */
public final class Part {
  public static final byte TRAIN = 0;
  public static final byte VALID = 1;
  public static final byte TEST = 2;
  /** Not used at all (e.g. a validation row of a user with no training rows, when the protocol drops them). */
  public static final byte DROPPED = -1;

  private Part() {}
}
