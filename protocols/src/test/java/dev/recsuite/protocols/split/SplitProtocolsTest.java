package dev.recsuite.protocols.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.testing.TestData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Known-answer tests for each protocol, worked by hand on tiny datasets. */
class SplitProtocolsTest {
  /** Items of a user's rows in a part, in the split's (chronological) order, as external ids. */
  static String items(Split s, int[] rows, String user) {
    Dataset d = s.dataset();
    StringBuilder sb = new StringBuilder();
    for (int r : rows) {
      if (d.userKey(d.user(r)).equals(user)) {
        sb.append(d.itemKey(d.item(r)));
      }
    }
    return sb.toString();
  }

  // user u: a(1) b(5) c(3) d(9) e(7) -> time order a c b e d; user v: x(2) y(4); user w: p(1) q(2) r(3)
  static Dataset small() {
    return TestData.timestamped("s", "u a 1", "u b 5", "u c 3", "u d 9", "u e 7", "v x 2", "v y 4", "w p 1", "w q 2", "w r 3");
  }

  @Test
  void leaveOneOutHoldsOutTheLastTwoByTime() {
    Split s = LeaveOneOutSplit.defaults().apply(small());
    assertEquals("acb", items(s, s.train(), "u"));
    assertEquals("e", items(s, s.valid(), "u"));
    assertEquals("d", items(s, s.test(), "u"));
    // v has 2 < 3 interactions: everything stays in train and v is not evaluated
    assertEquals("xy", items(s, s.train(), "v"));
    assertEquals("", items(s, s.test(), "v"));
    assertEquals("p", items(s, s.train(), "w"));
    assertEquals(6, s.train().length); // u 3 + v 2 + w 1
    assertEquals(2, s.valid().length);
    assertEquals(2, s.test().length);
  }

  @Test
  void leaveOneOutWithMinTwoGivesTwoInteractionUsersATestRowOnly() {
    Split s = new LeaveOneOutSplit(2).apply(small());
    assertEquals("x", items(s, s.train(), "v"));
    assertEquals("", items(s, s.valid(), "v"));
    assertEquals("y", items(s, s.test(), "v"));
  }

  /** RecBole _calcu_split_ids for 8:1:1, by hand: see TemporalRatioSplit's comment. */
  @Test
  void temporalRatioCountsFollowRecBole() {
    double[] r = {0.8, 0.1, 0.1};
    assertArrayEquals(new int[] {3, 1, 1}, TemporalRatioSplit.counts(5, r)); // floor(.5)=0 each, then +1 test, +1 valid
    assertArrayEquals(new int[] {8, 1, 1}, TemporalRatioSplit.counts(10, r));
    assertArrayEquals(new int[] {9, 1, 1}, TemporalRatioSplit.counts(11, r)); // exact 1.1 is not in (0, 1)
    assertArrayEquals(new int[] {16, 2, 2}, TemporalRatioSplit.counts(20, r));
    assertArrayEquals(new int[] {1, 1, 1}, TemporalRatioSplit.counts(3, r));
    assertArrayEquals(new int[] {1, 0, 1}, TemporalRatioSplit.counts(2, r)); // train stops giving at 1
    assertArrayEquals(new int[] {1, 0, 0}, TemporalRatioSplit.counts(1, r));
    assertArrayEquals(new int[] {4, 0, 1}, TemporalRatioSplit.counts(5, new double[] {0.8, 0.0, 0.2})); // 8:2, no valid
  }

  @Test
  void temporalRatioSplitsEachUserByTime() {
    Split s = TemporalRatioSplit.defaults().apply(small());
    assertEquals("acb", items(s, s.train(), "u"));
    assertEquals("e", items(s, s.valid(), "u"));
    assertEquals("d", items(s, s.test(), "u"));
    assertEquals("x", items(s, s.train(), "v")); // n=2 -> 1/0/1
    assertEquals("y", items(s, s.test(), "v"));
  }

