package dev.recsuite.baselines.freedom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.baselines.testing.FourItems;
import dev.recsuite.baselines.testing.GradientCheck;
import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.tensor.Csr;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.api.UserBatch;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.protocols.testing.LearningCheck;
import dev.recsuite.protocols.testing.RecommenderContract;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class FREEDOMTest extends RecommenderContract {
  @Override
  protected Recommender create(TrainView view, long seed) {
    return new FREEDOM(FREEDOM.Config.defaults(), view, seed);
  }

  static FREEDOM.Config small(double dropout, double regWeight) {
    return new FREEDOM.Config(3, 3, 2, 0.1, 1, 2, dropout, regWeight, 1e-3, 4, true);
  }

  /**
   * k = 2, self included. Image top-2: i0 {0, 1} (cos 1/√2); i1 {1, 0} (i0 and i2 tie at 1/√2: lower index);
   * i2 {2, 1}; i3 {3, 2} (cos 0 beats -1/√2 and -1). Text top-2: t0 {0, 3} (1/√2); t1 {1, 2} (1/√2); t2 {2, 1}
   * (1/√2 beats t3's 1/2); t3 {3, 0}. Every kNN entry is v = 1/(2 + 1e-7); mm_adj = 0.1 image + 0.9 text.
   */
  @Test
  void frozenItemGraphMixesBinaryKnnGraphsByHand() {
    Csr mm = new FREEDOM(small(0.8, 0), FourItems.view(), 1).mmAdjacency();
    double v = 1 / (2 + 1e-7);
    double[][] expected = {
        {v, 0.1 * v, 0, 0.9 * v},
        {0.1 * v, v, 0.9 * v, 0},
        {0, v, v, 0},
        {0.9 * v, 0, 0.1 * v, v}};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(expected[i][j], mm.get(i, j), 1e-7, "mm_adj(" + i + ", " + j + ")");
      }
    }
  }

  /**
   * Rows (0,0) (0,1) (1,1) (2,1) (2,2) over 3 users and 3 items: full degrees u0 2, u1 1, u2 2; i0 1, i1 3, i2 1.
   * Sampling weights (d_u d_i)^-1/2: 1/√2, 1/√6, 1/√3, 1/√6, 1/√2 (1e-7 on each degree, below the tolerance).
   * Keeping edges {0, 1, 3}: kept degrees u0 2, u2 1, i0 1, i1 2, so (0,0) = 1/√2, (0,1) = 1/2, (2,1) = 1/√2,
   * mirrored, items at node 3 + i.
   */
  @Test
  void prunedAdjacencyIsRenormalisedOnTheKeptEdges() {
    DegreeSensitivePruning p = new DegreeSensitivePruning(3, 3, new int[] {0, 0, 1, 2, 2}, new int[] {0, 1, 1, 1, 2});
    double[] w = {1 / Math.sqrt(2), 1 / Math.sqrt(6), 1 / Math.sqrt(3), 1 / Math.sqrt(6), 1 / Math.sqrt(2)};
    for (int e = 0; e < 5; e++) {
      assertEquals(w[e], p.weight(e), 1e-6);
    }
    Csr a = p.adjacency(new int[] {0, 1, 3});
    assertEquals(6, a.nnz());
    assertEquals(1 / Math.sqrt((2 + 1e-7) * (1 + 1e-7)), a.get(0, 3), 1e-7);
    assertEquals(1 / (2 + 1e-7), a.get(0, 4), 1e-7);
    assertEquals(1 / Math.sqrt((1 + 1e-7) * (2 + 1e-7)), a.get(2, 4), 1e-7);
    assertEquals(a.get(2, 4), a.get(4, 2), 0);
    assertEquals(0, a.get(1, 4), 0); // pruned
  }

  /** A training pair in two rows is two edges; kept both, each is 1/√(2·2) and they add up, as torch.sparse.mm does. */
  @Test
  void aDuplicatedRowKeptTwiceAddsUp() {
    DegreeSensitivePruning p = new DegreeSensitivePruning(1, 1, new int[] {0, 0}, new int[] {0, 0});
    Csr a = p.adjacency(new int[] {0, 1});
    assertEquals(2 / (2 + 1e-7), a.get(0, 1), 1e-7);
  }

  /** m = int(E (1 - dropout)) in double, as Python computes it: values from python3 {@code int(1000*(1.-0.8))} etc. */
  @Test
  void keptCountTruncatesLikePython() {
    assertEquals(1, DegreeSensitivePruning.keptCount(10, 0.8));
    assertEquals(199, DegreeSensitivePruning.keptCount(1000, 0.8));
    assertEquals(23710, DegreeSensitivePruning.keptCount(118551, 0.8));
    assertEquals(11855, DegreeSensitivePruning.keptCount(118551, 0.9));
    assertEquals(0, DegreeSensitivePruning.keptCount(5, 0.8));
  }

  /**
   * The sampler against torch.multinomial's law: keeping 2 of the 5 edges above, the set {a, b} has probability
   * w_a/W · w_b/(W - w_a) + w_b/W · w_a/(W - w_b). 20,000 draws; Pearson's chi-square over the 10 sets must stay
   * below 27.877 = scipy.stats.chi2.ppf(0.999, 9) (scipy 1.17.1).
   */
  @Test
  void sampledEdgeSetsFollowSuccessiveDrawsProportionalToWeight() {
    DegreeSensitivePruning p = new DegreeSensitivePruning(3, 3, new int[] {0, 0, 1, 2, 2}, new int[] {0, 1, 1, 1, 2});
    double total = 0;
    for (int e = 0; e < 5; e++) {
      total += p.weight(e);
    }
    int draws = 20000;
    int[][] counts = new int[5][5];
    java.util.SplittableRandom rng = dev.recsuite.engine.rng.Rng.stream(7, "chi-square");
    for (int k = 0; k < draws; k++) {
      int[] kept = p.sampleEdges(2, rng);
      counts[Math.min(kept[0], kept[1])][Math.max(kept[0], kept[1])]++;
    }
    double chi2 = 0;
    for (int a = 0; a < 5; a++) {
      for (int b = a + 1; b < 5; b++) {
        double wa = p.weight(a);
        double wb = p.weight(b);
        double prob = wa / total * wb / (total - wa) + wb / total * wa / (total - wb);
        double expected = draws * prob;
        chi2 += (counts[a][b] - expected) * (counts[a][b] - expected) / expected;
      }
    }
    assertTrue(chi2 < 27.877, "chi-square " + chi2);
  }

  /** On a Baby-like edge count: the kept edges are distinct and there are int(E (1 - dropout)) of them. */
  @Test
  void keptEdgesAreDistinctAndCounted() {
    int e = 5000;
    int[] u = new int[e];
    int[] i = new int[e];
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int k = 0; k < e; k++) {
      u[k] = r.nextInt(300);
      i[k] = r.nextInt(100);
    }
    DegreeSensitivePruning p = new DegreeSensitivePruning(300, 100, u, i);
    int m = DegreeSensitivePruning.keptCount(e, 0.9);
    int[] kept = p.sampleEdges(m, new java.util.SplittableRandom(4));
    assertEquals(499, kept.length); // int(5000 * 0.09999999999999998)
    assertEquals(kept.length, java.util.Arrays.stream(kept).distinct().count());
  }

  /**
   * Test-time scores use the full, unpruned Â (binary, D + 1e-7) and the frozen mm_adj, recomputed here with dense
   * double loops: users = (E_u + (ÂE)_u + (Â²E)_u)/3, items = (E_i + (ÂE)_i + (Â²E)_i)/3 + mm_adj E_i.
   */
  @Test
  void scorerUsesTheFullAdjacencyAndTheFrozenItemGraph() {
    TrainView v = FourItems.view();
    FREEDOM m = new FREEDOM(small(0.8, 1e-4), v, 3);
    m.trainEpoch(0); // trains on a pruned graph; scoring must not
    int n = 7;
    double[][] a = new double[n][n];
    int[] deg = new int[n];
    int[][] pairs = {{0, 0}, {0, 1}, {1, 1}, {2, 1}, {2, 2}};
    for (int[] pr : pairs) {
      deg[pr[0]]++;
      deg[3 + pr[1]]++;
    }
    for (int[] pr : pairs) {
      double w = 1 / Math.sqrt((deg[pr[0]] + 1e-7) * (deg[3 + pr[1]] + 1e-7));
      a[pr[0]][3 + pr[1]] = w;
      a[3 + pr[1]][pr[0]] = w;
    }
    float[] eu = m.parameters().get(0).value().data();
    float[] ei = m.parameters().get(1).value().data();
    double[][] e = new double[n][3];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < 3; c++) {
        e[r][c] = r < 3 ? eu[r * 3 + c] : ei[(r - 3) * 3 + c];
      }
    }
    double[][] e1 = mul(a, e);
    double[][] e2 = mul(a, e1);
    Csr mm = m.mmAdjacency();
    double[][] fin = new double[n][3];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < 3; c++) {
        fin[r][c] = (e[r][c] + e1[r][c] + e2[r][c]) / 3;
        if (r >= 3) {
          for (int j = 0; j < 4; j++) {
            fin[r][c] += mm.get(r - 3, j) * ei[j * 3 + c];
          }
        }
      }
    }
    float[] out = new float[3 * 4];
    m.scorer().scoreAll(new UserBatch(new int[] {0, 1, 2}, new int[3][0]), out);
    for (int u = 0; u < 3; u++) {
      for (int i = 0; i < 4; i++) {
        double s = 0;
        for (int c = 0; c < 3; c++) {
          s += fin[u][c] * fin[3 + i][c];
        }
        assertEquals(s, out[u * 4 + i], 1e-6, "score(" + u + ", " + i + ")");
      }
    }
  }

  private static double[][] mul(double[][] a, double[][] x) {
    double[][] y = new double[a.length][x[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < a.length; k++) {
        for (int c = 0; c < x[0].length; c++) {
          y[i][c] += a[i][k] * x[k][c];
        }
      }
    }
    return y;
  }

  /**
   * Every parameter tensor (E_u, E_i, both feature tables, both projections' weight and bias) against central
   * differences, on a pruned adjacency and with reg_weight 0.5 so the modality terms weigh in. Repeated users and
   * items in the batch accumulate. The projection biases cancel in u.T[p] - u.T[n]: both sides are ~0.
   */
  @Test
  void gradientMatchesCentralDifferences() {
    TrainView v = FourItems.view();
    FREEDOM m = new FREEDOM(small(0.5, 0.5), v, 5);
    Csr adj = m.pruning().adjacency(new int[] {0, 2, 3, 4});
    int[] u = {0, 2, 0, 1};
    int[] p = {1, 2, 0, 1};
    int[] n = {3, 0, 2, 3};
    GradientCheck.assertGradients(m.parameters(), t -> m.loss(t, adj, u, p, n), 1e-3, 2e-4, 2e-2, 1000);
  }

  /** With reg_weight 0 the feature tables and projections get no gradient and do not move. */
  @Test
  void regWeightZeroLeavesTheModalityParametersAlone() {
    TrainView v = FourItems.view();
    FREEDOM m = new FREEDOM(small(0.5, 0), v, 5);
    float[][] before = m.parameters().stream().skip(2).map(q -> q.value().data().clone()).toArray(float[][]::new);
    m.trainEpoch(0);
    float[][] after = m.parameters().stream().skip(2).map(q -> q.value().data()).toArray(float[][]::new);
    for (int k = 0; k < before.length; k++) {
      assertArrayEquals(before[k], after[k]);
    }
    Param eu = m.parameters().get(0);
    assertTrue(eu.value().data()[0] != new FREEDOM(small(0.5, 0), v, 5).parameters().get(0).value().data()[0]);
  }

  @Test
  void configValidationNamesTheKey() {
    var e = assertThrows(IllegalArgumentException.class, () -> new FREEDOM.Config(64, 64, 10, 0.1, 1, 2, 1.0, 1e-4, 1e-3, 2048, true));
    assertEquals("FREEDOM.Config dropout = 1.0: must be in [0, 1) (specs/baselines.md §3.5)", e.getMessage());
  }

  @Test
  void datasetsWithoutFeaturesAreRefused() {
    TrainView v = TrainView.ofPairs(2, 2, new int[] {0, 1}, new int[] {0, 1}, Map.of());
    var e = assertThrows(IllegalArgumentException.class, () -> new FREEDOM(FREEDOM.Config.defaults(), v, 1));
    assertTrue(e.getMessage().startsWith("FREEDOM needs image or text item features"), e.getMessage());
  }

  @Tag("learning")
  @Test
  void beatsPopularityOnPlantedStructure() {
    Split split = LearningCheck.defaultSplit();
    double pop = LearningCheck.popularityRecallAt20(split);
    double r = LearningCheck.testRecallAt20(split, (v, s) -> new FREEDOM(FREEDOM.Config.defaults(), v, s), 40, 5);
    assertTrue(r > pop * 1.15, "FREEDOM Recall@20 " + r + " vs MostPop " + pop);
  }
}
