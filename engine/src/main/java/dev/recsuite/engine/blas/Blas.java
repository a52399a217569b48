package dev.recsuite.engine.blas;

import dev.recsuite.engine.parallel.WorkerPool;

/**
 * Chooses the GEMM implementation. System property {@code recsuite.blas}: {@code auto} (default: OpenBLAS when its
 * native library loads, else pure Java), {@code openblas} (fail if it does not load) or {@code java}.
 *
 * <p>Under {@code auto}, products below {@link #JAVA_BELOW} multiply-adds stay in Java (measured crossover: the
 * copy into native memory and the call cost more than they save on small products, see the bench profile).
 */
public final class Blas {
  /** m*n*k below which {@code auto} keeps a product in Java. */
  public static final long JAVA_BELOW = 1L << 18;

  private Blas() {}

  /** The GEMM selected by {@code recsuite.blas} for a pool. */
  public static Gemm select(WorkerPool pool) {
    String mode = System.getProperty("recsuite.blas", "auto").trim();
    switch (mode) {
      case "java":
        return new JavaGemm(pool);
      case "openblas":
        return new OpenBlasGemm(pool);
      case "auto":
        Gemm native_ = tryOpenBlas(pool);
        return native_ == null ? new JavaGemm(pool) : new SizeSplitGemm(new JavaGemm(pool), native_);
      default:
        throw new IllegalArgumentException(
            "system property recsuite.blas = '" + mode + "': expected auto, openblas or java");
    }
  }

  /** OpenBLAS, or null when its classes or native library are unavailable on this platform. */
  public static Gemm tryOpenBlas(WorkerPool pool) {
    try {
      return new OpenBlasGemm(pool);
    } catch (Throwable e) { // NoClassDefFoundError or UnsatisfiedLinkError: fall back to Java
      return null;
    }
  }

  /** Small products in Java, large ones native. */
  private record SizeSplitGemm(Gemm small, Gemm large) implements Gemm {
    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
        float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
      Gemm g = (long) m * n * k < JAVA_BELOW ? small : large;
      g.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public String name() {
      return large.name() + " (java below " + JAVA_BELOW + " multiply-adds)";
    }
  }
}
