package dev.recsuite.engine.nn;

import static dev.recsuite.engine.testing.GradCheck.check;
import static dev.recsuite.engine.testing.GradCheck.randn;
import static dev.recsuite.engine.testing.GradCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.rng.Rng;
import dev.recsuite.engine.testing.GradCheck;
import dev.recsuite.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LossesGradTest {
  @Test
  void bprWithAndWithoutEpsilon() {
    check("bpr eps 1e-10", (t, in) -> Losses.bpr(t, in[0], in[1], 1e-10f), randn(1, 7), randn(2, 7));
    check("bpr logsigmoid", (t, in) -> Losses.bpr(t, in[0], in[1], 0f), randn(1, 7), randn(2, 7));
    check("bpr batch 1", (t, in) -> Losses.bpr(t, in[0], in[1], 1e-10f), randn(1, 1), randn(2, 1));
  }

  @Test
  void bprKnownValue() {
    Tape t = Tape.inference(GradCheck.BACKEND);
    // -mean log(1e-10 + σ(d)) for d = (0, 2): (log 2 + log(1 + e^-2)) / 2 = 0.41009...
    Var l = Losses.bpr(t, t.constant(new float[] {1, 3}, 2), t.constant(new float[] {1, 1}, 2), 1e-10f);
    assertEquals((Math.log(2) + Math.log1p(Math.exp(-2))) / 2, l.item(), 1e-7);
  }

  @Test
  void embLossIsSumOfUnsquaredNormsOverRows() {
    check("embLoss", (t, in) -> Losses.embLoss(t, in[0], in[1], in[2]), randn(1, 4, 3), randn(2, 4, 3), randn(3, 4, 3));
    Tape t = Tape.inference(GradCheck.BACKEND);
    // (||[3,4]||_F + ||[[0,12],[5,0]]||_F) / 2 rows = (5 + 13) / 2
    Var l = Losses.embLoss(t, t.constant(new float[] {3, 4}, 1, 2), t.constant(new float[] {0, 12, 5, 0}, 2, 2));
    assertEquals(9f, l.item(), 0f);
  }

  @Test
  void infoNceFixedAndLearnableTemperature() {
    check("infoNce tau 0.2", (t, in) -> Losses.infoNce(t, in[0], in[1], 0.2f), randn(1, 5, 3), randn(2, 5, 3));
    check("infoNce learnable tau", (t, in) -> Losses.infoNce(t, in[0], in[1], t.exp(in[2])),
        randn(1, 5, 3), randn(2, 5, 3), uniform(3, -1, 0, 1));
    Tape t = Tape.inference(GradCheck.BACKEND);
    // Two orthogonal unit rows matched to themselves: logits diag 1/τ, off-diag 0; loss = log(1 + e^{-1/τ})
    Var a = t.constant(new float[] {1, 0, 0, 1}, 2, 2);
    assertEquals(Math.log1p(Math.exp(-5)), Losses.infoNce(t, a, a, 0.2f).item(), 1e-6);
  }

  @Test
  void inBatchCrossEntropyDoesNotNormalise() {
    check("inBatchCrossEntropy tau 0.5", (t, in) -> Losses.inBatchCrossEntropy(t, in[0], in[1], 0.5f), randn(1, 5, 3),
        randn(2, 5, 3));
    Tape t = Tape.inference(GradCheck.BACKEND);
    // Rows of length 2 matched to unit rows, τ 1: logits diag 2, off-diag 0; loss = log(1 + e^{-2}). InfoNCE
    // normalises them to unit rows first: log(1 + e^{-1}).
    Var a = t.constant(new float[] {2, 0, 0, 2}, 2, 2);
    Var b = t.constant(new float[] {1, 0, 0, 1}, 2, 2);
    assertEquals(Math.log1p(Math.exp(-2)), Losses.inBatchCrossEntropy(t, a, b, 1f).item(), 1e-6);
    assertEquals(Math.log1p(Math.exp(-1)), Losses.infoNce(t, a, b, 1f).item(), 1e-6);
  }

  @Test
  void sampledCrossEntropy() {
    int[] cand = {0, 3, 4, 2, 2, 1};
    check("sampled CE", (t, in) -> Losses.sampledCrossEntropy(t, in[0], in[1], cand, new int[] {0, 2}),
        randn(1, 2, 4), randn(2, 5, 4));
  }

  @Test
  void attentionBlock() {
    Tensor mask = Tensor.of(new float[] {0, -10000, -10000, 0, 0, -10000, 0, 0, 0}, 1, 1, 3, 3);
    check("multi-head attention", (t, in) -> Attention.multiHead(t, in[0], in[1], in[2], 2, t.constant(mask), 0.2f,
        Rng.stream(1, "attn")), randn(1, 2, 3, 4), randn(2, 2, 3, 4), randn(3, 2, 3, 4));
  }
}
