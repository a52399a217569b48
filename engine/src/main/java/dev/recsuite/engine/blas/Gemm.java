package dev.recsuite.engine.blas;

/**
 * Single-precision general matrix multiply on row-major arrays:
 * {@code C = alpha * op(A) * op(B) + beta * C}, where {@code op(A)} is {@code m x k}, {@code op(B)} is
 * {@code k x n} and {@code C} is {@code m x n}. Offsets and leading dimensions (row strides) select a block of a
 * larger array. With {@code beta == 0} the old contents of {@code C} are ignored (NaN in C does not leak).
 */
public interface Gemm {
  void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc);

  /** A short name for provenance records ("java", "openblas 0.3.19"). */
  String name();
}
