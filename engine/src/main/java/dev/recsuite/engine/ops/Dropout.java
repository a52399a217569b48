package dev.recsuite.engine.ops;

import dev.recsuite.engine.parallel.WorkerPool;
import dev.recsuite.engine.rng.Rng;

/**
 * Inverted dropout with a counter-based mask: element i is kept when u_i >= p, where u_i is the top 24 bits of
 * MurmurHash3's 32-bit finaliser applied to {@code i * 0x9E3779B9 ^ seed} (seed folded to 32 bits), over 2^24;
 * kept values are scaled by 1/(1-p) as in PyTorch. The mask is a pure function of (seed, i), so it is the same for every thread count and the
 * backward pass recomputes it instead of storing it.
 */
public final class Dropout {
  private Dropout() {}

  static boolean keep(int seed, int i, int threshold) {
    int h = i * 0x9E3779B9 ^ seed;
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return (h >>> 8) >= threshold;
  }

  private static int fold(long seed) {
    long m = Rng.mix64(seed);
    return (int) (m ^ (m >>> 32));
  }

  /** Keep iff u >= p with u = k / 2^24: compare the 24-bit integer k with ceil(p * 2^24). */
  private static int threshold(float p) {
    return (int) Math.ceil(p * 16_777_216.0);
  }

  /** y = x * mask / (1 - p). */
  public static void forward(WorkerPool pool, float[] x, int n, float p, long seed, float[] y) {
    float scale = 1f / (1f - p);
    int s = fold(seed);
    int th = threshold(p);
    pool.forRange(n, 1 << 14, (lo, hi) -> {
      for (int i = Simd.VECTOR ? VectorKernels.dropout(x, y, lo, hi, s, th, scale) : lo; i < hi; i++) {
        y[i] = keep(s, i, th) ? x[i] * scale : 0f;
      }
    });
  }

  /** gx += gy * mask / (1 - p). */
  public static void backward(WorkerPool pool, float[] gy, int n, float p, long seed, float[] gx) {
    float scale = 1f / (1f - p);
    int s = fold(seed);
    int th = threshold(p);
    pool.forRange(n, 1 << 14, (lo, hi) -> {
      for (int i = Simd.VECTOR ? VectorKernels.dropoutBackward(gy, gx, lo, hi, s, th, scale) : lo; i < hi; i++) {
        if (keep(s, i, th)) {
          gx[i] += gy[i] * scale;
        }
      }
    });
  }
}
