package dev.recsuite.baselines.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PaddedSequencesTest {
  private static final float M = PaddedSequences.MASKED;

  /** Two windows worked by hand: items +1 as ids, left padding, positions from each window's first item. */
  @Test
  void leftPaddedWindowsWorkedByHand() {
    int[][] items = {{4, 0, 2, 6, 1}, {3, 5}};
    // row 0: the last 3 of its first 4 items (0, 2, 6); row 1: both items, one pad before them
    PaddedSequences s = PaddedSequences.window(items, new int[] {4, 2}, 3);
    assertEquals(2, s.rows());
    assertEquals(3, s.length());
    assertArrayEquals(new int[] {1, 3, 7, 0, 4, 6}, s.ids());
    assertArrayEquals(new int[] {3, 2}, s.lengths());
    assertArrayEquals(new int[] {0, 1, 2, 0, 0, 1}, s.positions());
    assertArrayEquals(new float[] {1, 1, 1, 0, 1, 1}, s.realMask().data());
    assertArrayEquals(new int[] {0, 1, 2, 4, 5}, s.realIndices());
    // [2, 1, 3, 3]: a query sees real keys at or before it; row 1's pad query sees nothing
    assertArrayEquals(new float[] {
        0, M, M, 0, 0, M, 0, 0, 0,
        M, M, M, M, 0, M, M, 0, 0}, s.attentionMask().data());
  }

  @Test
  void extraPaddingOnlyShiftsTheRow() {
    PaddedSequences s = PaddedSequences.window(new int[][] {{3, 5}}, new int[] {2}, 50, new int[] {0}, 4);
    assertArrayEquals(new int[] {0, 0, 4, 6}, s.ids());
    assertArrayEquals(new int[] {0, 0, 0, 1}, s.positions());
    assertEquals(2, s.padding(0));
  }

  @Test
  void rejectsAWindowWithoutHistoryOrLongerThanTheLength() {
    var e = assertThrows(IllegalArgumentException.class, () -> PaddedSequences.window(new int[][] {{3, 5}}, new int[] {0}, 50));
    assertEquals("window 0 ends at 0 in a sequence of 2 items: a sequential model needs at least one item of history",
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> PaddedSequences.window(new int[][] {{3, 5, 1}}, new int[] {3}, 50, new int[] {0}, 2));
  }
}
