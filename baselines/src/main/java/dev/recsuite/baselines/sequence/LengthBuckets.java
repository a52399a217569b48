package dev.recsuite.baselines.sequence;

import java.util.Arrays;

/**
 * Splits a batch of windows into groups of similar length, each padded only to its own longest window.
 * SUITE DECISION (computation only): RecBole pads every instance to 50; on Amazon Beauty the mean training
 * prefix has 8.4 items, so a padded batch is mostly pads. The batch itself (which instances, the mean loss over
 * them) is unchanged: the groups' outputs are concatenated before the loss, so only the realisation of the
 * dropout masks and the float summation order differ from one padded pass.
 *
 * <p>The grouping minimises (padded positions + {@link #OVERHEAD} per group) exactly, by dynamic programming
 * over the distinct lengths (at most 50), so it is deterministic and needs no tuning.
 */
public final class LengthBuckets {
  /** A group's fixed cost in positions: the per-op overhead of one more pass (about 60 tape ops). */
  static final int OVERHEAD = 256;

  private LengthBuckets() {}

  /**
   * @param lengths [B] window lengths (>= 1)
   * @return groups of row indices, shortest windows first; rows within a group by length, then index
   */
  public static int[][] split(int[] lengths) {
    int b = lengths.length;
    Integer[] order = new Integer[b];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (x, y) -> lengths[x] != lengths[y] ? Integer.compare(lengths[x], lengths[y]) : Integer.compare(x, y));
    // distinct lengths ascending with the number of rows up to and including each
    int[] distinct = new int[b];
    int[] upTo = new int[b];
    int d = 0;
    for (int k = 0; k < b; k++) {
      int len = lengths[order[k]];
      if (d == 0 || distinct[d - 1] != len) {
        distinct[d++] = len;
      }
      upTo[d - 1] = k + 1;
    }
    // best[j] = cheapest cost of covering distinct lengths [0, j); a group covering [i, j) pads to distinct[j-1]
    long[] best = new long[d + 1];
    int[] cut = new int[d + 1];
    for (int j = 1; j <= d; j++) {
      best[j] = Long.MAX_VALUE;
      for (int i = 0; i < j; i++) {
        int count = upTo[j - 1] - (i == 0 ? 0 : upTo[i - 1]);
        long cost = best[i] + (long) count * distinct[j - 1] + OVERHEAD;
        if (cost < best[j]) {
          best[j] = cost;
          cut[j] = i;
        }
      }
    }
    int groups = 0;
    for (int j = d; j > 0; j = cut[j]) {
      groups++;
    }
    int[][] out = new int[groups][];
    int g = groups;
    for (int j = d; j > 0; j = cut[j]) {
      int from = cut[j] == 0 ? 0 : upTo[cut[j] - 1];
      int to = upTo[j - 1];
      int[] rows = new int[to - from];
      for (int k = from; k < to; k++) {
        rows[k - from] = order[k];
      }
      out[--g] = rows;
    }
    return out;
  }
}
