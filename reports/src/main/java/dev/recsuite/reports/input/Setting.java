package dev.recsuite.reports.input;

/**
 * Where runs are comparable: one dataset, one split protocol, one evaluation mode and rule. Each setting gets
 * one leaderboard.
 */
public record Setting(String dataset, String protocol, String mode, String rule) {

  /** e.g. "amazon-baby · leave-one-out · full". */
  public String title() {
    return dataset + " · " + protocol + " · " + mode;
  }
}
