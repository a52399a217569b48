package dev.recsuite.engine.blas;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * GEMM through OpenBLAS (the JavaCPP {@code org.bytedeco:openblas} preset, native library from the
 * {@code linux-x86_64} jar, no LAPACK). Operands are copied into per-thread off-heap buffers, because JNI array
 * access copies anyway and cannot address an offset; the copies cost O(mk + kn + mn) against O(mnk) work.
 *
 * <p>OpenBLAS's own threads are set to the engine's thread count. Its results are deterministic for a fixed
 * thread count and kernel (OpenBLAS splits the rows and columns of C, never the inner dimension), but they
 * differ in the last bits from {@link JavaGemm}.
 */
final class OpenBlasGemm implements Gemm {
  private static final ThreadLocal<FloatPointer[]> BUFFERS = ThreadLocal.withInitial(() -> new FloatPointer[3]);
  private final String name;

  OpenBlasGemm(int threads) {
    org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
    this.name = "openblas " + openblas_nolapack.OPENBLAS_VERSION.trim() + " (" + threads + " threads)";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    FloatPointer[] buf = BUFFERS.get();
    int aRows = transA ? k : m;
    int aCols = transA ? m : k;
    int bRows = transB ? n : k;
    int bCols = transB ? k : n;
    FloatPointer pa = buf[0] = ensure(buf[0], (long) aRows * aCols);
    FloatPointer pb = buf[1] = ensure(buf[1], (long) bRows * bCols);
    FloatPointer pc = buf[2] = ensure(buf[2], (long) m * n);
    copyIn(a, aOff, lda, aRows, aCols, pa);
    copyIn(b, bOff, ldb, bRows, bCols, pb);
    if (beta != 0f) {
      copyIn(c, cOff, ldc, m, n, pc);
    }
    openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
        transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
        transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
        m, n, k, alpha, pa, aCols, pb, bCols, beta, pc, n);
    if (ldc == n) {
      pc.position(0).get(c, cOff, m * n);
    } else {
      for (int i = 0; i < m; i++) {
        pc.position((long) i * n).get(c, cOff + i * ldc, n);
      }
      pc.position(0);
    }
  }

  private static FloatPointer ensure(FloatPointer p, long n) {
    if (p != null && p.capacity() >= n) {
      return p;
    }
    if (p != null) {
      p.close();
    }
    long cap = Math.max(n, p == null ? 0 : p.capacity() + p.capacity() / 2);
    return new FloatPointer(Math.max(cap, 1));
  }

  private static void copyIn(float[] src, int off, int ld, int rows, int cols, FloatPointer dst) {
    if (ld == cols) {
      dst.position(0).put(src, off, rows * cols);
    } else {
      for (int r = 0; r < rows; r++) {
        dst.position((long) r * cols).put(src, off + r * ld, cols);
      }
    }
    dst.position(0);
  }
}
