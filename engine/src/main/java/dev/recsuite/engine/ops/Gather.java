package dev.recsuite.engine.ops;

import dev.recsuite.engine.parallel.WorkerPool;

/**
 * Row gather (embedding lookup) and its adjoint, scatter-add. The scatter is deterministic and correct for repeated
 * indices: the source rows are ordered by destination with a stable counting sort, and each destination row is
 * summed by one thread in increasing source order. (SameDiff's gather loses gradient on repeated indices, issue 3;
 * every training batch repeats users and items.)
 */
public final class Gather {
  private Gather() {}

  /** out[i, :] = src[idx[i], :] for rows of width d. */
  public static void rows(WorkerPool pool, float[] src, int srcRows, int d, int[] idx, float[] out) {
    pool.forRange(idx.length, Math.max(1, 8192 / Math.max(1, d)), (i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        int r = idx[i];
        if (r < 0 || r >= srcRows) {
          throw new IndexOutOfBoundsException("gather index " + r + " at position " + i + " outside " + srcRows + " rows");
        }
        System.arraycopy(src, r * d, out, i * d, d);
      }
    });
  }

  /**
   * The positions 0..idx.length-1 ordered by (idx, position): a stable counting sort when the table is small
   * relative to the batch, a sort of packed keys otherwise.
   */
  public static int[] orderByIndex(int[] idx, int tableRows) {
    int n = idx.length;
    int[] order = new int[n];
    if (tableRows <= 4L * n + 1024) {
      int[] start = new int[tableRows + 1];
      for (int r : idx) {
        start[r + 1]++;
      }
      for (int r = 0; r < tableRows; r++) {
        start[r + 1] += start[r];
      }
      for (int i = 0; i < n; i++) {
        order[start[idx[i]]++] = i;
      }
    } else {
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = ((long) idx[i] << 32) | i;
      }
      java.util.Arrays.sort(keys);
      for (int i = 0; i < n; i++) {
        order[i] = (int) keys[i];
      }
    }
    return order;
  }

  /**
   * dst[idx[i], :] += src[i, :] for all i. {@code order} is {@link #orderByIndex}(idx, dstRows); threads split it
   * only where the destination row changes.
   */
  public static void scatterAdd(WorkerPool pool, float[] src, int d, int[] idx, int[] order, float[] dst, int dstRows) {
    int n = idx.length;
    int parts = Math.max(1, Math.min(pool.threads(), (int) (((long) n * d) >> 14)));
    int[] bounds = new int[parts + 1];
    bounds[parts] = n;
    for (int p = 1; p < parts; p++) {
      int b = Math.max(bounds[p - 1], (int) ((long) n * p / parts));
      while (b > 0 && b < n && idx[order[b]] == idx[order[b - 1]]) {
        b++;
      }
      bounds[p] = b;
    }
    pool.forParts(bounds, (k0, k1) -> {
      for (int k = k0; k < k1; k++) {
        int i = order[k];
        int r = idx[i];
        if (r < 0 || r >= dstRows) {
          throw new IndexOutOfBoundsException("scatter index " + r + " at position " + i + " outside " + dstRows + " rows");
        }
        Simd.add(src, i * d, dst, r * d, d);
      }
    });
  }
}
