package dev.recsuite.engine.ops;

import dev.recsuite.engine.parallel.WorkerPool;
import dev.recsuite.engine.rng.Rng;

/**
 * Inverted dropout with a counter-based mask: element i is kept when
 * {@code u_i = top 24 bits of mix64(seed + (i + 1) * golden) / 2^24 >= p}, and kept values are scaled by 1/(1-p)
 * as in PyTorch. The mask is a pure function of (seed, i), so it is the same for every thread count and the
 * backward pass recomputes it instead of storing it.
 */
public final class Dropout {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Dropout() {}

  static boolean keep(long seed, int i, float p) {
    return (Rng.mix64(seed + (i + 1L) * GOLDEN) >>> 40) * 0x1p-24f >= p;
  }

  /** y = x * mask / (1 - p). */
  public static void forward(WorkerPool pool, float[] x, int n, float p, long seed, float[] y) {
    float scale = 1f / (1f - p);
    pool.forRange(n, 1 << 14, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        y[i] = keep(seed, i, p) ? x[i] * scale : 0f;
      }
    });
  }

  /** gx += gy * mask / (1 - p). */
  public static void backward(WorkerPool pool, float[] gy, int n, float p, long seed, float[] gx) {
    float scale = 1f / (1f - p);
    pool.forRange(n, 1 << 14, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        if (keep(seed, i, p)) {
          gx[i] += gy[i] * scale;
        }
      }
    });
  }
}
