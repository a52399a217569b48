package dev.recsuite.baselines.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LengthBucketsTest {
  @Test
  void everyRowOnceShortestGroupsFirst() {
    SplittableRandom r = new SplittableRandom(3);
    int[] lens = new int[3000];
    for (int i = 0; i < lens.length; i++) {
      lens[i] = 1 + (int) Math.min(49, Math.abs(r.nextGaussian()) * 10);
    }
    int[][] groups = LengthBuckets.split(lens);
    int[] seen = new int[lens.length];
    int last = 0;
    for (int[] g : groups) {
      for (int k = 0; k < g.length; k++) {
        seen[g[k]]++;
        assertTrue(lens[g[k]] >= last, "rows sorted by length across and within groups");
        last = lens[g[k]];
      }
    }
    int[] ones = new int[lens.length];
    Arrays.fill(ones, 1);
    assertArrayEquals(ones, seen);
    assertTrue(groups.length > 1, "3000 rows of lengths 1..50 are worth more than one pass");
  }

  /**
   * The cost is padded positions + 256 per group: 1000 rows of 1 and 10 of 50 cost 1010 * 50 + 256 = 50756 in
   * one group and (1000 + 256) + (500 + 256) = 2012 in two; 3 rows of 1 and 1 of 50 cost 456 in one group and
   * 515 in two.
   */
  @Test
  void splitsOnlyWhenItSavesMoreThanAPass() {
    int[] lens = new int[1010];
    Arrays.fill(lens, 1);
    Arrays.fill(lens, 1000, 1010, 50);
    int[][] g = LengthBuckets.split(lens);
    assertEquals(2, g.length);
    assertEquals(1000, g[0].length);
    assertEquals(1, LengthBuckets.split(new int[] {1, 50, 1, 1}).length);
    assertArrayEquals(new int[][] {{0, 2, 3, 1}}, LengthBuckets.split(new int[] {1, 50, 1, 1}));
  }
}
