package dev.recsuite.proposed.wavedgarec;

import dev.recsuite.engine.parallel.WorkerPool;
import java.util.Arrays;

/**
 * The pruned edge set of Wave-DGARec's per-sequence graph (specs/proposed.md §1.3 step 5, W-5, W-6). Nodes are
 * [ID_0..ID_{T-1}, text_0..text_{T-1}, image_0..image_{T-1}] of one left-padded sequence; only ID nodes query
 * (PAPER SAYS). SUITE DECISION, for the ID query at position q:
 *
 * <ol>
 *   <li>padding positions and the query's own ID node are never neighbours (no self loops, W-6);</li>
 *   <li>causal: only positions ≤ q;</li>
 *   <li>the two same-item cross-modal edges (text_q, image_q) are always kept ({@code keep_cross_modal});</li>
 *   <li>of the other candidates, the {@code top_k} most cosine-similar to the query node are kept (ties to
 *       the lower node index).</li>
 * </ol>
 * The result is an additive attention mask: 0 for a kept edge, {@link #DROP} otherwise. Pruning picks edges; it
 * passes no gradient (the kept edges' weights do).
 */
final class EdgePruning {
  /** Added to the score of a pruned edge: exp underflows to exactly 0 in float. */
  static final float DROP = -1e9f;

  /** Node vectors: the vector of (modality m, sequence b, position p) starts at {@code data(m)[row(m, b, p) * d]}. */
  interface Nodes {
    float[] data(int modality);

    int row(int modality, int b, int p);
  }

  private final int topK;
  private final boolean keepCrossModal;

  EdgePruning(int topK, boolean keepCrossModal) {
    if (topK < 0) {
      throw new IllegalArgumentException("top_k = " + topK + ": must be >= 0");
    }
    this.topK = topK;
    this.keepCrossModal = keepCrossModal;
  }

  /**
   * @param first [B] first item position of each sequence (left padding before it)
   * @param q the querying position
   * @return [B, 3T] additive mask for the ID query at q of each sequence
   */
  float[] mask(Nodes nodes, int batch, int length, int dim, int[] first, int q, WorkerPool pool) {
    float[] out = new float[batch * 3 * length];
    Arrays.fill(out, DROP);
    pool.forRange(batch, 8, (b0, b1) -> {
      int n = 3 * length;
      float[] sim = new float[n];
      Integer[] order = new Integer[n];
      for (int b = b0; b < b1; b++) {
        if (first[b] > q) {
          continue; // the query itself is padding: no edges
        }
        float[] qd = nodes.data(0);
        int qo = nodes.row(0, b, q) * dim;
        double qn = norm(qd, qo, dim);
        int cand = 0;
        for (int m = 0; m < 3; m++) {
          float[] data = nodes.data(m);
          for (int p = first[b]; p <= q; p++) {
            int j = m * length + p;
            if (m == 0 && p == q) {
              continue;
            }
            if (m > 0 && p == q && keepCrossModal) {
              out[b * n + j] = 0f;
              continue;
            }
            int o = nodes.row(m, b, p) * dim;
            double dot = 0;
            for (int k = 0; k < dim; k++) {
              dot += qd[qo + k] * data[o + k];
            }
            sim[j] = (float) (dot / (Math.max(qn, 1e-12) * Math.max(norm(data, o, dim), 1e-12)));
            order[cand++] = j;
          }
        }
        Arrays.sort(order, 0, cand, (x, y) -> sim[x] != sim[y] ? Float.compare(sim[y], sim[x]) : Integer.compare(x, y));
        for (int r = 0; r < Math.min(topK, cand); r++) {
          out[b * n + order[r]] = 0f;
        }
      }
    });
    return out;
  }

  private static double norm(float[] d, int o, int dim) {
    double s = 0;
    for (int k = 0; k < dim; k++) {
      s += (double) d[o + k] * d[o + k];
    }
    return Math.sqrt(s);
  }
}
