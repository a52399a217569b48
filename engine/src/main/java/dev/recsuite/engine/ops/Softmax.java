package dev.recsuite.engine.ops;

import dev.recsuite.engine.parallel.WorkerPool;

/**
 * Softmax and log-softmax along one axis of a tensor viewed as {@code [outer, n, inner]}, max-shifted, with the
 * normaliser accumulated in double. Rows of {@code -inf} (a fully masked attention row) give NaN as in PyTorch.
 *
 * <p>Along the last axis (inner = 1: attention rows, all-item cross-entropy) the exponentials are the engine's
 * float exp ({@link Simd#expShifted}, a few ulp, vectorised, exactly 0 below e^-87) instead of double
 * {@code Math.exp}: SASRec's softmax over 12,102 Beauty items spent 40% of a training epoch in Math.exp.
 */
public final class Softmax {
  private Softmax() {}

  public static void forward(WorkerPool pool, float[] x, int outer, int n, int inner, boolean log, float[] y) {
    if (inner == 1) {
      pool.forRange(outer, Math.max(1, 8192 / Math.max(1, n)), (r0, r1) -> {
        for (int r = r0; r < r1; r++) {
          lastAxisRow(x, r * n, n, log, y);
        }
      });
      return;
    }
    pool.forRange(outer * inner, Math.max(1, 8192 / Math.max(1, n)), (q0, q1) -> {
      for (int q = q0; q < q1; q++) {
        int o = q / inner;
        int i = q - o * inner;
        int base = o * n * inner + i;
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
          max = Math.max(max, x[base + k * inner]);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += Math.exp(x[base + k * inner] - max);
        }
        if (log) {
          float lse = (float) (max + Math.log(sum));
          for (int k = 0; k < n; k++) {
            y[base + k * inner] = x[base + k * inner] - lse;
          }
        } else {
          double inv = 1.0 / sum;
          for (int k = 0; k < n; k++) {
            y[base + k * inner] = (float) (Math.exp(x[base + k * inner] - max) * inv);
          }
        }
      }
    });
  }

  private static void lastAxisRow(float[] x, int base, int n, boolean log, float[] y) {
    float max = Simd.max(x, base, n);
    double sum = expSum(x, base, n, max, y, base);
    if (log) {
      float lse = (float) (max + Math.log(sum));
      for (int k = 0; k < n; k++) {
        y[base + k] = x[base + k] - lse;
      }
    } else {
      float inv = (float) (1.0 / sum);
      for (int k = 0; k < n; k++) {
        y[base + k] *= inv;
      }
    }
  }

  /**
   * Writes the numerators e[eo + k] = e^(x[o + k] - max), k < n, and returns their sum in double, in index order:
   * the normaliser of a last-axis row, shared with {@link CrossEntropy} so both give the same floats.
   */
  static double expSum(float[] x, int o, int n, float max, float[] e, int eo) {
    Simd.expShifted(x, o, max, e, eo, n);
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += e[eo + k];
    }
    return sum;
  }

  /**
   * Softmax: gx += y * (gy - sum(gy * y)). Log-softmax: gx += gy - exp(y) * sum(gy).
   */
  public static void backward(WorkerPool pool, float[] y, float[] gy, int outer, int n, int inner, boolean log,
      float[] gx) {
    pool.forRange(outer * inner, Math.max(1, 8192 / Math.max(1, n)), (q0, q1) -> {
      for (int q = q0; q < q1; q++) {
        int o = q / inner;
        int i = q - o * inner;
        int base = o * n * inner + i;
        double s = 0;
        if (log) {
          for (int k = 0; k < n; k++) {
            s += gy[base + k * inner];
          }
          float fs = (float) s;
          if (inner == 1) {
            Simd.logSoftmaxBackward(y, gy, fs, gx, base, n);
            continue;
          }
          for (int k = 0; k < n; k++) {
            int p = base + k * inner;
            gx[p] += gy[p] - (float) Math.exp(y[p]) * fs;
          }
        } else {
          for (int k = 0; k < n; k++) {
            int p = base + k * inner;
            s += gy[p] * y[p];
          }
          float fs = (float) s;
          for (int k = 0; k < n; k++) {
            int p = base + k * inner;
            gx[p] += y[p] * (gy[p] - fs);
          }
        }
      }
    });
  }
}
