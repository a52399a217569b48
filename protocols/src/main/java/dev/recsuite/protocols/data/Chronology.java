package dev.recsuite.protocols.data;

/** What a dataset knows about time: this decides which split protocols may use it. */
public enum Chronology {
  /** Every interaction has a timestamp; per-user order is (timestamp, file order). Any protocol applies. */
  TIMESTAMPS,
  /** No timestamps, but each user's interactions are listed in time order (S3Rec and SASRec sequence files). */
  ORDERED,
  /** Neither timestamps nor a meaningful order (the shipped Amazon Baby file): no time-based protocol applies. */
  NONE;

  public boolean ordersUsers() {
    return this != NONE;
  }
}
