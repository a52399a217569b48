package dev.recsuite.engine.ops;

import dev.recsuite.engine.parallel.WorkerPool;
import java.util.Arrays;

/** Copies that change layout: axis permutation and concatenation/splitting along an axis. */
public final class Shapes {
  private Shapes() {}

  /** Shape after permuting axes: out[i] = in[perm[i]]. */
  public static int[] permutedShape(int[] shape, int[] perm) {
    if (perm.length != shape.length) {
      throw new IllegalArgumentException("permutation " + Arrays.toString(perm) + " for shape " + Arrays.toString(shape));
    }
    boolean[] seen = new boolean[perm.length];
    int[] out = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      if (perm[i] < 0 || perm[i] >= perm.length || seen[perm[i]]) {
        throw new IllegalArgumentException("not a permutation: " + Arrays.toString(perm));
      }
      seen[perm[i]] = true;
      out[i] = shape[perm[i]];
    }
    return out;
  }

  /**
   * y = x with axes permuted (y's axis i is x's axis perm[i]). If {@code accumulate}, adds into y. The inverse
   * permutation maps a gradient back.
   */
  public static void permute(WorkerPool pool, float[] x, int[] shape, int[] perm, float[] y, boolean accumulate) {
    int rank = shape.length;
    int[] inStride = new int[rank];
    int s = 1;
    for (int i = rank - 1; i >= 0; i--) {
      inStride[i] = s;
      s *= shape[i];
    }
    int[] outShape = permutedShape(shape, perm);
    int[] stride = new int[rank]; // input stride for each output axis
    for (int i = 0; i < rank; i++) {
      stride[i] = inStride[perm[i]];
    }
    int cols = outShape[rank - 1];
    int rows = cols == 0 ? 0 : x.length / cols;
    int lastStride = stride[rank - 1];
    pool.forRange(rows, Math.max(1, 4096 / Math.max(1, cols)), (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int off = 0;
        int q = r;
        for (int i = rank - 2; i >= 0; i--) {
          off += (q % outShape[i]) * stride[i];
          q /= outShape[i];
        }
        int yo = r * cols;
        if (accumulate) {
          for (int j = 0; j < cols; j++) {
            y[yo + j] += x[off + j * lastStride];
          }
        } else {
          for (int j = 0; j < cols; j++) {
            y[yo + j] = x[off + j * lastStride];
          }
        }
      }
    });
  }

  /**
   * Copies part {@code x} ([outer, n, inner]) into {@code y} ([outer, total, inner]) at offset {@code at} along
   * the middle axis (concat); with {@code reverse} copies the slice of y back into x (split), adding if
   * {@code accumulate}.
   */
  public static void slab(float[] x, int outer, int n, int inner, float[] y, int total, int at, boolean reverse,
      boolean accumulate) {
    int len = n * inner;
    for (int o = 0; o < outer; o++) {
      int xo = o * len;
      int yo = (o * total + at) * inner;
      if (!reverse) {
        if (accumulate) {
          Simd.add(x, xo, y, yo, len);
        } else {
          System.arraycopy(x, xo, y, yo, len);
        }
      } else if (accumulate) {
        Simd.add(y, yo, x, xo, len);
      } else {
        System.arraycopy(y, yo, x, xo, len);
      }
    }
  }
}
