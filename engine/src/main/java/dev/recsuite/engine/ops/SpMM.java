package dev.recsuite.engine.ops;

import dev.recsuite.engine.parallel.WorkerPool;
import dev.recsuite.engine.tensor.Csr;

/**
 * Sparse (CSR) times dense: {@code Y = A X} with X {@code [A.cols, d]} and Y {@code [A.rows, d]}. Threads take
 * contiguous row ranges holding equal numbers of nonzeros; each output row is written by one thread, adding its
 * nonzeros in column order, so the result does not depend on the thread count. The backward pass is the same
 * kernel on the cached transpose: {@code dX += A^T dY}.
 */
public final class SpMM {
  private SpMM() {}

  /** y = a x (accumulate=false) or y += a x. */
  public static void multiply(WorkerPool pool, Csr a, float[] x, int d, float[] y, boolean accumulate) {
    int rows = a.rows();
    int[] ptr = a.rowPtr();
    int[] col = a.colIdx();
    float[] val = a.values();
    int parts = Math.max(1, Math.min(pool.threads(), (int) (((long) a.nnz() * d) >> 15)));
    int[] bounds = new int[parts + 1];
    bounds[parts] = rows;
    long nnz = a.nnz();
    for (int p = 1; p < parts; p++) {
      // First row whose start passes p/parts of the nonzeros (plus rows, so empty rows also spread out).
      long target = (nnz + rows) * p / parts;
      int lo = bounds[p - 1];
      int hi = rows;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if ((long) ptr[mid] + mid < target) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      bounds[p] = lo;
    }
    pool.forParts(bounds, (r0, r1) -> rows(ptr, col, val, x, d, y, r0, r1, accumulate));
  }

  private static void rows(int[] ptr, int[] col, float[] val, float[] x, int d, float[] y, int r0, int r1,
      boolean accumulate) {
    for (int r = r0; r < r1; r++) {
      Simd.spmmRow(val, col, ptr[r], ptr[r + 1], x, d, y, r * d, accumulate);
    }
  }
}
