package dev.recsuite.protocols.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Known answers worked by hand. Notation: T = relevant rows |T_u|; hits = 1-based ranks of retrieved
 * targets; log2 values: 1/log2(2) = 1, 1/log2(3) = 0.6309297535714575, 1/log2(4) = 0.5,
 * 1/log2(5) = 0.43067655807339306, 1/log2(6) = 0.38685280723454163.
 */
class MetricsTest {
  static final double L2 = 1.0;
  static final double L3 = 0.6309297535714575;
  static final double L4 = 0.5;
  static final double L5 = 0.43067655807339306;
  static final double L6 = 0.38685280723454163;
  static final double EPS = 1e-12;

  /** Three targets, hits at ranks 1, 3 and 6; K = 5. */
  final Ranking several = new Ranking(3, new int[] {1, 3, 6}, 100, false);

  @Test
  void recallPrecisionHitRateWithSeveralTargets() {
    assertEquals(2.0 / 3, new RecallAtK(5).of(several), EPS);
    assertEquals(1.0, new RecallAtK(6).of(several), EPS);
    assertEquals(2.0 / 5, new PrecisionAtK(5).of(several), EPS);
    assertEquals(1.0, new HitRateAtK(1).of(several), EPS);
    assertEquals(0.0, new HitRateAtK(1).of(new Ranking(1, new int[] {2}, 10, false)), EPS);
  }

  @Test
  void ndcgUsesMinOfTargetsAndKForTheIdeal() {
    // K=5: DCG = 1/log2(2) + 1/log2(4); IDCG over min(3, 5) = 3 ranks = 1 + 1/log2(3) + 1/log2(4)
    assertEquals((L2 + L4) / (L2 + L3 + L4), new NdcgAtK(5).of(several), EPS);
    // K=2: DCG = 1 (rank 3 is cut); IDCG over min(3, 2) = 2 ranks
    assertEquals(L2 / (L2 + L3), new NdcgAtK(2).of(several), EPS);
    // one target at rank 5: 1/log2(6) (RecBole LOO form)
    assertEquals(L6, new NdcgAtK(10).of(new Ranking(1, new int[] {5}, 100, false)), EPS);
  }

  @Test
  void mapAveragesPrecisionAtHitsOverMinOfTargetsAndK() {
    // K=5: P@1 = 1, P@3 = 2/3 at the hits; divided by min(3, 5) = 3
    assertEquals((1.0 + 2.0 / 3) / 3, new MapAtK(5).of(several), EPS);
    // K=2: only P@1 = 1; divided by min(3, 2) = 2
    assertEquals(0.5, new MapAtK(2).of(several), EPS);
  }

  @Test
  void mrrAtKAndFullMrr() {
    Ranking late = new Ranking(2, new int[] {4, 9}, 50, false);
    assertEquals(0.25, new MrrAtK(5).of(late), EPS);
    assertEquals(0.0, new MrrAtK(3).of(late), EPS);
    assertEquals(0.25, new Mrr().of(late), EPS);
    assertEquals(0.0, new Mrr().of(new Ranking(1, new int[0], 50, false)), EPS); // target masked: a miss
  }

  /** MMRec counts duplicate target rows in |T_u|: two rows of the same item, hit once at rank 1. */
  @Test
  void duplicateTargetRowsCountInTheDenominator() {
    Ranking dup = new Ranking(2, new int[] {1}, 10, false);
    assertEquals(0.5, new RecallAtK(10).of(dup), EPS);
    assertEquals(L2 / (L2 + L3), new NdcgAtK(10).of(dup), EPS);
  }

  /** K larger than the ranked list (a 3-candidate sampled list): recall saturates, precision still divides by K. */
  @Test
  void kLargerThanTheList() {
    Ranking shortList = new Ranking(1, new int[] {2}, 3, false);
    assertEquals(1.0, new RecallAtK(50).of(shortList), EPS);
    assertEquals(1.0 / 50, new PrecisionAtK(50).of(shortList), EPS);
    assertEquals(L3, new NdcgAtK(50).of(shortList), EPS);
  }

  @Test
  void aUserWithNothingRelevantIsUndefinedNotZero() {
    Ranking none = new Ranking(0, new int[0], 10, false);
    for (UserMetric m : MetricSet.standard(new int[] {5})) {
      assertTrue(Double.isNaN(m.of(none)), m.name());
    }
  }

  @Test
  void contractPerfectRankingScoresOneAndNoHitsScoreZero() {
    Ranking perfect = new Ranking(2, new int[] {1, 2}, 10, false);
    Ranking miss = new Ranking(2, new int[0], 10, false);
    for (UserMetric m : MetricSet.standard(new int[] {2})) {
      if (!(m instanceof PrecisionAtK)) {
        assertEquals(1.0, m.of(perfect), EPS, m.name());
      }
      assertEquals(0.0, m.of(miss), EPS, m.name());
    }
    // reordering below K changes nothing at K
    Ranking a = new Ranking(2, new int[] {1, 7}, 10, false);
    Ranking b = new Ranking(2, new int[] {1, 9}, 10, false);
    for (UserMetric m : MetricSet.standard(new int[] {5})) {
      if (!(m instanceof Mrr)) {
        assertEquals(m.of(a), m.of(b), EPS, m.name());
      }
    }
  }

  @Test
  void fiveHitsAtTheTopOfAFiveListGiveNdcgOne() {
    Ranking r = new Ranking(5, new int[] {1, 2, 3, 4, 5}, 5, false);
    double dcg = L2 + L3 + L4 + L5 + L6;
    assertEquals(dcg / dcg, new NdcgAtK(5).of(r), EPS);
  }

  @Test
  void parsesMetricNamesAndSuggests() {
    assertEquals("Recall@20", MetricSet.parse("recall@20").name());
    assertEquals("HR@10", MetricSet.parse("Hit@10").name());
    assertEquals("MRR", MetricSet.parse("mrr").name());
    var e = assertThrows(IllegalArgumentException.class, () -> MetricSet.parse("ndgc@10"));
    assertTrue(e.getMessage().contains("did you mean 'ndcg@K'?"), e.getMessage());
  }

  @Test
  void rankingRejectsUnsortedOrZeroBasedRanks() {
    assertThrows(IllegalArgumentException.class, () -> new Ranking(2, new int[] {3, 1}, 10, false));
    assertThrows(IllegalArgumentException.class, () -> new Ranking(1, new int[] {0}, 10, false));
  }
}
