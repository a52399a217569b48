package dev.recsuite.protocols.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.UserBatch;
import dev.recsuite.protocols.metrics.MetricSet;
import dev.recsuite.protocols.metrics.Ranking;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers for target ranking under each tie policy, masking and sampled candidates. */
class EvaluatorTest {
  /** A fixed scorer: user u gets row u of the table. */
  record TableScorer(float[][] table) implements Scorer {
    @Override
    public int nItems() {
      return table[0].length;
    }

    @Override
    public void scoreAll(UserBatch batch, float[] out) {
      for (int b = 0; b < batch.size(); b++) {
        System.arraycopy(table[batch.users()[b]], 0, out, b * nItems(), nItems());
      }
    }
  }

  //                               item: 0    1    2    3    4    5
  static final float[] SCORES = {0.9f, 0.5f, 0.5f, 0.5f, 0.1f, 0.7f};

  static Ranking full(TiePolicy p, int[] targets, int[] excluded) {
    return new TargetRanker(p, 1).rankFull(0, SCORES, 0, SCORES.length, targets, excluded);
  }

  /** Target 2 ties with items 1 and 3 at 0.5; above them are items 0 (0.9) and 5 (0.7). */
  @Test
  void pessimisticPutsTheTargetAfterTiedItems() {
    Ranking r = full(TiePolicy.PESSIMISTIC, new int[] {2}, new int[0]);
    assertArrayEquals(new int[] {5}, r.hitRanks());
    assertTrue(r.tied());
  }

  @Test
  void optimisticPutsTheTargetBeforeTiedItems() {
    assertArrayEquals(new int[] {3}, full(TiePolicy.OPTIMISTIC, new int[] {2}, new int[0]).hitRanks());
  }

  @Test
  void randomPolicyStaysWithinTheTieGroupAndIsSeeded() {
    int[] seen = new int[7];
    for (long seed = 0; seed < 300; seed++) {
      int rank = new TargetRanker(TiePolicy.RANDOM, seed).rankFull(0, SCORES, 0, 6, new int[] {2}, new int[0]).hitRanks()[0];
      seen[rank]++;
    }
    assertEquals(0, seen[1] + seen[2] + seen[6]);
    assertTrue(seen[3] > 60 && seen[4] > 60 && seen[5] > 60, java.util.Arrays.toString(seen)); // ~100 each
    assertEquals(new TargetRanker(TiePolicy.RANDOM, 9).rankFull(0, SCORES, 0, 6, new int[] {2}, new int[0]).hitRanks()[0],
        new TargetRanker(TiePolicy.RANDOM, 9).rankFull(0, SCORES, 0, 6, new int[] {2}, new int[0]).hitRanks()[0]);
  }

  /** Masking removes items from the list: with item 0 and 1 masked, target 2 ties only with 3 (pessimistic: rank 3). */
  @Test
  void maskedItemsAreNotRanked() {
    Ranking r = full(TiePolicy.PESSIMISTIC, new int[] {2}, new int[] {0, 1});
    assertArrayEquals(new int[] {3}, r.hitRanks());
    assertEquals(4, r.listLength());
  }

  /** Targets 1 and 3 tie with each other and with non-target 2: pessimistic ranks 4 and 5, optimistic 3 and 4. */
  @Test
  void severalTargetsTiedWithEachOther() {
    assertArrayEquals(new int[] {4, 5}, full(TiePolicy.PESSIMISTIC, new int[] {1, 3}, new int[0]).hitRanks());
    assertArrayEquals(new int[] {3, 4}, full(TiePolicy.OPTIMISTIC, new int[] {1, 3}, new int[0]).hitRanks());
  }

  @Test
  void targetsWithDistinctScoresGetExactRanks() {
    Ranking r = full(TiePolicy.PESSIMISTIC, new int[] {4, 0, 5}, new int[0]);
    assertArrayEquals(new int[] {1, 2, 6}, r.hitRanks());
    assertFalse(r.tied());
    assertEquals(3, r.relevant());
  }

  @Test
  void aMaskedTargetIsAMissButStillCounts() {
    Ranking r = full(TiePolicy.PESSIMISTIC, new int[] {0, 5}, new int[] {0});
    assertArrayEquals(new int[] {1}, r.hitRanks()); // 5 is now first
    assertEquals(2, r.relevant());
  }

