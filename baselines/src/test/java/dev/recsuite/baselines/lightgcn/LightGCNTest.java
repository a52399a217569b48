package dev.recsuite.baselines.lightgcn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.baselines.testing.GradientCheck;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.api.UserBatch;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.protocols.testing.LearningCheck;
import dev.recsuite.protocols.testing.RecommenderContract;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LightGCNTest extends RecommenderContract {
  @Override
  protected Recommender create(TrainView view, long seed) {
    return new LightGCN(LightGCN.Config.defaults(), view, seed);
  }

  // users 0..2, items 0..4; a duplicate row (0, 1) that must collapse in Â
  private static TrainView tiny() {
    return TrainView.ofPairs(3, 5, new int[] {0, 0, 1, 2, 2, 0}, new int[] {0, 1, 1, 2, 3, 1}, Map.of());
  }

  /**
   * The forward pass against a dense double-precision evaluation of §3.2 written out here: A binary over
   * [users; items], Â_jk = A_jk / sqrt((deg_j + 1e-7)(deg_k + 1e-7)), final = (E + ÂE + Â²E) / 3 for L = 2.
   */
  @Test
  void forwardIsTheLayerMeanOfDensePropagation() {
    TrainView v = tiny();
    LightGCN m = new LightGCN(new LightGCN.Config(4, 2, 1e-4, 1e-3, 8), v, 3);
    int n = 8;
    int d = 4;
    double[][] a = new double[n][n];
    for (int r = 0; r < v.nInteractions(); r++) {
      a[v.users()[r]][3 + v.items()[r]] = 1;
      a[3 + v.items()[r]][v.users()[r]] = 1;
    }
    double[] deg = new double[n];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < n; k++) {
        deg[j] += a[j][k];
      }
    }
    double[][] e0 = new double[n][d];
    float[] eu = m.trainingParams().get(0).value().data();
    float[] ei = m.trainingParams().get(1).value().data();
    for (int j = 0; j < n; j++) {
      for (int c = 0; c < d; c++) {
        e0[j][c] = j < 3 ? eu[j * d + c] : ei[(j - 3) * d + c];
      }
    }
    double[][] e1 = propagate(a, deg, e0);
    double[][] e2 = propagate(a, deg, e1);
    float[] out = m.forward(Tape.inference(CpuBackend.shared())).value().data();
    for (int j = 0; j < n; j++) {
      for (int c = 0; c < d; c++) {
        assertEquals((e0[j][c] + e1[j][c] + e2[j][c]) / 3, out[j * d + c], 1e-6, "row " + j + " col " + c);
      }
    }
  }

  private static double[][] propagate(double[][] a, double[] deg, double[][] e) {
    int n = a.length;
    double[][] out = new double[n][e[0].length];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < n; k++) {
        if (a[j][k] != 0) {
          double w = 1 / Math.sqrt((deg[j] + 1e-7) * (deg[k] + 1e-7));
          for (int c = 0; c < e[0].length; c++) {
            out[j][c] += w * e[k][c];
          }
        }
      }
    }
    return out;
  }

  /** The scorer uses the propagated embeddings: its score equals the dot product of the forward rows. */
  @Test
  void scorerUsesThePropagatedEmbeddings() {
    TrainView v = tiny();
    LightGCN m = new LightGCN(new LightGCN.Config(4, 3, 1e-4, 1e-3, 8), v, 4);
    float[] all = m.forward(Tape.inference(CpuBackend.shared())).value().data();
    float[] out = new float[5];
    m.scorer().scoreAll(new UserBatch(new int[] {1}, new int[][] {{}}), out);
    for (int i = 0; i < 5; i++) {
      double dot = 0;
      for (int c = 0; c < 4; c++) {
        dot += all[4 + c] * all[(3 + i) * 4 + c];
      }
      assertEquals(dot, out[i], 1e-6);
    }
  }

  /** Tape vs central differences on both tables, with a repeated user and item in the batch; reg_weight 0.5. */
  @Test
  void gradientMatchesCentralDifferences() {
    LightGCN m = new LightGCN(new LightGCN.Config(3, 2, 0.5, 1e-3, 4), tiny(), 1);
    int[] u = {0, 1, 0, 2};
    int[] p = {0, 1, 1, 3};
    int[] n = {4, 4, 2, 0};
    GradientCheck.assertGradients(m.trainingParams(), t -> m.loss(t, u, p, n), 1e-3, 1e-5, 1e-2, 1000);
  }

  @Tag("learning")
  @Test
  void beatsPopularityOnPlantedStructure() {
    Split split = LearningCheck.defaultSplit();
    double pop = LearningCheck.popularityRecallAt20(split);
    double r = LearningCheck.testRecallAt20(split, (v, s) -> new LightGCN(LightGCN.Config.defaults(), v, s), 40, 5);
    assertTrue(r > pop * 1.15, "LightGCN Recall@20 " + r + " vs MostPop " + pop);
  }

  @Test
  void configValidationNamesTheKey() {
    var e = assertThrows(IllegalArgumentException.class, () -> new LightGCN.Config(64, 0, 1e-4, 1e-3, 2048));
    assertEquals("LightGCN.Config n_layers = 0: must be >= 1 (MMRec grid 1..4, specs/baselines.md §3.2)", e.getMessage());
  }
}
