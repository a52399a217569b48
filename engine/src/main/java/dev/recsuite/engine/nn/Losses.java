package dev.recsuite.engine.nn;

import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;

/** Recommendation losses built from tape ops (specs/baselines.md §1, §2.6, §3.6). */
public final class Losses {
  private Losses() {}

  /**
   * BPR: -mean log(eps + σ(pos - neg)). MMRec's BPRLoss uses eps = 1e-10; eps = 0 gives
   * -mean logsigmoid(pos - neg), computed stably (FREEDOM, MGCN, LATTICE).
   */
  public static Var bpr(Tape t, Var pos, Var neg, float eps) {
    Var diff = t.sub(pos, neg);
    Var logp = eps == 0f ? t.logSigmoid(diff) : t.log(t.addScalar(t.sigmoid(diff), eps));
    return t.neg(t.mean(logp));
  }

  /**
   * MMRec EmbLoss: (sum_k ||e_k||_F) / rows(last argument), norms not squared (specs/baselines.md §2.6).
   */
  public static Var embLoss(Tape t, Var... embeddings) {
    Var total = null;
    for (Var e : embeddings) {
      Var n = t.frobenius(e);
      total = total == null ? n : t.add(total, n);
    }
    return t.scale(total, 1f / embeddings[embeddings.length - 1].rows());
  }

  /**
   * InfoNCE with in-batch negatives and a fixed temperature: rows of a and b are L2-normalised, logits
   * a_k . b_j / tau, and the loss is the mean over k of -log softmax_j(logits_k)[k] (MGCN, specs/baselines.md §3.6).
   */
  public static Var infoNce(Tape t, Var a, Var b, float tau) {
    return inBatchCrossEntropy(t, t.l2Normalize(a), t.l2Normalize(b), tau);
  }

  /**
   * In-batch softmax cross-entropy on raw rows, without normalisation: logits a_k . b_j / tau over the batch, target
   * j = k, mean over k (SLMRec's FAC heads, specs/baselines.md §4.2; {@link #infoNce} normalises first).
   */
  public static Var inBatchCrossEntropy(Tape t, Var a, Var b, float tau) {
    return t.crossEntropy(t.scale(t.matmul(a, b, false, true), 1f / tau), diagonal(a.rows()));
  }

  /** InfoNCE with a learnable temperature {@code tau} (a one-element var, e.g. exp of a parameter). */
  public static Var infoNce(Tape t, Var a, Var b, Var tau) {
    Var logits = t.matmul(t.l2Normalize(a), t.l2Normalize(b), false, true);
    return t.crossEntropy(t.div(logits, tau), diagonal(a.rows()));
  }

  /**
   * Cross-entropy over sampled candidates: query [B, d] scored against {@code candidates} [B * C] rows of
   * {@code items} (a [N, d] table); the true item of row b sits at column {@code targetCol[b]} of its candidates.
   */
  public static Var sampledCrossEntropy(Tape t, Var query, Var items, int[] candidates, int[] targetCol) {
    int b = query.rows();
    int d = query.cols();
    if (candidates.length % b != 0) {
      throw new IllegalArgumentException(candidates.length + " candidates for " + b + " queries: expected B * C");
    }
    int c = candidates.length / b;
    Var cand = t.gather(items, candidates, b, c); // [B, C, d]
    Var q = t.reshape(query, b, 1, d); // [B, 1, d]
    Var logits = t.reshape(t.matmul(q, cand, false, true), b, c); // [B, C]
    return t.crossEntropy(logits, targetCol);
  }

  private static int[] diagonal(int n) {
    int[] d = new int[n];
    for (int i = 0; i < n; i++) {
      d[i] = i;
    }
    return d;
  }
}
