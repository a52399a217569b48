package dev.recsuite.stats.paired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignedRankNullDistributionTest {

  /** The counting recursion against brute-force enumeration of all 2^n sign patterns, with and without ties. */
  @Test
  void countingRecursionMatchesEnumerationOfAllSignPatterns() {
    int[][] doubledRankSets = {
        {2, 4, 6, 8, 10, 12, 14},          // ranks 1..7
        {3, 3, 6, 9, 9, 9, 14, 16},        // ties: 1.5, 1.5, 3, 4.5 x3 (mis-sorted on purpose), 7, 8
        {2, 5, 5, 8, 10, 13, 13, 16, 18, 20, 22, 24, 26}, // n = 13, the conditional path's limit
    };
    for (int[] ranks : doubledRankSets) {
      SignedRankNullDistribution dist = SignedRankNullDistribution.ofDoubledRanks(ranks);
      int total = 0;
      for (int w : ranks) {
        total += w;
      }
      long[] bruteCount = new long[total + 1];
      for (int mask = 0; mask < (1 << ranks.length); mask++) {
        int s = 0;
        for (int i = 0; i < ranks.length; i++) {
          if ((mask & (1 << i)) != 0) {
            s += ranks[i];
          }
        }
        bruteCount[s]++;
      }
      double patterns = 1 << ranks.length;
      long atMost = 0;
      for (int s = 0; s <= total; s++) {
        atMost += bruteCount[s];
        assertEquals(atMost / patterns, dist.atMost(s), 0.0, "P(2R+ <= " + s + ")");
        assertEquals((patterns - atMost + bruteCount[s]) / patterns, dist.atLeast(s), 0.0, "P(2R+ >= " + s + ")");
      }
      assertEquals(0.0, dist.atMost(-1), 0.0);
      assertEquals(0.0, dist.atLeast(total + 1), 0.0);
    }
  }

  @Test
  void upperTailOfLargeNIsExactNotOneMinusNearlyOne() {
    int[] ranks = new int[50];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = 2 * (i + 1);
    }
    // Only the all-plus pattern reaches the maximum R+ = 1275: P = 2^-50, which 1 - P(R+ <= 1274) would lose.
    assertEquals(Math.scalb(1.0, -50), SignedRankNullDistribution.ofDoubledRanks(ranks).atLeast(2550), 0.0);
  }

  @Test
  void refusesMoreThanFiftyRanks() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SignedRankNullDistribution.ofDoubledRanks(new int[51]));
    assertEquals("exact signed-rank distribution: n = 51 is larger than the maximum 50; use the normal approximation",
        e.getMessage());
  }
}
