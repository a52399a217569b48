package dev.recsuite.baselines.mgcn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.baselines.testing.FourItems;
import dev.recsuite.baselines.testing.GradientCheck;
import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.tensor.Csr;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.api.UserBatch;
import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.protocols.testing.LearningCheck;
import dev.recsuite.protocols.testing.RecommenderContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MGCNTest extends RecommenderContract {
  @Override
  protected Recommender create(TrainView view, long seed) {
    return new MGCN(MGCN.Config.defaults(), view, seed);
  }

  static MGCN.Config small(double regWeight, double clLoss, MGCN.FusionSoftmax fusion) {
    return new MGCN.Config(3, 2, 1, 2, regWeight, clLoss, 1e-3, new double[] {0.96, 50}, 4, fusion);
  }

  /**
   * Weighted kNN, k = 2, self included, deg = kept similarities summed, entry deg_i^-1/2 s_ij deg_j^-1/2.
   * Image: i0 {i0 1, i1 1/√2}, i1 {i1 1, i0 1/√2} (tie with i2: lower index), i2 {i2 1, i1 1/√2}, i3 {i3 1, i2 0};
   * deg 1 + 1/√2 for i0..i2 and 1 for i3. So diagonal 1/(1 + 1/√2) = 0.585786 (i3: 1), off-diagonal
   * (1/√2)/(1 + 1/√2) = 0.414214, and (i3, i2) = 0. Text: every row keeps {itself 1, one neighbour 1/√2}
   * (t0-t3, t1-t2), same values.
   */
  @Test
  void modalityGraphsAreWeightedAndNormalisedByRowDegrees() {
    MGCN m = new MGCN(small(1e-4, 0.01, MGCN.FusionSoftmax.MODALITY), FourItems.view(), 1);
    double diag = 1 / (1 + 1 / Math.sqrt(2));
    double off = (1 / Math.sqrt(2)) / (1 + 1 / Math.sqrt(2));
    double[][] image = {{diag, off, 0, 0}, {off, diag, 0, 0}, {0, off, diag, 0}, {0, 0, 0, 1}};
    double[][] text = {{diag, 0, 0, off}, {0, diag, off, 0}, {0, off, diag, 0}, {off, 0, 0, diag}};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(image[i][j], m.graph("image").get(i, j), 1e-6, "image(" + i + ", " + j + ")");
        assertEquals(text[i][j], m.graph("text").get(i, j), 1e-6, "text(" + i + ", " + j + ")");
      }
    }
  }

  /**
   * The whole forward pass and loss against an independent double-precision implementation of §3.6 (dense
   * matrices, the softmax of the fuser written out per node), for both fuser axes. Degrees without epsilon:
   * u0 2, u1 1, u2 2; i0 1, i1 3, i2 1, i3 0.
   */
  @ParameterizedTest
  @EnumSource(MGCN.FusionSoftmax.class)
  void forwardAndLossMatchAnIndependentDenseImplementation(MGCN.FusionSoftmax fusion) {
    TrainView v = FourItems.view();
    MGCN m = new MGCN(small(0.3, 0.7, fusion), v, 4);
    m.trainEpoch(0); // move every parameter off its initial value
    Reference ref = new Reference(m, v, fusion);
    float[] out = new float[3 * 4];
    m.scorer().scoreAll(new UserBatch(new int[] {0, 1, 2}, new int[3][0]), out);
    for (int u = 0; u < 3; u++) {
      for (int i = 0; i < 4; i++) {
        assertEquals(dot(ref.fin[u], ref.fin[3 + i]), out[u * 4 + i], 2e-6, "score(" + u + ", " + i + ")");
      }
    }
    int[] u = {0, 2, 0};
    int[] p = {1, 2, 0};
    int[] n = {3, 0, 3};
    double loss = m.loss(Tape.inference(CpuBackend.shared()), u, p, n).item();
    assertEquals(ref.loss(u, p, n, 0.3, 0.7, 4), loss, 2e-6);
  }

  /** Every parameter tensor, the feature tables, gates and query included, against central differences. */
  @Test
  void gradientMatchesCentralDifferences() {
    TrainView v = FourItems.view();
    MGCN m = new MGCN(small(0.5, 0.7, MGCN.FusionSoftmax.MODALITY), v, 6);
    int[] u = {0, 2, 0, 1};
    int[] p = {1, 2, 0, 1};
    int[] n = {3, 0, 2, 3};
    GradientCheck.assertGradients(m.parameters(), t -> m.loss(t, u, p, n), 5e-3, 1e-4, 2e-2, 1000);
  }

  /** Epoch e trains at lr 0.96^(e/50): epoch 100 at 1e-3 * 0.9216. */
  @Test
  void learningRateDecaysPerEpoch() {
    MGCN m = new MGCN(small(1e-4, 0.01, MGCN.FusionSoftmax.MODALITY), FourItems.view(), 1);
    m.trainEpoch(0);
    assertEquals(1e-3, m.learningRate(), 1e-15);
    m.trainEpoch(25);
    assertEquals(1e-3 * Math.sqrt(0.96), m.learningRate(), 1e-15);
    m.trainEpoch(100);
    assertEquals(1e-3 * 0.96 * 0.96, m.learningRate(), 1e-15);
  }

  @Test
  void configValidationNamesTheKey() {
    var e = assertThrows(IllegalArgumentException.class, () -> new MGCN.Config(64, 2, 1, 10, 1e-4, 0.01, 1e-3,
        new double[] {0.96}, 2048, MGCN.FusionSoftmax.MODALITY));
    assertEquals("MGCN.Config learning_rate_scheduler = [0.96]: must be [a, b] with a > 0, b > 0 (specs/baselines.md §3.6)",
        e.getMessage());
  }

  @Test
  void bothModalitiesAreRequired() {
    TrainView v = TrainView.ofPairs(2, 2, new int[] {0, 1}, new int[] {0, 1},
        Map.of("text", new FeatureMatrix(2, 2, new float[] {1, 0, 0, 1})));
    var e = assertThrows(IllegalArgumentException.class, () -> new MGCN(MGCN.Config.defaults(), v, 1));
    assertTrue(e.getMessage().startsWith("MGCN needs both image and text item features"), e.getMessage());
  }

  @Tag("learning")
  @Test
  void beatsPopularityOnPlantedStructure() {
    Split split = LearningCheck.defaultSplit();
    double pop = LearningCheck.popularityRecallAt20(split);
    double r = LearningCheck.testRecallAt20(split, (v, s) -> new MGCN(MGCN.Config.defaults(), v, s), 40, 5);
    assertTrue(r > pop * 1.15, "MGCN Recall@20 " + r + " vs MostPop " + pop);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /** §3.6 in plain double arithmetic on dense matrices, reading the model's current parameters. */
  private static final class Reference {
    final double[][] content;
    final double[][] side;
    final double[][] fin;

    Reference(MGCN m, TrainView v, MGCN.FusionSoftmax fusion) {
      List<Param> ps = m.parameters(); // E_u, E_i, image {table, trs W, b, gate W, b, prefer W, b}, text {...}, q1 W, b, q2 W
      int nU = v.nUsers();
      int nI = v.nItems();
      int n = nU + nI;
      double[][] a = new double[n][n];
      double[] deg = new double[n];
      for (int r = 0; r < v.nInteractions(); r++) {
        deg[v.users()[r]]++;
        deg[nU + v.items()[r]]++;
      }
      for (int r = 0; r < v.nInteractions(); r++) {
        int uu = v.users()[r];
        int ii = nU + v.items()[r];
        a[uu][ii] = a[ii][uu] = 1 / Math.sqrt(deg[uu] * deg[ii]);
      }
      double[][] ego = new double[n][];
      for (int r = 0; r < n; r++) {
        ego[r] = r < nU ? row(ps.get(0), r) : row(ps.get(1), r - nU);
      }
      double[][] e1 = mul(a, ego);
      double[][] e2 = mul(a, e1);
      content = new double[n][3];
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < 3; c++) {
          content[r][c] = (ego[r][c] + e1[r][c] + e2[r][c]) / 3;
        }
      }
      double[][][] views = new double[2][][];
      for (int mod = 0; mod < 2; mod++) {
        int o = 2 + 7 * mod;
        Csr graph = m.graph(mod == 0 ? "image" : "text");
        double[][] purified = new double[nI][];
        for (int i = 0; i < nI; i++) {
          double[] f = linear(ps.get(o + 1), ps.get(o + 2), row(ps.get(o), i));
          double[] g = linear(ps.get(o + 3), ps.get(o + 4), f);
          purified[i] = new double[3];
          for (int c = 0; c < 3; c++) {
            purified[i][c] = ego[nU + i][c] * sigmoid(g[c]);
          }
        }
        double[][] s = new double[nI][nI];
        for (int i = 0; i < nI; i++) {
          for (int j = 0; j < nI; j++) {
            s[i][j] = graph.get(i, j);
          }
        }
        purified = mul(s, purified);
        views[mod] = new double[n][];
        for (int r = 0; r < n; r++) {
          if (r < nU) {
            double[] ur = new double[3];
            for (int i = 0; i < nI; i++) {
              for (int c = 0; c < 3; c++) {
                ur[c] += a[r][nU + i] * purified[i][c];
              }
            }
            views[mod][r] = ur;
          } else {
            views[mod][r] = purified[r - nU];
          }
        }
      }
      double[][] q = new double[n][2];
      for (int r = 0; r < n; r++) {
        for (int mod = 0; mod < 2; mod++) {
          double[] h = linear(ps.get(16), ps.get(17), views[mod][r]);
          for (int c = 0; c < 3; c++) {
            h[c] = Math.tanh(h[c]);
          }
          q[r][mod] = linear(ps.get(18), null, h)[0];
        }
      }
      double[][] alpha = new double[n][2];
      if (fusion == MGCN.FusionSoftmax.MODALITY) {
        for (int r = 0; r < n; r++) {
          double z = Math.exp(q[r][0]) + Math.exp(q[r][1]);
          alpha[r][0] = Math.exp(q[r][0]) / z;
          alpha[r][1] = Math.exp(q[r][1]) / z;
        }
      } else {
        for (int mod = 0; mod < 2; mod++) {
          double z = 0;
          for (int r = 0; r < n; r++) {
            z += Math.exp(q[r][mod]);
          }
          for (int r = 0; r < n; r++) {
            alpha[r][mod] = Math.exp(q[r][mod]) / z;
          }
        }
      }
      side = new double[n][3];
      fin = new double[n][3];
      for (int r = 0; r < n; r++) {
        double[] pv = linear(ps.get(7), ps.get(8), content[r]);
        double[] pt = linear(ps.get(14), ps.get(15), content[r]);
        for (int c = 0; c < 3; c++) {
          double common = alpha[r][0] * views[0][r][c] + alpha[r][1] * views[1][r][c];
          double sv = sigmoid(pv[c]) * (views[0][r][c] - common);
          double st = sigmoid(pt[c]) * (views[1][r][c] - common);
          side[r][c] = (sv + st + common) / 3;
          fin[r][c] = content[r][c] + side[r][c];
        }
      }
    }

    double loss(int[] u, int[] p, int[] n, double reg, double cl, int batchSize) {
      int nU = 3;
      double bpr = 0;
      double sq = 0;
      int[] pr = new int[p.length];
      for (int k = 0; k < u.length; k++) {
        double x = dot(fin[u[k]], fin[nU + p[k]]) - dot(fin[u[k]], fin[nU + n[k]]);
        bpr -= Math.log(sigmoid(x)) / u.length;
        sq += dot(fin[u[k]], fin[u[k]]) + dot(fin[nU + p[k]], fin[nU + p[k]]) + dot(fin[nU + n[k]], fin[nU + n[k]]);
        pr[k] = nU + p[k];
      }
      return bpr + reg * 0.5 * sq / batchSize + cl * (infoNce(pr) + infoNce(u));
    }

    /** mean over k of -log(exp(a_k.b_k/τ) / sum_j exp(a_k.b_j/τ)), a = side rows, b = content rows, normalised. */
    private double infoNce(int[] rows) {
      double total = 0;
      for (int k = 0; k < rows.length; k++) {
        double[] ak = unit(side[rows[k]]);
        double z = 0;
        for (int j = 0; j < rows.length; j++) {
          z += Math.exp(dot(ak, unit(content[rows[j]])) / 0.2);
        }
        total += -Math.log(Math.exp(dot(ak, unit(content[rows[k]])) / 0.2) / z);
      }
      return total / rows.length;
    }

    private static double[] unit(double[] x) {
      double nrm = Math.sqrt(dot(x, x));
      double[] y = new double[x.length];
      for (int k = 0; k < x.length; k++) {
        y[k] = x[k] / nrm;
      }
      return y;
    }

    private static double[] row(Param p, int r) {
      int d = p.value().cols();
      double[] out = new double[d];
      for (int c = 0; c < d; c++) {
        out[c] = p.value().data()[r * d + c];
      }
      return out;
    }

    /** W x + b with W [out, in] (PyTorch layout). */
    private static double[] linear(Param w, Param b, double[] x) {
      int out = w.value().rows();
      int in = w.value().cols();
      double[] y = new double[out];
      for (int o = 0; o < out; o++) {
        double s = b == null ? 0 : b.value().data()[o];
        for (int k = 0; k < in; k++) {
          s += w.value().data()[o * in + k] * x[k];
        }
        y[o] = s;
      }
      return y;
    }

    private static double sigmoid(double x) {
      return 1 / (1 + Math.exp(-x));
    }

    private static double[][] mul(double[][] a, double[][] x) {
      double[][] y = new double[a.length][x[0].length];
      for (int i = 0; i < a.length; i++) {
        for (int k = 0; k < x.length; k++) {
          for (int c = 0; c < x[0].length; c++) {
            y[i][c] += a[i][k] * x[k][c];
          }
        }
      }
      return y;
    }
  }
}
