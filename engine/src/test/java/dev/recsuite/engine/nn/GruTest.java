package dev.recsuite.engine.nn;

import static dev.recsuite.engine.testing.GradCheck.check;
import static dev.recsuite.engine.testing.GradCheck.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.tensor.Tensor;
import dev.recsuite.engine.testing.GradCheck;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GruTest {
  private static final int B = 3;
  private static final int L = 4;
  private static final int IN = 3;
  private static final int H = 2;

  // row 0 all real; row 1 left-padded by two; row 2 with a masked step in the middle (the formula allows it)
  private static final Tensor MASK = Tensor.of(new float[] {1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1}, B, L);

  private static Var gru(Tape t, Var[] in, boolean biases, Tensor mask, boolean allSteps) {
    return Gru.forward(t, in[0], in[1], in[2], biases ? in[3] : null, biases ? in[4] : null, mask, allSteps);
  }

  /** Weights scaled so the gates are not saturated (a saturated sigmoid hides a wrong gradient). */
  private static Tensor[] inputs(boolean biases) {
    Tensor x = randn(1, B, L, IN);
    Tensor wIh = scaled(randn(2, 3 * H, IN), 0.5f);
    Tensor wHh = scaled(randn(3, 3 * H, H), 0.5f);
    return biases ? new Tensor[] {x, wIh, wHh, scaled(randn(4, 3 * H), 0.5f), scaled(randn(5, 3 * H), 0.5f)}
        : new Tensor[] {x, wIh, wHh};
  }

  private static Tensor scaled(Tensor t, float s) {
    for (int i = 0; i < t.data().length; i++) {
      t.data()[i] *= s;
    }
    return t;
  }

  @Test
  void gradientsWithAndWithoutMaskBiasesAndAllSteps() {
    for (boolean biases : new boolean[] {true, false}) {
      for (Tensor mask : new Tensor[] {null, MASK}) {
        for (boolean all : new boolean[] {true, false}) {
          String what = "gru biases " + biases + " mask " + (mask != null) + " allSteps " + all;
          check(what, (t, in) -> gru(t, in, biases, mask, all), inputs(biases));
        }
      }
    }
  }

  /**
   * Two steps with biases against numpy 2.4.6 (float64), torch.nn.GRU's equations written out:
   * <pre>
   * sig = lambda a: 1 / (1 + np.exp(-a))
   * W_ih = np.array([[0.5, -0.25], [0.125, 0.75], [-0.5, 0.25], [1.0, 0.5], [-0.75, 0.375], [0.25, -1.0]])
   * W_hh = np.array([[0.25, 0.5], [-0.5, 0.125], [0.75, -0.25], [0.5, 1.0], [-0.125, 0.25], [1.5, -0.5]])
   * b_ih = np.array([0.1, -0.2, 0.3, 0.0, 0.05, -0.1]); b_hh = np.array([-0.3, 0.2, 0.1, 0.4, -0.05, 0.2])
   * h = np.zeros(2)
   * for x in [np.array([1.0, -0.5]), np.array([0.25, 2.0])]:
   *     gi = W_ih @ x + b_ih; gh = W_hh @ h + b_hh
   *     r = sig(gi[0:2] + gh[0:2]); z = sig(gi[2:4] + gh[2:4]); n = np.tanh(gi[4:6] + r * gh[4:6])
   *     h = (1 - z) * n + z * h; print(repr(h))
   * # [-0.40301202,  0.15094816] then [-0.02646295, -0.03997811]
   * </pre>
   * The first step starts from h = 0, so only the second exercises W_hh.
   */
  @Test
  void twoStepsMatchNumpy() {
    Tape t = Tape.inference(GradCheck.BACKEND);
    Var x = t.constant(new float[] {1f, -0.5f, 0.25f, 2f}, 1, 2, 2);
    Var wIh = t.constant(new float[] {0.5f, -0.25f, 0.125f, 0.75f, -0.5f, 0.25f, 1f, 0.5f, -0.75f, 0.375f, 0.25f, -1f}, 6, 2);
    Var wHh = t.constant(new float[] {0.25f, 0.5f, -0.5f, 0.125f, 0.75f, -0.25f, 0.5f, 1f, -0.125f, 0.25f, 1.5f, -0.5f}, 6, 2);
    Var bIh = t.constant(new float[] {0.1f, -0.2f, 0.3f, 0f, 0.05f, -0.1f}, 6);
    Var bHh = t.constant(new float[] {-0.3f, 0.2f, 0.1f, 0.4f, -0.05f, 0.2f}, 6);
    float[] all = Gru.forward(t, x, wIh, wHh, bIh, bHh, null, true).value().data(); // [1, 2, 2]
    double[] expected = {-0.40301202, 0.15094816, -0.02646295, -0.03997811};
    for (int i = 0; i < 4; i++) {
      assertEquals(expected[i], all[i], 1e-6, "state entry " + i);
    }
    float[] last = Gru.forward(t, x, wIh, wHh, bIh, bHh, null, false).value().data(); // [1, 2]
    assertArrayEquals(Arrays.copyOfRange(all, 2, 4), last);
  }

  /** Left padding: pad steps keep h at 0, so a padded row's states equal those of the row run alone. */
  @Test
  void maskedLeadingStepsLeaveTheStateAtZero() {
    Tensor[] w = inputs(true);
    Tape t = Tape.inference(GradCheck.BACKEND);
    Tensor x = w[0];
    Var[] in = {t.constant(x), t.constant(w[1]), t.constant(w[2]), t.constant(w[3]), t.constant(w[4])};
    float[] padded = gru(t, in, true, MASK, true).value().data(); // [B, L, H]
    // row 1 alone: its two real steps, no mask
    float[] row1 = Arrays.copyOfRange(x.data(), (L + 2) * IN, 2 * L * IN);
    Var[] alone = {t.constant(Tensor.of(row1, 1, 2, IN)), in[1], in[2], in[3], in[4]};
    float[] solo = gru(t, alone, true, null, true).value().data(); // [1, 2, H]
    for (int j = 0; j < 2; j++) {
      assertEquals(0f, padded[(L + j) * H], 0f, "pad step " + j + " must keep h = 0");
      assertEquals(0f, padded[(L + j) * H + 1], 0f, "pad step " + j + " must keep h = 0");
    }
    assertArrayEquals(solo, Arrays.copyOfRange(padded, (L + 2) * H, 2 * L * H), 1e-6f);
    // row 2, masked step 1: state after step 1 equals the state after step 0
    int r2 = 2 * L * H;
    assertArrayEquals(Arrays.copyOfRange(padded, r2, r2 + H), Arrays.copyOfRange(padded, r2 + H, r2 + 2 * H));
  }

  @Test
  void rejectsMismatchedShapes() {
    Tape t = Tape.inference(GradCheck.BACKEND);
    Var x = t.constant(randn(1, 1, 2, 3));
    var e = assertThrows(IllegalArgumentException.class,
        () -> Gru.forward(t, x, t.constant(randn(2, 6, 2)), t.constant(randn(3, 6, 2)), null, null, null, false));
    assertEquals("GRU weights [6, 2] and [6, 2] for input [1, 2, 3]: expected [3H, in] and [3H, H]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Gru.forward(t, x, t.constant(randn(2, 6, 3)),
        t.constant(randn(3, 6, 2)), null, null, Tensor.zeros(1, 3), false));
  }
}
