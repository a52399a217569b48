package dev.recsuite.engine.autodiff;

import static dev.recsuite.engine.testing.GradCheck.check;
import static dev.recsuite.engine.testing.GradCheck.randn;

import dev.recsuite.engine.tensor.Csr;
import dev.recsuite.engine.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinearAlgebraGradTest {
  /** m, n, k: size 1, odd sizes, and sizes straddling JavaGemm's 4-row groups, 512-column and 256-step blocks. */
  @ParameterizedTest
  @CsvSource({"1,1,1", "3,5,2", "5,7,9", "5,513,3", "6,9,257"})
  void matmulAllTransposes(int m, int n, int k) {
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        Tensor a = ta ? randn(1, k, m) : randn(1, m, k);
        Tensor b = tb ? randn(2, n, k) : randn(2, k, n);
        check("matmul " + m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb,
            (t, in) -> t.matmul(in[0], in[1], ta, tb), a, b);
      }
    }
  }

  @Test
  void matmulOfHigherRankByMatrixAppliesToEveryRow() {
    check("[2,3,4] x [4,5]", (t, in) -> t.matmul(in[0], in[1]), randn(3, 2, 3, 4), randn(4, 4, 5));
    check("[2,3,4] x [5,4]^T", (t, in) -> t.matmul(in[0], in[1], false, true), randn(3, 2, 3, 4), randn(4, 5, 4));
  }

  @Test
  void batchedMatmulWithTransposes() {
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        Tensor a = ta ? randn(5, 2, 3, 4, 5) : randn(5, 2, 3, 5, 4);
        Tensor b = tb ? randn(6, 2, 3, 1, 4) : randn(6, 2, 3, 4, 1);
        check("batched ta=" + ta + " tb=" + tb, (t, in) -> t.matmul(in[0], in[1], ta, tb), a, b);
      }
    }
  }

  @Test
  void linearIsXWTransposePlusBias() {
    check("linear", (t, in) -> t.linear(in[0], in[1], in[2]), randn(7, 4, 3), randn(8, 5, 3), randn(9, 5));
    check("linear 3-D, no bias", (t, in) -> t.linear(in[0], in[1], null), randn(7, 2, 4, 3), randn(8, 5, 3));
  }

  static Csr randomCsr(long seed, int rows, int cols, int nnz) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] ri = new int[nnz];
    int[] ci = new int[nnz];
    float[] v = new float[nnz];
    for (int e = 0; e < nnz; e++) {
      ri[e] = r.nextInt(rows - 1); // the last row stays empty
      ci[e] = r.nextInt(cols);
      v[e] = (float) r.nextGaussian();
    }
    return Csr.fromCoo(rows, cols, ri, ci, v);
  }

  @ParameterizedTest
  @CsvSource({"2,1,1,1", "7,5,12,3", "300,310,1500,40"})
  void spmmBackwardIsTransposedProduct(int rows, int cols, int nnz, int d) {
    Csr a = randomCsr(rows, rows, cols, nnz);
    check("spmm " + a, (t, in) -> t.spmm(a, in[0]), randn(12, cols, d));
  }
}