  @Test
  void manyTargetsUseTheSameCounts() {
    // 40 items with distinct scores 40..1; targets every third item: rank of item i is i + 1
    float[] s = new float[40];
    for (int i = 0; i < 40; i++) {
      s[i] = 40 - i;
    }
    int[] targets = java.util.stream.IntStream.range(0, 40).filter(i -> i % 3 == 0).toArray();
    Ranking r = new TargetRanker(TiePolicy.PESSIMISTIC, 0).rankFull(0, s, 0, 40, targets, new int[0]);
    assertArrayEquals(java.util.Arrays.stream(targets).map(i -> i + 1).toArray(), r.hitRanks());
  }

  @Test
  void candidatesAreRankedAmongThemselves() {
    Ranking r = new TargetRanker(TiePolicy.PESSIMISTIC, 0).rankCandidates(0, new int[] {7, 3, 9}, new float[] {0.2f, 0.8f, 0.2f},
        new int[] {9});
    assertArrayEquals(new int[] {3}, r.hitRanks()); // 3 (0.8) first; 9 ties with 7 -> after it
    assertEquals(3, r.listLength());
  }

  @Test
  void nanScoresAreRefused() {
    float[] bad = {0.1f, Float.NaN};
    var e = assertThrows(IllegalStateException.class,
        () -> new TargetRanker(TiePolicy.PESSIMISTIC, 0).rankFull(4, bad, 0, 2, new int[] {0}, new int[0]));
    assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("user 4"), e.getMessage());
  }

  @Test
  void evaluatorAveragesPerUserValuesAndReportsTies() {
    float[][] table = {SCORES, {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}};
    EvalTask task = new EvalTask("test", 6, new int[] {0, 1}, new int[][] {{}, {}}, new int[][] {{2}, {5}},
        new int[][] {{}, {}}, null, 0, "full", null);
    EvaluationResult r = new Evaluator(task, MetricSet.standard(new int[] {1, 5}), TiePolicy.PESSIMISTIC, 0, 1)
        .evaluate(new TableScorer(table));
    // user 0: rank 5 -> HR@5 1, NDCG@5 1/log2(6); user 1: rank 1 -> HR@1 1
    assertArrayEquals(new double[] {1, 1}, r.perUser("HR@5"));
    assertArrayEquals(new double[] {0, 1}, r.perUser("HR@1"));
    assertEquals((0.38685280723454163 + 1) / 2, r.mean("NDCG@5"), 1e-12);
    assertEquals(0.5, r.tiedShare(), 1e-12);
    assertEquals(List.of(0, 0), java.util.Arrays.stream(r.undefined()).boxed().toList().subList(0, 2));
  }

  @Test
  void batchSizeDoesNotChangeResults() {
    float[][] table = new float[7][50];
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    for (float[] row : table) {
      for (int i = 0; i < row.length; i++) {
        row[i] = rng.nextInt(10); // many ties
      }
    }
    int[] users = {0, 1, 2, 3, 4, 5, 6};
    int[][] targets = {{1, 2}, {3}, {4, 40}, {7}, {8, 9, 10}, {11}, {49}};
    int[][] excl = {{0}, {}, {5}, {}, {}, {12, 13}, {}};
    EvalTask task = new EvalTask("valid", 50, users, new int[7][0], targets, excl, null, 0, "full", null);
    var metrics = MetricSet.standard(new int[] {5, 10});
    EvaluationResult a = new Evaluator(task, metrics, TiePolicy.RANDOM, 5, 1).evaluate(new TableScorer(table));
    EvaluationResult b = new Evaluator(task, metrics, TiePolicy.RANDOM, 5, 4).evaluate(new TableScorer(table));
    for (int m = 0; m < metrics.size(); m++) {
      assertArrayEquals(a.perUser()[m], b.perUser()[m]);
    }
    EvaluationResult c = new Evaluator(task, metrics, TiePolicy.RANDOM, 6, 4).evaluate(new TableScorer(table));
    assertNotEquals(java.util.Arrays.toString(a.perUser("MRR")), java.util.Arrays.toString(c.perUser("MRR")));
  }
}
