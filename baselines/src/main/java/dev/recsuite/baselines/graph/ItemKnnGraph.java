package dev.recsuite.baselines.graph;

import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.ops.TopK;
import dev.recsuite.engine.tensor.Csr;
import dev.recsuite.engine.tensor.Tensor;
import dev.recsuite.protocols.data.FeatureMatrix;

/**
 * Item–item kNN graphs from item features (FREEDOM, MGCN, LATTICE; specs/baselines.md §3.5, §3.6, §7 item 6).
 *
 * <p>Similarity is the cosine of the raw features (rows divided by their L2 norm, no epsilon; a zero row,
 * which MMRec would turn into NaN, is left at zero here). Each row keeps its top k columns by similarity,
 * which include the item itself. Ties are broken by the lower item index (the engine's {@link TopK}), a
 * documented deterministic choice where {@code torch.topk} leaves the order open; ties do occur (MMRec fills
 * missing images with the mean vector). The n x n similarity matrix is never materialised: rows are computed
 * in blocks with one GEMM each.
 */
public final class ItemKnnGraph {
  /** Rows of 256 items: a 256 x nItems similarity block (7 MB for 7,050 items). */
  private static final int BLOCK = 256;

  /**
   * The top k neighbours of every item.
   *
   * @param cols [n * k] neighbour indices, by descending similarity
   * @param sims [n * k] their cosine similarities
   */
  public record Neighbours(int n, int k, int[] cols, float[] sims) {}

  private ItemKnnGraph() {}

  public static Neighbours topK(FeatureMatrix features, int k, CpuBackend be) {
    int n = features.rows();
    int d = features.cols();
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("knn_k = " + k + ": must be in 1.." + n);
    }
    float[] unit = features.data().clone(); // [n, d]
    for (int i = 0; i < n; i++) {
      double ss = 0;
      for (int j = 0; j < d; j++) {
        ss += (double) unit[i * d + j] * unit[i * d + j];
      }
      float inv = ss > 0 ? (float) (1.0 / Math.sqrt(ss)) : 0f;
      for (int j = 0; j < d; j++) {
        unit[i * d + j] *= inv;
      }
    }
    Tensor all = Tensor.of(unit, n, d);
    int[] cols = new int[n * k];
    float[] sims = new float[n * k];
    for (int from = 0; from < n; from += BLOCK) {
      int rows = Math.min(BLOCK, n - from);
      Tensor q = Tensor.of(java.util.Arrays.copyOfRange(unit, from * d, (from + rows) * d), rows, d);
      Tensor s = Tensor.zeros(rows, n); // [rows, n]
      be.matmul(q, false, all, true, s, rows, n, d, 1f, 0f);
      int[] idx = new int[rows * k];
      float[] val = new float[rows * k];
      TopK.select(be.pool(), s.data(), rows, n, k, idx, val);
      System.arraycopy(idx, 0, cols, from * k, rows * k);
      System.arraycopy(val, 0, sims, from * k, rows * k);
    }
    return new Neighbours(n, k, cols, sims);
  }

  /**
   * FREEDOM's frozen modality graph (specs/baselines.md §3.5): binary directed kNN edges, normalised by
   * r_i^{-1/2} r_j^{-1/2} with r = row count + 1e-7. Every row has exactly k entries, so every value is
   * 1/(k + 1e-7).
   */
  public static Csr binaryNormalized(Neighbours nb) {
    int n = nb.n();
    int k = nb.k();
    int[] r = new int[n * k];
    float[] v = new float[n * k];
    double[] rowCount = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        r[i * k + j] = i;
        rowCount[i]++;
      }
    }
    for (int e = 0; e < n * k; e++) {
      v[e] = (float) (1.0 / Math.sqrt((rowCount[r[e]] + 1e-7) * (rowCount[nb.cols()[e]] + 1e-7)));
    }
    return Csr.fromCoo(n, n, r, nb.cols(), v);
  }

  /**
   * MGCN's frozen modality graph (specs/baselines.md §3.6; MGCN {@code utils.get_sparse_laplacian}, 'sym'):
   * the kept similarities as weights, deg_i = sum of row i's kept weights, and edge (i -> j) weighs
   * deg_i^{-1/2} s_ij deg_j^{-1/2}, where the column node also uses its own row degree. An infinite inverse
   * (degree 0) becomes 0, as upstream.
   */
  public static Csr weightedSymmetricNormalized(Neighbours nb) {
    int n = nb.n();
    int k = nb.k();
    double[] deg = new double[n];
    int[] r = new int[n * k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        r[i * k + j] = i;
        deg[i] += nb.sims()[i * k + j];
      }
    }
    float[] v = new float[n * k];
    for (int e = 0; e < n * k; e++) {
      double a = invSqrt(deg[r[e]]);
      double b = invSqrt(deg[nb.cols()[e]]);
      v[e] = (float) (a * nb.sims()[e] * b);
    }
    return Csr.fromCoo(n, n, r, nb.cols(), v);
  }

  private static double invSqrt(double x) {
    double y = Math.pow(x, -0.5);
    return Double.isInfinite(y) ? 0 : y;
  }

  /** w_a A + w_b B, entries added where both have the edge (FREEDOM's 0.1 image + 0.9 text). */
  public static Csr weightedSum(Csr a, float wa, Csr b, float wb) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) {
      throw new IllegalArgumentException("cannot add " + a + " and " + b);
    }
    int na = a.nnz();
    int nb = b.nnz();
    int[] r = new int[na + nb];
    int[] c = new int[na + nb];
    float[] v = new float[na + nb];
    fill(a, wa, r, c, v, 0);
    fill(b, wb, r, c, v, na);
    return Csr.fromCoo(a.rows(), a.cols(), r, c, v);
  }

  private static void fill(Csr m, float w, int[] r, int[] c, float[] v, int off) {
    int e = off;
    for (int i = 0; i < m.rows(); i++) {
      for (int p = m.rowPtr()[i]; p < m.rowPtr()[i + 1]; p++) {
        r[e] = i;
        c[e] = m.colIdx()[p];
        v[e] = w * m.values()[p];
        e++;
      }
    }
  }
}
