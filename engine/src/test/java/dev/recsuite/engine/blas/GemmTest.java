package dev.recsuite.engine.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.recsuite.engine.parallel.WorkerPool;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GemmTest {
  /** Small multiples of 1/8: every product and partial sum is exact in float, so the naive loop is the truth. */
  private static float[] exact(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (r.nextInt(17) - 8) / 8f;
    }
    return a;
  }

  private static float[] naive(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, float[] b,
      float beta, float[] c0) {
    float[] c = c0.clone();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += (ta ? a[p * m + i] : a[i * k + p]) * (double) (tb ? b[j * k + p] : b[p * n + j]);
        }
        c[i * n + j] = (float) (alpha * s + beta * c[i * n + j]);
      }
    }
    return c;
  }

  /** Sizes straddle the 4-row groups, the 512-column and the 256-step blocks (Hipparchus-style 35 x 71 vs 52). */
  @ParameterizedTest
  @CsvSource({"1,1,1", "4,5,3", "5,513,257", "35,71,52", "9,1030,2"})
  void javaGemmIsExactOnRepresentableInputs(int m, int n, int k) {
    JavaGemm g = new JavaGemm(new WorkerPool(3));
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        float[] a = exact(1, m * k);
        float[] b = exact(2, k * n);
        float[] c = exact(3, m * n);
        float[] want = naive(ta, tb, m, n, k, 2f, a, b, 0.5f, c);
        float[] got = c.clone();
        g.sgemm(ta, tb, m, n, k, 2f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0.5f, got, 0, n);
        assertArrayEquals(want, got, 0f, "ta=" + ta + " tb=" + tb);
      }
    }
  }

  @Test
  void betaZeroIgnoresNaNInOutput() {
    float[] c = {Float.NaN};
    new JavaGemm(new WorkerPool(1)).sgemm(false, false, 1, 1, 1, 1f, new float[] {2}, 0, 1, new float[] {3}, 0, 1, 0f, c, 0, 1);
    assertEquals(6f, c[0], 0f);
  }

  @Test
  void offsetsAndLeadingDimensionsSelectABlock() {
    // A = rows 1..2, cols 1..2 of a 3x4 array; B = 2x1 block; C written into column 1 of a 2x3 array.
    float[] a = {0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0};
    float[] b = {9, 5, 6};
    float[] c = new float[6];
    new JavaGemm(new WorkerPool(1)).sgemm(false, false, 2, 1, 2, 1f, a, 5, 4, b, 1, 1, 0f, c, 1, 3);
    assertArrayEquals(new float[] {0, 17, 0, 0, 39, 0}, c);
  }

  @Test
  void openBlasAgreesWithJava() {
    Gemm blas = Blas.tryOpenBlas(new dev.recsuite.engine.parallel.WorkerPool(2));
    assertNotNull(blas, "OpenBLAS native library did not load on linux-x86_64");
    int m = 67;
    int n = 129;
    int k = 65;
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        float[] a = exact(4, m * k);
        float[] b = exact(5, k * n);
        float[] c = exact(6, m * n);
        float[] want = naive(ta, tb, m, n, k, 1.5f, a, b, 1f, c);
        float[] got = c.clone();
        blas.sgemm(ta, tb, m, n, k, 1.5f, a, 0, ta ? m : k, b, 0, tb ? k : n, 1f, got, 0, n);
        assertArrayEquals(want, got, 0f, blas.name() + " ta=" + ta + " tb=" + tb);
      }
    }
  }
}
