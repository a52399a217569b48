package dev.recsuite.protocols.api;

/**
 * Users to score, with the item history each may condition on: the training items when validating, the
 * training plus validation items when testing (the SASRec convention, specs/baselines.md §3.7). General
 * collaborative models ignore the histories.
 *
 * @param users [B] user ids
 * @param histories [B][len] chronological item ids
 */
public record UserBatch(int[] users, int[][] histories) {
  public UserBatch {
    if (users.length != histories.length) {
      throw new IllegalArgumentException("users and histories differ in length: " + users.length + " vs " + histories.length);
    }
  }

  public int size() {
    return users.length;
  }
}
