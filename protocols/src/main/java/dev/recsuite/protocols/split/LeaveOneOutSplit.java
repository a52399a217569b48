package dev.recsuite.protocols.split;

import dev.recsuite.protocols.data.Dataset;
import java.util.Map;

/**
 * {@code leave-one-out}: per user, in time order, the last interaction is test, the second-to-last is valid,
 * the rest is train (SASRec, kang205 {@code util.py}; specs/baselines.md §3.7).
 *
 * <p>Users with fewer than {@code minInteractions} (default 3) interactions keep everything in train and
 * are not evaluated, as in the original SASRec code. (RecBole instead gives a 2-interaction user one train and
 * one test instance; set {@code min_interactions: 2} for that behaviour: such a user then has no valid row.)
 */
public record LeaveOneOutSplit(int minInteractions) implements SplitProtocol {
  public static final String NAME = "leave-one-out";

  public LeaveOneOutSplit {
    if (minInteractions < 2) {
      throw new IllegalArgumentException("leave-one-out min_interactions must be >= 2, got " + minInteractions);
    }
  }

  public static LeaveOneOutSplit defaults() {
    return new LeaveOneOutSplit(3);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("min_interactions", Integer.toString(minInteractions));
  }

  @Override
  public TimeRule timeRule() {
    return TimeRule.PER_USER;
  }

  @Override
  public byte[] assign(Dataset d) {
    Requirements.chronological(d, NAME);
    byte[] part = new byte[d.nInteractions()];
    for (int u = 0; u < d.nUsers(); u++) {
      int[] rows = d.userRows(u);
      int n = rows.length;
      if (n < minInteractions) {
        continue; // all train
      }
      part[rows[n - 1]] = Part.TEST;
      if (n >= 3) {
        part[rows[n - 2]] = Part.VALID;
      }
    }
    return part;
  }
}
