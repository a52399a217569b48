package dev.recsuite.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.ParamCodec;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.parallel.WorkerPool;
import dev.recsuite.engine.testing.GradCheck;
import dev.recsuite.engine.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {
  private static final WorkerPool POOL = new WorkerPool(2);

  private static float[] twoSteps(double wd) {
    Param p = new Param("theta", Tensor.of(new float[] {0.5f, -1f, 2f}, 3));
    Adam adam = new Adam(List.of(p), Adam.Config.defaults(0.01).withWeightDecay(wd), POOL);
    float[][] grads = {{0.1f, -0.2f, 0f}, {0.3f, 0.05f, -1.5f}};
    for (float[] g : grads) {
      System.arraycopy(g, 0, p.grad().data(), 0, 3);
      adam.step();
    }
    return p.value().data();
  }

  @Test
  void matchesPyTorchSingleTensorAdam() {
    // Expected: torch.optim.Adam's _single_tensor_adam (torch 2.x: exp_avg.lerp_, denom = sqrt(v)/sqrt(bc2) + eps)
    // re-implemented in numpy 2.4.6 float32, lr 0.01, two steps with grads (0.1,-0.2,0) then (0.3,0.05,-1.5).
    // Hand check of step 1, element 0: m = 0.01, v = 1e-5, θ = 0.5 - (0.01/0.1) * 0.01 / (0.1 + 1e-8) = 0.49.
    assertArrayEquals(new float[] {0.48082220554351807f, -0.9853053092956543f, 2.007441282272339f}, twoSteps(0), 2e-7f);
  }

  @Test
  void weightDecayIsCoupledL2NotAdamW() {
    // Same reference with weight_decay = 0.1 added to the gradient before the moments.
    assertArrayEquals(new float[] {0.48051807284355164f, -0.982187032699585f, 1.9963374137878418f}, twoSteps(0.1), 2e-7f);
  }

  @Test
  void stepClearsGradients() {
    Param p = new Param("theta", Tensor.of(new float[] {1f, 2f}, 2));
    Adam adam = new Adam(List.of(p), Adam.Config.defaults(0.1), POOL);
    p.grad().data()[0] = 1f;
    adam.step();
    assertArrayEquals(new float[] {0f, 0f}, p.grad().data());
    assertEquals(1, adam.steps());
  }

  /** minimize = backward, step, reset: loss Σθ² at θ = (1, 2) is 5, and Adam's first step moves each θ by -lr. */
  @Test
  void minimizeIsBackwardStepAndReset() {
    Param p = new Param("theta", Tensor.of(new float[] {1f, 2f}, 2));
    Adam adam = new Adam(List.of(p), Adam.Config.defaults(0.1), POOL);
    Tape tape = Tape.training(dev.recsuite.engine.backend.CpuBackend.shared());
    assertEquals(5.0, adam.minimize(tape, tape.sum(tape.square(tape.param(p)))), 1e-6);
    assertArrayEquals(new float[] {0.9f, 1.9f}, p.value().data(), 1e-6f);
    assertArrayEquals(new float[] {0f, 0f}, p.grad().data());
    assertEquals(3.61 + 0.81, adam.minimize(tape, tape.sum(tape.square(tape.param(p)))), 1e-5, "the tape was reset");
  }

  @Test
  void lazyModeUpdatesOnlyGatheredRows() {
    Param dense = new Param("dense", Tensor.of(new float[] {1, 1, 1, 1, 1, 1}, 3, 2));
    Param lazy = new Param("lazy", Tensor.of(new float[] {1, 1, 1, 1, 1, 1}, 3, 2));
    Adam a = new Adam(List.of(dense), Adam.Config.defaults(0.1).withWeightDecay(0.5), POOL);
    Adam b = new Adam(List.of(lazy), Adam.Config.defaults(0.1).withWeightDecay(0.5).withLazyRows(true), POOL);
    for (Param p : new Param[] {dense, lazy}) {
      Tape t = Tape.training(GradCheck.BACKEND);
      Var g = t.gather(t.param(p), new int[] {2, 2});
      t.backward(t.sum(g));
    }
    a.step();
    b.step();
    // dense Adam decays the untouched rows 0 and 1 (weight decay makes their gradient 0.5); lazy leaves them
    assertEquals(0.9f, dense.value().data()[0], 1e-6f);
    assertArrayEquals(new float[] {1, 1, 1, 1}, java.util.Arrays.copyOf(lazy.value().data(), 4));
    assertEquals(dense.value().data()[4], lazy.value().data()[4], 0f);
  }

  @Test
  void sgdIsPlainGradientStep() {
    Param p = new Param("theta", Tensor.of(new float[] {1f, -2f}, 2));
    Sgd sgd = new Sgd(List.of(p), 0.5, 0.1, POOL);
    p.grad().data()[0] = 2f;
    sgd.step();
    // θ - lr (g + wd θ): 1 - 0.5 (2 + 0.1) = -0.05; -2 - 0.5 (0 - 0.2) = -1.9
    assertArrayEquals(new float[] {-0.05f, -1.9f}, p.value().data(), 1e-7f);
  }

  @Test
  void invalidHyperParametersAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Adam.Config(0.01, 1.0, 0.999, 1e-8, 0, false));
    assertThrows(IllegalArgumentException.class, () -> Adam.Config.defaults(-1));
  }

  @Test
  void frozenParametersAreNotUpdated() {
    Param frozen = new Param("frozen", Tensor.of(new float[] {1f}, 1), false);
    Adam adam = new Adam(List.of(frozen), Adam.Config.defaults(0.1), POOL);
    Tape t = Tape.training(GradCheck.BACKEND);
    assertEquals(false, t.param(frozen).requiresGrad());
    adam.step();
    assertEquals(1f, frozen.value().data()[0], 0f);
  }

  /** Steps with the gradients of {@code grads[from..to)} (a fixed sequence, so two optimisers can share it). */
  private static void steps(Adam adam, Param p, int from, int to) {
    for (int k = from; k < to; k++) {
      for (int j = 0; j < p.size(); j++) {
        p.grad().data()[j] = (float) Math.sin(0.7 * k + j) * (j + 1);
      }
      adam.step();
    }
  }

  @Test
  void savedStateContinuesBitForBitInAFreshOptimiser() throws IOException {
    Adam.Config cfg = Adam.Config.defaults(0.01).withWeightDecay(0.05);
    Param straight = new Param("theta", Tensor.of(new float[] {0.5f, -1f, 2f, 0.25f}, 4));
    Adam a = new Adam(List.of(straight), cfg, POOL);
    steps(a, straight, 0, 7);

    Param first = new Param("theta", Tensor.of(new float[] {0.5f, -1f, 2f, 0.25f}, 4));
    Adam b = new Adam(List.of(first), cfg, POOL);
    steps(b, first, 0, 3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    ParamCodec.write(out, List.of(first));
    b.writeState(out);

    Param resumed = new Param("theta", Tensor.of(new float[4], 4));
    Adam c = new Adam(List.of(resumed), cfg, POOL);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    ParamCodec.read(in, List.of(resumed));
    c.readState(in);
    assertEquals(3, c.steps());
    steps(c, resumed, 3, 7);
    assertArrayEquals(straight.value().data(), resumed.value().data(), 0f);

    // The moments matter: the same parameters with fresh moments end elsewhere.
    Param restarted = new Param("theta", Tensor.of(first.value().data().clone(), 4));
    steps(new Adam(List.of(restarted), cfg, POOL), restarted, 3, 7);
    assertFalse(Arrays.equals(straight.value().data(), restarted.value().data()));
  }

  @Test
  void savedParametersOfAnotherShapeAreRefusedByName() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ParamCodec.write(new DataOutputStream(bytes), List.of(new Param("theta", Tensor.of(new float[4], 2, 2))));
    Param other = new Param("theta", Tensor.of(new float[4], 4));
    IOException e = assertThrows(IOException.class,
        () -> ParamCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), List.of(other)));
    assertTrue(e.getMessage().contains("theta[2, 2]"), e.getMessage());
  }
}
