package dev.recsuite.protocols.metrics;

/**
 * Where one user's relevant items landed in the ranked list: the shared context every metric reads
 * (Tribuo's MetricContext idea), computed once per user.
 *
 * @param relevant |T_u|: the user's target rows in the evaluated part, duplicates counted (MMRec's
 *     denominator, specs/baselines.md §2.5); 0 makes every metric undefined (NaN)
 * @param hitRanks 1-based positions of the distinct rankable targets in the full ranked list, ascending;
 *     targets that could not be ranked (masked) are misses and do not appear
 * @param listLength how many items were ranked (all unmasked items, or the sampled candidates)
 * @param tied whether some target's score equals that of a non-target candidate, so that the tie policy
 *     decided its position
 */
public record Ranking(int relevant, int[] hitRanks, int listLength, boolean tied) {
  public Ranking {
    for (int k = 1; k < hitRanks.length; k++) {
      if (hitRanks[k] <= hitRanks[k - 1]) {
        throw new IllegalArgumentException("hit ranks must be strictly ascending");
      }
    }
    if (hitRanks.length > 0 && hitRanks[0] < 1) {
      throw new IllegalArgumentException("ranks are 1-based");
    }
  }

  /** Number of hits at ranks 1..k. */
  public int hitsAt(int k) {
    int n = 0;
    while (n < hitRanks.length && hitRanks[n] <= k) {
      n++;
    }
    return n;
  }
}
