package dev.recsuite.engine.nn;

import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import java.util.SplittableRandom;

/**
 * Multi-head scaled dot-product attention on already projected queries, keys and values (RecBole's
 * MultiHeadAttention between its Q/K/V and output dense layers, specs/baselines.md §3.7):
 * softmax(Q K^T / sqrt(dh) + mask) V per head, with dropout on the probabilities.
 */
public final class Attention {
  private Attention() {}

  /**
   * @param q [B, Lq, d] queries
   * @param k [B, Lk, d] keys
   * @param v [B, Lk, d] values
   * @param mask additive mask broadcastable to [B, heads, Lq, Lk] (0 keep, -10000 or -inf drop), or null
   * @return [B, Lq, d], heads concatenated in order
   */
  public static Var multiHead(Tape t, Var q, Var k, Var v, int heads, Var mask, float dropout, SplittableRandom rng) {
    int b = q.dim(0);
    int lq = q.dim(1);
    int lk = k.dim(1);
    int d = q.dim(2);
    if (d % heads != 0) {
      throw new IllegalArgumentException("hidden size " + d + " is not a multiple of " + heads + " heads");
    }
    int dh = d / heads;
    Var qh = t.permute(t.reshape(q, b, lq, heads, dh), 0, 2, 1, 3); // [B, H, Lq, dh]
    Var kh = t.permute(t.reshape(k, b, lk, heads, dh), 0, 2, 1, 3); // [B, H, Lk, dh]
    Var vh = t.permute(t.reshape(v, b, lk, heads, dh), 0, 2, 1, 3); // [B, H, Lk, dh]
    Var scores = t.scale(t.matmul(qh, kh, false, true), (float) (1.0 / Math.sqrt(dh))); // [B, H, Lq, Lk]
    if (mask != null) {
      scores = t.add(scores, mask);
    }
    Var probs = t.dropout(t.softmax(scores, -1), dropout, rng);
    Var ctx = t.matmul(probs, vh); // [B, H, Lq, dh]
    return t.reshape(t.permute(ctx, 0, 2, 1, 3), b, lq, d);
  }
}
