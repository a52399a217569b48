package dev.recsuite.engine.ops;

import dev.recsuite.engine.parallel.WorkerPool;

/**
 * Sums with a fixed order. A full sum adds fixed blocks of {@value #BLOCK} values in double and then the block sums
 * in block order, so it does not depend on the thread count. An axis sum views the input as
 * {@code [outer, n, inner]} and adds along n in increasing order for each output element.
 */
public final class Reductions {
  public static final int BLOCK = 4096;

  private Reductions() {}

  /** Sum of all values, accumulated in double. */
  public static double sumAll(WorkerPool pool, float[] x, int n) {
    int blocks = (n + BLOCK - 1) / BLOCK;
    if (blocks <= 1) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += x[i];
      }
      return s;
    }
    double[] partial = new double[blocks];
    pool.forRange(blocks, 8, (b0, b1) -> {
      for (int b = b0; b < b1; b++) {
        double s = 0;
        int end = Math.min(n, (b + 1) * BLOCK);
        for (int i = b * BLOCK; i < end; i++) {
          s += x[i];
        }
        partial[b] = s;
      }
    });
    double s = 0;
    for (double p : partial) {
      s += p;
    }
    return s;
  }

  /** Sum of squares of all values, accumulated in double, same blocking as {@link #sumAll}. */
  public static double sumSquares(WorkerPool pool, float[] x, int n) {
    int blocks = (n + BLOCK - 1) / BLOCK;
    double[] partial = new double[Math.max(1, blocks)];
    pool.forRange(blocks, 8, (b0, b1) -> {
      for (int b = b0; b < b1; b++) {
        double s = 0;
        int end = Math.min(n, (b + 1) * BLOCK);
        for (int i = b * BLOCK; i < end; i++) {
          s += (double) x[i] * x[i];
        }
        partial[b] = s;
      }
    });
    double s = 0;
    for (double p : partial) {
      s += p;
    }
    return s;
  }

  /** out[o, i] = sum_k x[o, k, i] for x viewed as [outer, n, inner]. */
  public static void sumAxis(WorkerPool pool, float[] x, int outer, int n, int inner, float[] out) {
    if (inner == 1) {
      pool.forRange(outer, Math.max(1, 4096 / Math.max(1, n)), (o0, o1) -> {
        for (int o = o0; o < o1; o++) {
          double s = 0;
          int base = o * n;
          for (int k = 0; k < n; k++) {
            s += x[base + k];
          }
          out[o] = (float) s;
        }
      });
      return;
    }
    pool.forRange(outer * inner, 4096, (lo, hi) -> {
      for (int q = lo; q < hi; q++) {
        int o = q / inner;
        int i = q - o * inner;
        int base = o * n * inner + i;
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += x[base + k * inner];
        }
        out[q] = (float) s;
      }
    });
  }

  /** gx[o, k, i] += gy[o, i]: the backward of {@link #sumAxis}, scaled by {@code scale}. */
  public static void broadcastAxis(WorkerPool pool, float[] gy, int outer, int n, int inner, float scale, float[] gx) {
    pool.forRange(outer, Math.max(1, 8192 / Math.max(1, n * inner)), (o0, o1) -> {
      for (int o = o0; o < o1; o++) {
        for (int k = 0; k < n; k++) {
          int base = (o * n + k) * inner;
          int gb = o * inner;
          for (int i = 0; i < inner; i++) {
            gx[base + i] += scale * gy[gb + i];
          }
        }
      }
    });
  }
}
