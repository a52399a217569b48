package dev.recsuite.engine.ops;

import dev.recsuite.engine.parallel.WorkerPool;

/**
 * Row-wise dot products and L2 normalisation of [rows, d] matrices. Dot products add in increasing column order in
 * double. L2 normalisation is {@code F.normalize}: x / max(||x||, eps) with eps = 1e-12 by default.
 */
public final class RowOps {
  private RowOps() {}

  /** out[r] = sum_j a[r, j] * b[r, j]. */
  public static void dot(WorkerPool pool, float[] a, float[] b, int rows, int d, float[] out) {
    pool.forRange(rows, Math.max(1, 8192 / Math.max(1, d)), (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int o = r * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += a[o + j] * b[o + j];
        }
        out[r] = (float) s;
      }
    });
  }

  /** ga[r, :] += gy[r] * b[r, :] and gb[r, :] += gy[r] * a[r, :] (either may be null). */
  public static void dotBackward(WorkerPool pool, float[] a, float[] b, float[] gy, int rows, int d, float[] ga,
      float[] gb) {
    pool.forRange(rows, Math.max(1, 8192 / Math.max(1, d)), (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int o = r * d;
        float g = gy[r];
        if (ga != null) {
          for (int j = 0; j < d; j++) {
            ga[o + j] += g * b[o + j];
          }
        }
        if (gb != null) {
          for (int j = 0; j < d; j++) {
            gb[o + j] += g * a[o + j];
          }
        }
      }
    });
  }

  /** y = x / max(||x||, eps) per row; norms[r] keeps max(||x_r||, eps) for the backward pass. */
  public static void l2Normalize(WorkerPool pool, float[] x, int rows, int d, float eps, float[] y, float[] norms) {
    pool.forRange(rows, Math.max(1, 8192 / Math.max(1, d)), (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int o = r * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += x[o + j] * x[o + j];
        }
        float n = (float) Math.max(Math.sqrt(s), eps);
        norms[r] = n;
        float inv = 1f / n;
        for (int j = 0; j < d; j++) {
          y[o + j] = x[o + j] * inv;
        }
      }
    });
  }

  /**
   * gx += (gy - y * (gy . y)) / n for rows whose norm exceeded eps, and gx += gy / eps where the clamp was active
   * (then the map is linear).
   */
  public static void l2NormalizeBackward(WorkerPool pool, float[] y, float[] norms, float[] gy, int rows, int d,
      float eps, float[] gx) {
    pool.forRange(rows, Math.max(1, 8192 / Math.max(1, d)), (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int o = r * d;
        float n = norms[r];
        float inv = 1f / n;
        if (n <= eps) {
          for (int j = 0; j < d; j++) {
            gx[o + j] += gy[o + j] * inv;
          }
          continue;
        }
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += gy[o + j] * y[o + j];
        }
        float fs = (float) s;
        for (int j = 0; j < d; j++) {
          gx[o + j] += (gy[o + j] - y[o + j] * fs) * inv;
        }
      }
    });
  }
}
