package dev.recsuite.engine.autodiff;

import static dev.recsuite.engine.testing.GradCheck.check;
import static dev.recsuite.engine.testing.GradCheck.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.recsuite.engine.testing.GradCheck;
import dev.recsuite.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ReductionGradTest {
  @Test
  void sumAndMeanOfAllValues() {
    for (int[] s : new int[][] {{1}, {3, 5}, {4097}, {3, 4099}}) {
      check("sum " + java.util.Arrays.toString(s), (t, in) -> t.sum(in[0]), randn(1, s));
      check("mean " + java.util.Arrays.toString(s), (t, in) -> t.mean(in[0]), randn(1, s));
    }
  }

  @Test
  void sumAndMeanOverEachAxis() {
    for (int axis = -1; axis < 3; axis++) {
      int ax = axis;
      check("sum axis " + ax, (t, in) -> t.sum(in[0], ax), randn(2, 3, 4, 5));
      check("mean axis " + ax, (t, in) -> t.mean(in[0], ax), randn(2, 3, 4, 5));
    }
    check("sum of rank 1", (t, in) -> t.sum(in[0], 0), randn(2, 7));
  }

  @Test
  void axisSumKnownValues() {
    Tape t = Tape.inference(GradCheck.BACKEND);
    Var x = t.constant(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertArrayEquals(new float[] {5, 7, 9}, t.sum(x, 0).value().data());
    assertArrayEquals(new float[] {2, 5}, t.mean(x, 1).value().data());
    assertArrayEquals(new int[] {2}, t.mean(x, 1).shape());
  }

  @Test
  void sumOfSquaresAndFrobeniusNorm() {
    check("sumSquares", (t, in) -> t.sumSquares(in[0]), randn(3, 5, 7));
    check("frobenius", (t, in) -> t.frobenius(in[0]), randn(3, 5, 7));
    check("frobenius size 1", (t, in) -> t.frobenius(in[0]), randn(3, 1));
    Tape t = Tape.inference(GradCheck.BACKEND);
    // torch.norm(torch.tensor([[3., 4.], [0., 12.]]), p=2) = 13 (sqrt(9 + 16 + 144)): not squared
    assertEquals(13f, t.frobenius(t.constant(Tensor.of(new float[] {3, 4, 0, 12}, 2, 2))).item(), 0f);
  }
}
