package dev.recsuite.proposed.wavedgarec;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.nn.Init;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Wave-DGARec's graph attention, Eq. 9 (specs/proposed.md §1.3 step 6), or the static graph convolution of the
 * "w/o Graph Attention" ablation (§1.7), for one ID query per sequence over the 3T nodes of its pruned graph.
 *
 * <ul>
 *   <li>Attention: multi-head scaled dot product, Q = q W_Qᵀ + b_Q, K = V_u W_Kᵀ, V = V_u W_Vᵀ + b_V, masked to
 *       the kept edges, softmax, dropout on the weights, W_O on the concatenated heads. No residual (W-6).</li>
 *   <li>Static convolution: the same edges with uniform weights 1/|N(i)|, then W_V and W_O; W_Q and W_K do not
 *       exist.</li>
 *   <li>SUITE DECISION (W-1): the weighted sum is split by the key's modality into groups (ID + text →
 *       H_graph, image → H_graph-img); the groups share one softmax, so their outputs add up to the ordinary
 *       attention output (b_O goes to the first group).</li>
 * </ul>
 * Computed query-side, which is exact: q·(W_K v) = (W_Kᵀ q)·v and Σ α W_V v = W_V Σ α v, so the 3T node
 * vectors are never projected (B·3T·d² multiply-adds saved per layer). The key bias is left out: it adds the
 * same amount to every score of a query and cancels in the softmax.
 */
final class GraphAttention {
  private final int heads;
  private final Param wQ; // [d, d]; null for the static convolution
  private final Param bQ; // [d]
  private final Param wK; // [d, d]
  private final Param wV; // [d, d]
  private final Param bV; // [d]
  private final Param wO; // [d, d]
  private final Param bO; // [d]

  GraphAttention(boolean attention, int hidden, int heads, String name, SplittableRandom rng) {
    if (hidden % heads != 0) {
      throw new IllegalArgumentException("hidden size " + hidden + " is not a multiple of " + heads + " heads");
    }
    this.heads = attention ? heads : 1;
    this.wQ = attention ? Init.normal(name + ".W_Q", rng, 0, 0.02, hidden, hidden) : null;
    this.bQ = attention ? Init.zeros(name + ".b_Q", hidden) : null;
    this.wK = attention ? Init.normal(name + ".W_K", rng, 0, 0.02, hidden, hidden) : null;
    this.wV = Init.normal(name + ".W_V", rng, 0, 0.02, hidden, hidden);
    this.bV = Init.zeros(name + ".b_V", hidden);
    this.wO = Init.normal(name + ".W_O", rng, 0, 0.02, hidden, hidden);
    this.bO = Init.zeros(name + ".b_O", hidden);
  }

  private GraphAttention(GraphAttention s) {
    this.heads = s.heads;
    this.wQ = FrozenParams.copy(s.wQ);
    this.bQ = FrozenParams.copy(s.bQ);
    this.wK = FrozenParams.copy(s.wK);
    this.wV = FrozenParams.copy(s.wV);
    this.bV = FrozenParams.copy(s.bV);
    this.wO = FrozenParams.copy(s.wO);
    this.bO = FrozenParams.copy(s.bO);
  }

  GraphAttention frozenCopy() {
    return new GraphAttention(this);
  }

  boolean isAttention() {
    return wQ != null;
  }

  List<Param> params() {
    List<Param> out = new ArrayList<>();
    if (wQ != null) {
      out.addAll(List.of(wQ, bQ, wK));
    }
    out.addAll(List.of(wV, bV, wO, bO));
    return out;
  }

  /**
   * @param query the querying ID node per sequence [B, d]
   * @param nodes per modality (ID, text, image) the node vectors [B, T, d]
   * @param mask [B, 3T] additive edge mask ({@link EdgePruning})
   * @param groups modality groups to aggregate separately, e.g. {{0, 1}, {2}}
   * @return one [B, d] output per group
   */
  Var[] forward(Tape t, Var query, Var[] nodes, float[] mask, int[][] groups, float dropout, SplittableRandom rng) {
    int b = query.rows();
    int d = query.cols();
    int len = nodes[0].dim(1);
    Var alpha; // [B, H, 3T]
    if (wQ != null) {
      int dh = d / heads;
      Var qh = t.permute(t.reshape(t.linear(query, t.param(wQ), t.param(bQ)), b, heads, dh), 1, 0, 2); // [H, B, dh]
      Var qk = t.matmul(qh, t.reshape(t.param(wK), heads, dh, d)); // [H, B, d] = W_K,hᵀ q_h
      qk = t.scale(t.permute(qk, 1, 0, 2), (float) (1.0 / Math.sqrt(dh))); // [B, H, d]
      Var[] scores = new Var[nodes.length];
      for (int m = 0; m < nodes.length; m++) {
        scores[m] = t.matmul(qk, nodes[m], false, true); // [B, H, T]
      }
      Var logits = t.add(t.concat(-1, scores), t.constant(mask, b, 1, 3 * len));
      alpha = t.dropout(t.softmax(logits, -1), dropout, rng);
    } else {
      alpha = t.constant(uniformWeights(mask, b, 3 * len), b, 1, 3 * len);
    }
    Var[] out = new Var[groups.length];
    for (int g = 0; g < groups.length; g++) {
      out[g] = project(t, alpha, nodes, groups[g], len, g == 0);
    }
    return out;
  }

  /** W_O (W_V Σ_{j in group} α_j v_j + (Σ_{j in group} α_j) b_V) per head, heads concatenated: [B, d]. */
  private Var project(Tape t, Var alpha, Var[] nodes, int[] group, int len, boolean withOutputBias) {
    int b = alpha.dim(0);
    int d = nodes[0].dim(2);
    int dh = d / heads;
    Var agg = null; // [B, H, d]
    Var mass = null; // [B, H]
    for (int m : group) {
      Var a = t.slice(alpha, -1, m * len, len); // [B, H, T]
      Var s = t.matmul(a, nodes[m]);
      Var w = t.sum(a, -1);
      agg = agg == null ? s : t.add(agg, s);
      mass = mass == null ? w : t.add(mass, w);
    }
    Var ctx = t.matmul(t.permute(agg, 1, 0, 2), t.reshape(t.param(wV), heads, dh, d), false, true); // [H, B, dh]
    ctx = t.add(t.permute(ctx, 1, 0, 2), t.mul(t.reshape(mass, b, heads, 1), t.reshape(t.param(bV), heads, dh)));
    return t.linear(t.reshape(ctx, b, d), t.param(wO), withOutputBias ? t.param(bO) : null);
  }

  /** 1/|N(i)| on the kept edges of each row, 0 elsewhere. */
  static float[] uniformWeights(float[] mask, int rows, int cols) {
    float[] w = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      int kept = 0;
      for (int j = 0; j < cols; j++) {
        kept += mask[r * cols + j] == 0f ? 1 : 0;
      }
      for (int j = 0; j < cols && kept > 0; j++) {
        w[r * cols + j] = mask[r * cols + j] == 0f ? 1f / kept : 0f;
      }
    }
    return w;
  }
}
