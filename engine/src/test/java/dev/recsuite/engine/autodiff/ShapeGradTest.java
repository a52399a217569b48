package dev.recsuite.engine.autodiff;

import static dev.recsuite.engine.testing.GradCheck.check;
import static dev.recsuite.engine.testing.GradCheck.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recsuite.engine.testing.GradCheck;
import dev.recsuite.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ShapeGradTest {
  @Test
  void concatAlongEachAxis() {
    check("concat rows", (t, in) -> t.concat(0, in[0], in[1]), randn(1, 2, 3), randn(2, 4, 3));
    check("concat cols", (t, in) -> t.concat(1, in[0], in[1], in[2]), randn(1, 2, 3), randn(2, 2, 1), randn(3, 2, 5));
    check("concat middle of 3-D", (t, in) -> t.concat(-2, in[0], in[1]), randn(1, 2, 3, 4), randn(2, 2, 1, 4));
  }

  @Test
  void splitAndSliceAreAdjointToConcat() {
    check("split", (t, in) -> {
      Var[] p = t.split(in[0], 1, 2, 3);
      return t.concat(1, t.scale(p[0], 2f), t.scale(p[1], -1f));
    }, randn(1, 3, 5));
    check("slice", (t, in) -> t.slice(in[0], 1, 1, 2), randn(1, 2, 4, 3));
    Tape t = Tape.inference(GradCheck.BACKEND);
    assertThrows(IllegalArgumentException.class, () -> t.split(t.constant(Tensor.zeros(3, 5)), 1, 2, 2));
  }

  @Test
  void reshapeTransposeAndPermute() {
    check("reshape", (t, in) -> t.reshape(in[0], 5, -1), randn(1, 3, 5));
    check("transpose 2-D", (t, in) -> t.transpose(in[0]), randn(1, 3, 5));
    check("transpose axes", (t, in) -> t.transpose(in[0], 1, 2), randn(1, 2, 3, 4));
    check("permute 4-D", (t, in) -> t.permute(in[0], 0, 2, 1, 3), randn(1, 2, 3, 4, 5));
    Tape t = Tape.inference(GradCheck.BACKEND);
    Var x = t.constant(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, t.transpose(x).value().data());
  }

  @Test
  void gatherAndScatterAdd() {
    int[] idx = {2, 0, 2, 2, 4};
    check("gather", (t, in) -> t.gather(in[0], idx), randn(1, 5, 3));
    check("gather [B, L]", (t, in) -> t.gather(in[0], new int[] {1, 1, 0, 3, 3, 3}, 2, 3), randn(1, 4, 2));
    check("gather size 1", (t, in) -> t.gather(in[0], new int[] {0}), randn(1, 1, 1));
    check("scatterAdd", (t, in) -> t.scatterAdd(in[0], idx, 6), randn(1, 5, 3));
    // large batch from a small table: the counting-sort path and a parallel scatter
    int[] big = new int[5000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (i * 7919) % 37;
    }
    check("gather many repeats", (t, in) -> t.gather(in[0], big), randn(2, 37, 8));
  }

  @Test
  void gatherAccumulatesGradientOfRepeatedIndices() {
    // Rows 1 and 2 of a 3-row table are looked up 3 and 1 times: with an upstream gradient of ones,
    // d/dtable = (count of each row) * ones. SameDiff's gather returns 1 instead of 3 here (issue 3).
    Param table = new Param("table", Tensor.zeros(3, 2));
    Tape t = Tape.training(GradCheck.BACKEND);
    Var g = t.gather(t.param(table), new int[] {1, 1, 2, 1});
    t.backward(t.sum(g));
    assertArrayEquals(new float[] {0, 0, 3, 3, 1, 1}, table.grad().data());
    assertArrayEquals(new int[] {1, 2}, table.touchedRows());
  }

  @Test
  void gatherRejectsOutOfRangeIndices() {
    Tape t = Tape.inference(GradCheck.BACKEND);
    assertThrows(IndexOutOfBoundsException.class, () -> t.gather(t.constant(Tensor.zeros(3, 2)), new int[] {3}));
  }
}
