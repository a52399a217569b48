package dev.recsuite.engine.autodiff;

import static dev.recsuite.engine.testing.GradCheck.check;
import static dev.recsuite.engine.testing.GradCheck.randn;
import static dev.recsuite.engine.testing.GradCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recsuite.engine.rng.Rng;
import dev.recsuite.engine.testing.GradCheck;
import dev.recsuite.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizationGradTest {
  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1, 2})
  void softmaxAndLogSoftmaxOverAnyAxis(int axis) {
    check("softmax axis " + axis, (t, in) -> t.softmax(in[0], axis), randn(1, 3, 4, 5));
    check("logSoftmax axis " + axis, (t, in) -> t.logSoftmax(in[0], axis), randn(1, 3, 4, 5));
  }

  @Test
  void softmaxOfSingleColumnAndWideRows() {
    check("softmax [4, 1]", (t, in) -> t.softmax(in[0], -1), randn(2, 4, 1));
    check("logSoftmax [2, 7051]", (t, in) -> t.logSoftmax(in[0], -1), randn(2, 2, 7051));
  }

  @Test
  void crossEntropyOverAllClasses() {
    check("crossEntropy", (t, in) -> t.crossEntropy(in[0], new int[] {0, 4, 4, 2}), randn(3, 4, 5));
    check("crossEntropy one class", (t, in) -> t.crossEntropy(in[0], new int[] {0}), randn(3, 1, 1));
    Tape t = Tape.inference(GradCheck.BACKEND);
    // F.cross_entropy(torch.tensor([[0., 0.]]), torch.tensor([1])) = log 2
    assertEquals((float) Math.log(2), t.crossEntropy(t.constant(Tensor.zeros(1, 2)), new int[] {1}).item(), 1e-7f);
    assertThrows(IndexOutOfBoundsException.class,
        () -> t.crossEntropy(t.constant(Tensor.zeros(1, 2)), new int[] {2}));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 7, 64, 65})
  void layerNorm(int d) {
    check("layerNorm d=" + d, (t, in) -> t.layerNorm(in[0], in[1], in[2], 1e-5f),
        1e-2, 2e-2, randn(1, 3, 2, d), uniform(2, 0.5, 1.5, d), randn(3, d));
  }

  @Test
  void layerNormWithManyRowsCrossesTheRowBlock() {
    check("layerNorm 300 rows", (t, in) -> t.layerNorm(in[0], in[1], in[2], 1e-12f),
        1e-2, 2e-2, randn(1, 300, 5), uniform(2, 0.5, 1.5, 5), randn(3, 5));
  }

  @Test
  void dropoutGradientUsesTheSameMask() {
    check("dropout p=0.3", (t, in) -> t.dropout(in[0], 0.3f, Rng.stream(1, "dropout")), randn(1, 5, 9));
  }

  @Test
  void dropoutIsInvertedAndOffAtInference() {
    Tensor x = Tensor.zeros(100_000);
    java.util.Arrays.fill(x.data(), 1f);
    Tape train = Tape.training(GradCheck.BACKEND);
    float[] y = train.dropout(train.constant(x), 0.25f, Rng.stream(3, "d")).value().data();
    int kept = 0;
    for (float v : y) {
      if (v != 0f) {
        kept++;
        assertEquals(1f / 0.75f, v, 0f);
      }
    }
    assertEquals(75_000, kept, 600); // binomial sd ≈ 137
    Tape inf = Tape.inference(GradCheck.BACKEND);
    Var in = inf.constant(x);
    assertSame(in, inf.dropout(in, 0.25f, Rng.stream(3, "d")));
    assertThrows(IllegalArgumentException.class, () -> train.dropout(train.constant(x), 1f, Rng.stream(3, "d")));
  }

  @Test
  void l2NormalizeCosineAndRowDot() {
    check("l2Normalize", (t, in) -> t.l2Normalize(in[0]), randn(1, 4, 6));
    check("l2Normalize one row", (t, in) -> t.l2Normalize(in[0]), randn(1, 1, 3));
    check("cosine", (t, in) -> t.cosine(in[0], in[1]), randn(1, 5, 3), randn(2, 5, 3));
    check("rowDot", (t, in) -> t.rowDot(in[0], in[1]), randn(1, 5, 3), randn(2, 5, 3));
    check("rowDot wide", (t, in) -> t.rowDot(in[0], in[1]), randn(1, 300, 64), randn(2, 300, 64));
    Tape t = Tape.inference(GradCheck.BACKEND);
    // F.normalize(torch.zeros(1, 2)) = zeros (the 1e-12 clamp), cosine((1,0),(1,1)) = 1/sqrt(2)
    assertEquals(0f, t.l2Normalize(t.constant(Tensor.zeros(1, 2))).value().data()[0], 0f);
    Var c = t.cosine(t.constant(new float[] {1, 0}, 1, 2), t.constant(new float[] {1, 1}, 1, 2));
    assertEquals((float) (1 / Math.sqrt(2)), c.item(), 1e-7f);
  }
}
