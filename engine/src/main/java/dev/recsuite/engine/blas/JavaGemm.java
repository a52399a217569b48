package dev.recsuite.engine.blas;

import dev.recsuite.engine.ops.Simd;
import dev.recsuite.engine.parallel.WorkerPool;

/**
 * Pure-Java GEMM: transposed operands are packed to row-major first, then a blocked kernel updates four rows of
 * C at a time with an inner loop over contiguous columns ({@code c[j] += a * b[j]}, vectorised by {@link Simd}). Threads split the rows of C, and each element's sum runs over p in increasing order,
 * so results do not depend on the thread count.
 *
 * <p>Blocks: 512 columns and 256 inner steps keep a 512 KiB panel of B in a 1 MiB L2 and four 2 KiB C rows in L1.
 */
public final class JavaGemm implements Gemm {
  private static final int JB = 512;
  private static final int KB = 256;
  private static final ThreadLocal<float[][]> PACK = ThreadLocal.withInitial(() -> new float[2][0]);

  private final WorkerPool pool;

  public JavaGemm(WorkerPool pool) {
    this.pool = pool;
  }

  @Override
  public String name() {
    return "java";
  }

  /** A row-major operand after packing: array, offset, leading dimension. */
  private record Packed(float[] data, int off, int ld) {}

  /** op(X) as row-major [rows, cols]: X itself, or its transpose packed into the thread's scratch slot. */
  private static Packed rowMajor(boolean trans, float[] x, int off, int ld, int rows, int cols, int slot) {
    if (!trans) {
      return new Packed(x, off, ld);
    }
    float[][] scratch = PACK.get();
    float[] p = scratch[slot] = ensure(scratch[slot], rows * cols);
    packTranspose(x, off, ld, cols, rows, p); // X is stored [cols, rows]
    return new Packed(p, 0, cols);
  }

  @Override
  public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    Packed pa = rowMajor(transA, a, aOff, lda, m, k, 0);
    Packed pb = rowMajor(transB, b, bOff, ldb, k, n, 1);
    long work = (long) m * n * Math.max(k, 1);
    int groups = (m + 3) / 4;
    int minGroups = work < 1 << 16 ? groups : Math.max(1, (int) ((1L << 15) / ((long) n * Math.max(k, 1) * 4)));
    pool.forRange(groups, minGroups, (g0, g1) -> kernel(Math.min(m, g0 * 4), Math.min(m, g1 * 4), n, k, alpha,
        pa.data(), pa.off(), pa.ld(), pb.data(), pb.off(), pb.ld(), beta, c, cOff, ldc));
  }

  /** Single-threaded product of one block, for callers that parallelise over a batch themselves. */
  public static void sgemmSerial(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    Packed pa = rowMajor(transA, a, aOff, lda, m, k, 0);
    Packed pb = rowMajor(transB, b, bOff, ldb, k, n, 1);
    kernel(0, m, n, k, alpha, pa.data(), pa.off(), pa.ld(), pb.data(), pb.off(), pb.ld(), beta, c, cOff, ldc);
  }

  private static float[] ensure(float[] buf, int n) {
    return buf.length >= n ? buf : new float[Math.max(n, buf.length + buf.length / 2)];
  }

  /** dst[c, r] = src[r, c] for a rows x cols block of src. */
  private static void packTranspose(float[] src, int off, int ld, int rows, int cols, float[] dst) {
    for (int r0 = 0; r0 < rows; r0 += 32) {
      int r1 = Math.min(rows, r0 + 32);
      for (int cI = 0; cI < cols; cI++) {
        int d = cI * rows;
        for (int r = r0; r < r1; r++) {
          dst[d + r] = src[off + r * ld + cI];
        }
      }
    }
  }

  private static void kernel(int i0, int i1, int n, int k, float alpha, float[] a, int aOff, int lda,
      float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    for (int i = i0; i < i1; i++) {
      int ci = cOff + i * ldc;
      if (beta == 0f) {
        java.util.Arrays.fill(c, ci, ci + n, 0f);
      } else if (beta != 1f) {
        for (int j = 0; j < n; j++) {
          c[ci + j] *= beta;
        }
      }
    }
    for (int j0 = 0; j0 < n; j0 += JB) {
      final int jn = Math.min(JB, n - j0);
      for (int p0 = 0; p0 < k; p0 += KB) {
        final int p1 = Math.min(k, p0 + KB);
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
          final int c0 = cOff + i * ldc + j0;
          final int ar = aOff + i * lda;
          for (int p = p0; p < p1; p++) {
            final float a0 = alpha * a[ar + p];
            final float a1 = alpha * a[ar + lda + p];
            final float a2 = alpha * a[ar + 2 * lda + p];
            final float a3 = alpha * a[ar + 3 * lda + p];
            Simd.axpy4(a0, a1, a2, a3, b, bOff + p * ldb + j0, c, c0, ldc, jn);
          }
        }
        for (; i < i1; i++) {
          final int c0 = cOff + i * ldc + j0;
          final int ar = aOff + i * lda;
          for (int p = p0; p < p1; p++) {
            Simd.axpy(alpha * a[ar + p], b, bOff + p * ldb + j0, c, c0, jn);
          }
        }
      }
    }
  }
}