  /**
   * 10 rows, timestamps 1,1,2,3,4,5,5,7,9,9 (sorted). valid 0.2, test 0.2: valid cut = ts[6] = 5, test cut =
   * ts[8] = 9. Train: t < 5; valid: 5 <= t < 9; test: t >= 9. Both rows at t=5 go to valid together.
   */
  @Test
  void globalTemporalCutsAtQuantilesAndKeepsTiesTogether() {
    Dataset d = TestData.timestamped("g", "a i1 1", "a i2 5", "b i3 1", "b i4 9", "c i5 2", "c i6 3", "d i7 4",
        "d i8 5", "e i9 7", "e i0 9");
    GlobalTemporalSplit p = new GlobalTemporalSplit(0.2, 0.2);
    assertArrayEquals(new long[] {5, 9}, p.cutoffs(d));
    Split s = p.apply(d);
    assertEquals(5, s.train().length);
    assertEquals(3, s.valid().length);
    assertEquals(2, s.test().length);
    for (int r : s.train()) {
      assertTrue(d.timestamp(r) < 5);
    }
  }

  @Test
  void shippedUsesXLabelAndDropsColdStartRows() {
    Dataset d = TestData.labelled("b", "0 0 0", "0 1 1", "0 2 2", "1 0 2", "1 1 1", "2 2 0");
    Split s = new ShippedSplit().apply(d);
    assertEquals(2, s.train().length);
    assertEquals(1, s.valid().length); // user 1 has no train row: its valid and test rows are dropped
    assertEquals(1, s.test().length);
    assertEquals(2, s.audit().droppedRows());
  }

  @Test
  void randomRatioFollowsMmrecCountsAndIsSeeded() {
    String[] data = new String[15 + 5];
    for (int k = 0; k < 15; k++) {
      data[k] = "0 " + k + " 0";
    }
    for (int k = 0; k < 5; k++) {
      data[15 + k] = "1 " + k + " 0";
    }
    Dataset d = TestData.labelled("r", data);
    Split a = new RandomRatioSplit(7).apply(d);
    // user 0: n=15 -> t=3, v=1, test=2, train=12; user 1: n=5 < 10 -> 3/1/1
    assertEquals(15, a.train().length);
    assertEquals(2, a.valid().length);
    assertEquals(3, a.test().length);
    assertEquals(a.fingerprint(), new RandomRatioSplit(7).apply(d).fingerprint());
    assertNotEquals(a.fingerprint(), new RandomRatioSplit(8).apply(d).fingerprint());
  }

  @Test
  void timeProtocolsRefuseDataWithoutChronology() {
    Dataset d = TestData.labelled("baby", "0 0 0", "0 1 1", "0 2 2");
    var e = assertThrows(IllegalArgumentException.class, () -> LeaveOneOutSplit.defaults().apply(d));
    assertTrue(e.getMessage().contains("'baby' has no chronology"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TemporalRatioSplit.defaults().apply(d));
    var g = assertThrows(IllegalArgumentException.class, () -> GlobalTemporalSplit.defaults().apply(d));
    assertTrue(g.getMessage().contains("no timestamps"), g.getMessage());
  }

  @Test
  void fingerprintChangesWithProtocolParameters() {
    Dataset d = small();
    Split a = TemporalRatioSplit.defaults().apply(d);
    assertEquals(a.fingerprint(), TemporalRatioSplit.defaults().apply(d).fingerprint());
    assertNotEquals(a.fingerprint(), new TemporalRatioSplit(0.6, 0.2, 0.2).apply(d).fingerprint());
    assertNotEquals(a.fingerprint(), LeaveOneOutSplit.defaults().apply(d).fingerprint());
    assertEquals(64, a.fingerprint().length());
  }

  @Test
  void itemsByUserGroupsChronologically() {
    Split s = LeaveOneOutSplit.defaults().apply(small());
    int[][] byUser = s.itemsByUser(s.train());
    assertEquals(3, byUser[0].length);
    assertTrue(Arrays.stream(byUser).mapToInt(x -> x.length).sum() == s.train().length);
  }
}
