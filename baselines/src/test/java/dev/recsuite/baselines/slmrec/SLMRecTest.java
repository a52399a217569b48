package dev.recsuite.baselines.slmrec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.baselines.slmrec.SLMRec.Variant;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SLMRecTest extends RecommenderContract {
  /** Defaults with 512-row batches: the in-batch softmaxes cost B² per batch, the contract needs no 2048. */
  @Override
  protected Recommender create(TrainView view, long seed) {
    SLMRec.Config d = SLMRec.Config.defaults();
    return new SLMRec(new SLMRec.Config(d.recdim(), d.layerNum(), d.temp(), d.sslTemp(), d.sslAlpha(), d.learningRate(),
        d.weightDecay(), 512, d.variant()), view, seed);
  }

  /**
   * Three users, four items (i3 has no training row). Rows (0,0) (0,1) (1,1) (2,1) (2,2) and (0,1) again; image
   * 2-d, text 3-d features of different norms.
   */
  static TrainView tiny() {
    FeatureMatrix image = new FeatureMatrix(4, 2, new float[] {3, 4, 1, 1, 0, 2, -1, 0});
    FeatureMatrix text = new FeatureMatrix(4, 3, new float[] {1, 0, 0, 0, 2, 0, 0, 1, 1, 1, 2, 2});
    return TrainView.ofPairs(3, 4, new int[] {0, 0, 1, 2, 2, 0}, new int[] {0, 1, 1, 1, 2, 1},
        Map.of("image", image, "text", text));
  }

  static SLMRec.Config small(double sslAlpha, Variant variant, int batch) {
    return new SLMRec.Config(4, 2, 0.2, 0.5, sslAlpha, 1e-2, 1e-4, batch, variant);
  }

  /**
   * Â = D^-1/2 A D^-1/2, A binary over distinct pairs (the repeated (0,1) row counts once), D = rowsum + 1e-8.
   * Degrees u0 2, u1 1, u2 2, i0 1, i1 3, i2 1, i3 0: entries 1/sqrt(2·1) = 0.70710677, 1/sqrt(2·3) = 0.40824828,
   * 1/sqrt(1·3) = 0.57735026; the 1e-8 is below float32 resolution for these degrees, and i3's row stays empty
   * (upstream: (1e-8)^-1/2 times a zero row). Cross-checked with MMRec's {@code create_adj_mat} ('pre') on the same
   * rows, scipy 1.17.1 / numpy 2.4.6, float32:
   * <pre>
   *   inter = sp.coo_matrix((np.ones(6, np.float32), (u, i)), shape=(3, 4)).tocsr(); un, it = inter.nonzero()
   *   tmp = sp.csr_matrix((np.ones_like(un, dtype=np.float32), (un, it + 3)), shape=(7, 7)); adj = tmp + tmp.T
   *   d = np.power(np.array(adj.sum(1)) + 1e-08, -0.5).flatten(); A = sp.diags(d).dot(adj).dot(sp.diags(d))
   * </pre>
   */
  @Test
  void adjacencyIsSymmetricNormalisedOverDistinctPairs() {
    Csr a = new SLMRec(small(0.1, Variant.REFERENCE, 8), tiny(), 1).adjacency();
    double[][] want = new double[7][7];
    double half = 0.70710677;
    double u0i1 = 0.40824828;
    double u1i1 = 0.57735026;
    set(want, 0, 3, half);
    set(want, 0, 4, u0i1);
    set(want, 1, 4, u1i1);
    set(want, 2, 4, u0i1);
    set(want, 2, 5, half);
    for (int r = 0; r < 7; r++) {
      for (int c = 0; c < 7; c++) {
        assertEquals(want[r][c], a.get(r, c), 1e-7, "Â(" + r + ", " + c + ")");
      }
    }
    assertEquals(10, a.nnz());
  }

  private static void set(double[][] m, int r, int c, double v) {
    m[r][c] = v;
    m[c][r] = v;
  }

  /**
   * FAC on hand-set heads (d = 2, B = 3, ssl_temp 0.5): fine 1.7453124711159236, coarse 1.0531419063158138, sum
   * 2.7984543774317374. Worked with numpy 2.4.6 in float64:
   * <pre>
   *   lin = lambda x, W, b: x @ np.array(W).T + np.array(b)
   *   def ce_diag(l): m = l.max(1, keepdims=True); return np.mean(m[:, 0] + np.log(np.exp(l - m).sum(1)) - np.diag(l))
   *   idv = np.array([[1, .5], [-.5, .25], [0, -1]]); img = np.array([[.5, 1], [1, -.5], [-.25, .75]])
   *   txt = np.array([[.25, .5], [-1, 0], [.5, .5]])
   *   a = lin(idv, [[1, .5], [0, -1]], [.5, 0]); b = lin(img, [[.5, 0], [1, 1]], [0, -.5])
   *   c = lin(lin(a, [[1, -1], [.5, .5]], [0, .25]), [[1, .5]], [-.25]); d = lin(txt, [[-.5, 1]], [.5])
   *   ce_diag(a @ b.T / .5) + ce_diag(c @ d.T / .5)
   * </pre>
   */
  @Test
  void facMatchesAHandWorkedExample() {
    SLMRec m = new SLMRec(new SLMRec.Config(2, 1, 0.2, 0.5, 1.0, 1e-3, 1e-4, 8, Variant.REFERENCE), tiny(), 1);
    Map<String, Param> ps = params(m);
    put(ps, "g_i_iv", new float[] {1, 0.5f, 0, -1}, new float[] {0.5f, 0});
    put(ps, "g_v_iv", new float[] {0.5f, 0, 1, 1}, new float[] {0, -0.5f});
    put(ps, "g_iv_iva", new float[] {1, -1, 0.5f, 0.5f}, new float[] {0, 0.25f});
    put(ps, "g_iva_ivat", new float[] {1, 0.5f}, new float[] {-0.25f});
    put(ps, "g_t_ivat", new float[] {-0.5f, 1}, new float[] {0.5f});
    Tape t = Tape.inference(CpuBackend.shared());
    double fac = m.fac(t, t.constant(new float[] {1, 0.5f, -0.5f, 0.25f, 0, -1}, 3, 2),
        t.constant(new float[] {0.5f, 1, 1, -0.5f, -0.25f, 0.75f}, 3, 2),
        t.constant(new float[] {0.25f, 0.5f, -1, 0, 0.5f, 0.5f}, 3, 2)).item();
    assertEquals(2.7984543774317374, fac, 1e-6);
  }

  private static void put(Map<String, Param> ps, String name, float[] w, float[] b) {
    System.arraycopy(w, 0, ps.get(name + ".weight").value().data(), 0, w.length);
    System.arraycopy(b, 0, ps.get(name + ".bias").value().data(), 0, b.length);
  }

  /** The forward pass and loss against the independent double-precision {@link Reference} of §4.2. */
  @Test
  void forwardAndLossMatchAnIndependentDenseImplementation() {
    TrainView v = tiny();
    SLMRec m = new SLMRec(small(0.7, Variant.CORRECTED, 4), v, 3);
    m.trainEpoch(0); // move every trained tensor off its initial value
    Reference ref = new Reference(m, v, 2);
    float[] out = new float[3 * 4];
    m.scorer().scoreAll(new UserBatch(new int[] {0, 1, 2}, new int[3][0]), out);
    for (int u = 0; u < 3; u++) {
      for (int i = 0; i < 4; i++) {
        assertEquals(dot(ref.users[u], ref.items[i]), out[u * 4 + i], 2e-6, "score(" + u + ", " + i + ")");
      }
    }
    int[] u = {0, 2, 0, 1};
    int[] p = {1, 2, 0, 3};
    Tape t = Tape.inference(CpuBackend.shared());
    assertEquals(ref.loss(u, p, 0.2, 0.5, 0.7), m.loss(t, m.forward(t), u, p).item(), 2e-6);
  }

  /** Every tensor (g_a_iva included: it must get exactly no gradient), ssl_alpha 0.7 so both terms count. */
  @Test
  void gradientMatchesCentralDifferences() {
    SLMRec m = new SLMRec(small(0.7, Variant.REFERENCE, 4), tiny(), 5);
    int[] u = {0, 2, 0, 1};
    int[] p = {1, 2, 0, 1};
    GradientCheck.assertGradients(m.parameters(), t -> m.loss(t, m.forward(t), u, p), 1e-3, 1e-5, 2e-2, 200);
  }

  /**
   * §3.8 with one batch per epoch: REFERENCE scores σ(u . i) with the embeddings of the forward before the batch's
   * optimiser step, CORRECTED scores u . i with a fresh forward after it. Untrained, both score the initial forward
   * (REFERENCE with σ), where upstream's REFERENCE fails for want of a cache.
   */
  @ParameterizedTest
  @EnumSource(Variant.class)
  void referenceScoresSigmoidOfTheLastTrainingForward(Variant variant) {
    SLMRec m = new SLMRec(small(0.5, variant, 64), tiny(), 6);
    SLMRec.Embeddings before = m.forward(Tape.inference(CpuBackend.shared()));
    float[] ub = before.users().value().data().clone();
    float[] ib = before.items().value().data().clone();
    float[] untrained = new float[4];
    m.scorer().scoreAll(new UserBatch(new int[] {1}, new int[][] {{}}), untrained);
    for (int i = 0; i < 4; i++) {
      double dot = rowDot(ub, 1, ib, i, 4);
      double s = variant == Variant.REFERENCE ? 1 / (1 + Math.exp(-dot)) : dot;
      assertEquals(s, untrained[i], 1e-6, "untrained item " + i);
    }
    m.trainEpoch(0);
    SLMRec.Embeddings after = m.forward(Tape.inference(CpuBackend.shared()));
    float[] ua = after.users().value().data();
    float[] ia = after.items().value().data();
    assertFalse(Arrays.equals(ub, Arrays.copyOf(ua, ub.length)), "the step must move the embeddings");
    float[] scores = new float[4];
    m.scorer().scoreAll(new UserBatch(new int[] {1}, new int[][] {{}}), scores);
    for (int i = 0; i < 4; i++) {
      double s = variant == Variant.REFERENCE
          ? 1 / (1 + Math.exp(-rowDot(ub, 1, ib, i, 4)))
          : rowDot(ua, 1, ia, i, 4);
      assertEquals(s, scores[i], 1e-6, variant + " item " + i);
    }
  }

  /** Adam decays every trained tensor (weight_decay 1e-4), but never the unused g_a_iva (PyTorch skips grad None). */
  @Test
  void unusedAudioHeadIsCountedButNeverUpdated() {
    SLMRec m = new SLMRec(small(0.5, Variant.REFERENCE, 4), tiny(), 7);
    Map<String, float[]> before = new HashMap<>();
    for (Param p : m.parameters()) {
      before.put(p.name(), p.value().data().clone());
    }
    m.trainEpoch(0);
    for (Param p : m.parameters()) {
      boolean moved = !Arrays.equals(before.get(p.name()), p.value().data());
      assertEquals(!p.name().startsWith("g_a_iva"), moved, p.name());
    }
    // E_u 3x4, E_i 4x4, v_dense 2->4, t_dense 3->4, two 12->4 fusions, four 4->4 heads (g_a_iva included), two 4->2
    long want = 12 + 16 + (8 + 4) + (12 + 4) + 2 * (48 + 4) + 4 * (16 + 4) + 2 * (8 + 2);
    assertEquals(want, m.parameterCount());
  }

  @Test
  void configValidationNamesTheKey() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new SLMRec.Config(64, 3, 0.2, 0.0, 0.1, 0.01, 1e-4, 2048, Variant.REFERENCE));
    assertEquals("SLMRec.Config ssl_temp = 0.0: must be > 0 (specs/baselines.md §4.2)", e.getMessage());
    var odd = assertThrows(IllegalArgumentException.class,
        () -> new SLMRec.Config(63, 3, 0.2, 0.2, 0.1, 0.01, 1e-4, 2048, Variant.REFERENCE));
    assertTrue(odd.getMessage().startsWith("SLMRec.Config recdim = 63: must be even"), odd.getMessage());
  }

  @Test
  void bothModalitiesAreRequired() {
    TrainView v = TrainView.ofPairs(2, 2, new int[] {0, 1}, new int[] {0, 1},
        Map.of("image", new FeatureMatrix(2, 2, new float[] {1, 0, 0, 1})));
    var e = assertThrows(IllegalArgumentException.class, () -> new SLMRec(SLMRec.Config.defaults(), v, 1));
    assertTrue(e.getMessage().startsWith("SLMRec needs both image and text item features"), e.getMessage());
  }

  @Tag("learning")
  @Test
  void beatsPopularityOnPlantedStructure() {
    Split split = LearningCheck.defaultSplit();
    double pop = LearningCheck.popularityRecallAt20(split);
    // Each 2048-row batch costs three B x B in-batch softmaxes, so the test stops after 2 epochs; at the default
    // lr 0.01 SLMRec is near its peak by then (measured: test Recall@20 0.1845 after epoch 0, 0.1750 after epoch 1,
    // at most 0.187 in 12 epochs; MostPop 0.15).
    double r = LearningCheck.testRecallAt20(split, (v, s) -> new SLMRec(SLMRec.Config.defaults(), v, s), 2, 1);
    assertTrue(r > pop * 1.1, "SLMRec Recall@20 " + r + " vs MostPop " + pop);
  }

  private static Map<String, Param> params(SLMRec m) {
    Map<String, Param> ps = new HashMap<>();
    for (Param p : m.parameters()) {
      ps.put(p.name(), p);
    }
    return ps;
  }

  private static double rowDot(float[] a, int ra, float[] b, int rb, int d) {
    double s = 0;
    for (int c = 0; c < d; c++) {
      s += (double) a[ra * d + c] * b[rb * d + c];
    }
    return s;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /** §4.2 in plain double arithmetic on dense matrices, reading the model's current parameters by name. */
  private static final class Reference {
    final double[][] users; // user_final
    final double[][] items; // item_final
    final double[][][] blocks; // [3][nItems][d]: propagated E_i, v_dense(v), t_dense(t)
    final Map<String, Param> ps;

    Reference(SLMRec m, TrainView v, int layers) {
      ps = params(m);
      int nU = v.nUsers();
      int nI = v.nItems();
      int n = nU + nI;
      double[][] a = new double[n][n];
      double[] deg = new double[n];
      boolean[][] edge = new boolean[nU][nI];
      for (int r = 0; r < v.nInteractions(); r++) {
        edge[v.users()[r]][v.items()[r]] = true;
      }
      for (int uu = 0; uu < nU; uu++) {
        for (int ii = 0; ii < nI; ii++) {
          if (edge[uu][ii]) {
            deg[uu]++;
            deg[nU + ii]++;
          }
        }
      }
      for (int uu = 0; uu < nU; uu++) {
        for (int ii = 0; ii < nI; ii++) {
          if (edge[uu][ii]) {
            a[uu][nU + ii] = a[nU + ii][uu] = 1 / Math.sqrt((deg[uu] + 1e-8) * (deg[nU + ii] + 1e-8));
          }
        }
      }
      double[][][] itemInputs = {
        rows(ps.get("embedding_item")),
        linearRows("v_dense", unitRows(v.feature("image"))),
        linearRows("t_dense", unitRows(v.feature("text")))
      };
      double[][] eu = rows(ps.get("embedding_user"));
      double[][][] userBlocks = new double[3][][];
      blocks = new double[3][][];
      for (int k = 0; k < 3; k++) {
        double[][] e = new double[n][];
        for (int r = 0; r < n; r++) {
          e[r] = r < nU ? eu[r] : itemInputs[k][r - nU];
        }
        double[][] sum = e;
        for (int l = 0; l < layers; l++) {
          e = mul(a, e);
          sum = add(sum, e);
        }
        userBlocks[k] = new double[nU][];
        blocks[k] = new double[nI][];
        for (int r = 0; r < n; r++) {
          double[] mean = Arrays.stream(sum[r]).map(x -> x / (layers + 1)).toArray();
          if (r < nU) {
            userBlocks[k][r] = mean;
          } else {
            blocks[k][r - nU] = mean;
          }
        }
      }
      users = linearRows("embedding_user_after_GCN", concat(userBlocks));
      items = linearRows("embedding_item_after_GCN", concat(blocks));
    }

    double loss(int[] u, int[] p, double temp, double sslTemp, double sslAlpha) {
      double[][] us = new double[u.length][];
      double[][] is = new double[p.length][];
      double[][][] b = new double[3][p.length][];
      for (int k = 0; k < u.length; k++) {
        us[k] = unit(users[u[k]]);
        is[k] = unit(items[p[k]]);
        for (int m = 0; m < 3; m++) {
          b[m][k] = blocks[m][p[k]];
        }
      }
      double[][] fa = linearRows("g_i_iv", b[0]);
      double[][] fb = linearRows("g_v_iv", b[1]);
      double[][] fc = linearRows("g_iva_ivat", linearRows("g_iv_iva", fa));
      double[][] fd = linearRows("g_t_ivat", b[2]);
      return ceDiag(us, is, temp) + sslAlpha * (ceDiag(fa, fb, sslTemp) + ceDiag(fc, fd, sslTemp));
    }

    /** mean over k of -log(exp(x_k . y_k / τ) / sum_j exp(x_k . y_j / τ)). */
    private static double ceDiag(double[][] x, double[][] y, double tau) {
      double total = 0;
      for (int k = 0; k < x.length; k++) {
        double z = 0;
        for (double[] yj : y) {
          z += Math.exp(dot(x[k], yj) / tau);
        }
        total += Math.log(z) - dot(x[k], y[k]) / tau;
      }
      return total / x.length;
    }

    /** Rows times W^T plus b for the Linear {@code name} (W [out, in], PyTorch layout). */
    private double[][] linearRows(String name, double[][] x) {
      Param w = ps.get(name + ".weight");
      float[] b = ps.get(name + ".bias").value().data();
      int out = w.value().rows();
      int in = w.value().cols();
      double[][] y = new double[x.length][out];
      for (int r = 0; r < x.length; r++) {
        for (int o = 0; o < out; o++) {
          double s = b[o];
          for (int k = 0; k < in; k++) {
            s += w.value().data()[o * in + k] * x[r][k];
          }
          y[r][o] = s;
        }
      }
      return y;
    }

    private static double[][] unitRows(FeatureMatrix f) {
      double[][] y = new double[f.rows()][];
      for (int r = 0; r < f.rows(); r++) {
        double[] x = new double[f.cols()];
        for (int c = 0; c < f.cols(); c++) {
          x[c] = f.get(r, c);
        }
        y[r] = unit(x);
      }
      return y;
    }

    private static double[] unit(double[] x) {
      double nrm = Math.sqrt(dot(x, x));
      return Arrays.stream(x).map(e -> e / nrm).toArray();
    }

    private static double[][] rows(Param p) {
      int d = p.value().cols();
      double[][] y = new double[p.value().rows()][d];
      for (int r = 0; r < y.length; r++) {
        for (int c = 0; c < d; c++) {
          y[r][c] = p.value().data()[r * d + c];
        }
      }
      return y;
    }

    private static double[][] concat(double[][][] parts) {
      double[][] y = new double[parts[0].length][];
      for (int r = 0; r < y.length; r++) {
        double[] row = new double[0];
        for (double[][] part : parts) {
          double[] joined = Arrays.copyOf(row, row.length + part[r].length);
          System.arraycopy(part[r], 0, joined, row.length, part[r].length);
          row = joined;
        }
        y[r] = row;
      }
      return y;
    }

    private static double[][] add(double[][] x, double[][] y) {
      double[][] z = new double[x.length][x[0].length];
      for (int r = 0; r < x.length; r++) {
        for (int c = 0; c < x[0].length; c++) {
          z[r][c] = x[r][c] + y[r][c];
        }
      }
      return z;
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
