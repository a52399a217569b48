package dev.recsuite.engine.blas;

import dev.recsuite.engine.parallel.WorkerPool;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * GEMM through OpenBLAS (the JavaCPP {@code org.bytedeco:openblas} preset, native library from the
 * {@code linux-x86_64} jar, no LAPACK), run single-threaded inside the engine's own {@link WorkerPool}: each worker
 * multiplies a contiguous block of rows of C. OpenBLAS's own thread pool is not used because its threads keep
 * spinning after a call, and on 2 cores they then steal the CPU from the engine's next kernel.
 *
 * <p>Operands are copied into per-thread off-heap buffers (JNI array access copies anyway and cannot address an
 * offset); the copies cost O(mk + kn + mn) against O(mnk) work. B (and a transposed A) is copied once per call
 * and shared by the workers. Results are
 * deterministic for a given thread count, but differ in the last bits from {@link JavaGemm}.
 */
final class OpenBlasGemm implements Gemm {
  private static final ThreadLocal<FloatPointer[]> BUFFERS = ThreadLocal.withInitial(() -> new FloatPointer[4]);
  private final WorkerPool pool;
  private final String name;

  OpenBlasGemm(WorkerPool pool) {
    org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
    this.pool = pool;
    this.name = "openblas " + openblas_nolapack.OPENBLAS_VERSION.trim() + " (single-threaded per worker)";
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
    FloatPointer[] own = BUFFERS.get();
    int bRows = transB ? n : k;
    int bCols = transB ? k : n;
    FloatPointer pb = own[1] = ensure(own[1], (long) bRows * bCols);
    copyIn(b, bOff, ldb, bRows, bCols, pb);
    // A stored [k, m] (transposed): copied whole here and addressed by column offset; else each worker copies its rows
    FloatPointer sharedA = null;
    if (transA) {
      sharedA = own[0] = ensure(own[0], (long) k * m);
      copyIn(a, aOff, lda, k, m, sharedA);
    }
    final FloatPointer fa = sharedA;
    int minRows = (int) Math.max(1, (1L << 17) / Math.max(1L, (long) n * Math.max(k, 1)));
    pool.forRange(m, minRows, (i0, i1) -> block(transA, transB, m, i0, i1, n, k, alpha, a, aOff, lda, fa, pb, bCols,
        beta, c, cOff, ldc));
  }

  private static void block(boolean transA, boolean transB, int m, int i0, int i1, int n, int k, float alpha,
      float[] a, int aOff, int lda, FloatPointer sharedA, FloatPointer pb, int ldbP, float beta, float[] c, int cOff,
      int ldc) {
    int rows = i1 - i0;
    FloatPointer[] buf = BUFFERS.get();
    FloatPointer pc = buf[2] = ensure(buf[2], (long) rows * n);
    FloatPointer pa;
    int ldaP;
    if (transA) {
      pa = new FloatPointer(sharedA).position(i0); // column block i0.. of the [k, m] copy
      ldaP = m;
    } else {
      pa = buf[3] = ensure(buf[3], (long) rows * k);
      copyIn(a, aOff + i0 * lda, lda, rows, k, pa);
      ldaP = k;
    }
    if (beta != 0f) {
      copyIn(c, cOff + i0 * ldc, ldc, rows, n, pc);
    }
    openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
        transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
        transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
        rows, n, k, alpha, pa, ldaP, pb, ldbP, beta, pc, n);
    if (ldc == n) {
      pc.position(0).get(c, cOff + i0 * ldc, rows * n);
    } else {
      for (int i = 0; i < rows; i++) {
        pc.position((long) i * n).get(c, cOff + (i0 + i) * ldc, n);
      }
    }
    pc.position(0);
  }

  private static FloatPointer ensure(FloatPointer p, long n) {
    if (p != null && p.capacity() >= n) {
      return p;
    }
    long cap = Math.max(n, p == null ? 0 : p.capacity() + p.capacity() / 2);
    if (p != null) {
      p.close();
    }
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
