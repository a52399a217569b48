package dev.recsuite.engine.ops;

import dev.recsuite.engine.parallel.WorkerPool;

/**
 * Layer normalisation over the last dimension, as {@code torch.nn.LayerNorm}: biased variance,
 * {@code y = (x - mean) / sqrt(var + eps) * gamma + beta}. The forward pass keeps each row's mean and
 * 1/sqrt(var + eps) for the backward pass.
 */
public final class LayerNorm {
  private LayerNorm() {}

  /** stats holds [rows, 2] = (mean, rstd). */
  public static void forward(WorkerPool pool, float[] x, int rows, int d, float[] gamma, float[] beta, float eps,
      float[] y, float[] stats) {
    pool.forRange(rows, Math.max(1, 4096 / Math.max(1, d)), (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int o = r * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += x[o + j];
        }
        double mean = s / d;
        double v = 0;
        for (int j = 0; j < d; j++) {
          double c = x[o + j] - mean;
          v += c * c;
        }
        float rstd = (float) (1.0 / Math.sqrt(v / d + eps));
        float m = (float) mean;
        stats[2 * r] = m;
        stats[2 * r + 1] = rstd;
        for (int j = 0; j < d; j++) {
          y[o + j] = (x[o + j] - m) * rstd * gamma[j] + beta[j];
        }
      }
    });
  }

  /**
   * gx += rstd * (g - mean(g) - xhat * mean(g * xhat)) with g = gy * gamma; ggamma += sum_rows gy * xhat and
   * gbeta += sum_rows gy, in fixed blocks of rows (thread-count independent). Any of gx, ggamma, gbeta may be null.
   */
  public static void backward(WorkerPool pool, float[] x, float[] gamma, float[] stats, float[] gy, int rows, int d,
      float[] gx, float[] ggamma, float[] gbeta) {
    if (gx != null) {
      pool.forRange(rows, Math.max(1, 4096 / Math.max(1, d)), (r0, r1) -> {
        for (int r = r0; r < r1; r++) {
          int o = r * d;
          float m = stats[2 * r];
          float rstd = stats[2 * r + 1];
          double sg = 0;
          double sgx = 0;
          for (int j = 0; j < d; j++) {
            float g = gy[o + j] * gamma[j];
            sg += g;
            sgx += g * (x[o + j] - m) * rstd;
          }
          float mg = (float) (sg / d);
          float mgx = (float) (sgx / d);
          for (int j = 0; j < d; j++) {
            float xhat = (x[o + j] - m) * rstd;
            gx[o + j] += rstd * (gy[o + j] * gamma[j] - mg - xhat * mgx);
          }
        }
      });
    }
    if (ggamma != null || gbeta != null) {
      final int rb = 256;
      int blocks = (rows + rb - 1) / rb;
      float[] pg = new float[blocks * d];
      float[] pb = new float[blocks * d];
      pool.forRange(blocks, 1, (b0, b1) -> {
        for (int b = b0; b < b1; b++) {
          int po = b * d;
          int end = Math.min(rows, (b + 1) * rb);
          for (int r = b * rb; r < end; r++) {
            int o = r * d;
            float m = stats[2 * r];
            float rstd = stats[2 * r + 1];
            for (int j = 0; j < d; j++) {
              pg[po + j] += gy[o + j] * (x[o + j] - m) * rstd;
              pb[po + j] += gy[o + j];
            }
          }
        }
      });
      for (int b = 0; b < blocks; b++) {
        for (int j = 0; j < d; j++) {
          if (ggamma != null) {
            ggamma[j] += pg[b * d + j];
          }
          if (gbeta != null) {
            gbeta[j] += pb[b * d + j];
          }
        }
      }
    }
  }
}
