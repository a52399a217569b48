package dev.recsuite.engine.ops;

import dev.recsuite.engine.parallel.WorkerPool;

/**
 * Softmax cross-entropy over the last axis of logits [B, C] against one class per row, fused: the forward pass
 * keeps only each row's log-sum-exp and the backward pass recomputes e^(x - lse) in place. The composed form
 * (log-softmax into a [B, C] tensor, a [B, C] one-hot gradient, then log-softmax backward) writes and reads two
 * B x C arrays besides the logits and their gradient; with SASRec's all-item loss on Beauty each is
 * 2,048 x 12,102 floats (99 MB) per step.
 *
 * <p>The floats are the composed form's, bit for bit: the same row max and normaliser
 * ({@link Softmax#expSum}), lse = (float) (max + log(sum)), the log-probability as the
 * float x - lse, and the gradient through {@link Simd#crossEntropyBackward}, which mirrors
 * {@link Simd#logSoftmaxBackward}. {@code CrossEntropyTest} checks this against the composed ops.
 */
public final class CrossEntropy {
  private CrossEntropy() {}

  /**
   * @param lse [B] out: each row's log-sum-exp
   * @return the sum over rows of -log softmax(x_b)[t_b], in double, rows in order
   */
  public static double forward(WorkerPool pool, float[] x, int b, int c, int[] targets, float[] lse) {
    pool.forRange(b, Math.max(1, 8192 / Math.max(1, c)), (r0, r1) -> {
      float[] e = new float[c];
      for (int r = r0; r < r1; r++) {
        int o = r * c;
        float max = Simd.max(x, o, c);
        lse[r] = (float) (max + Math.log(Softmax.expSum(x, o, c, max, e, 0)));
      }
    });
    double s = 0;
    for (int r = 0; r < b; r++) {
      s -= x[r * c + targets[r]] - lse[r];
    }
    return s;
  }

  /** gx[b, k] += g ([k = t_b] - softmax(x_b)[k]) for every row. */
  public static void backward(WorkerPool pool, float[] x, int b, int c, int[] targets, float[] lse, float g, float[] gx) {
    pool.forRange(b, Math.max(1, 8192 / Math.max(1, c)), (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        Simd.crossEntropyBackward(x, lse[r], targets[r], g, gx, r * c, c);
      }
    });
  }
}
