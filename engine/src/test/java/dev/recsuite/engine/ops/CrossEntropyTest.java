package dev.recsuite.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.recsuite.engine.parallel.WorkerPool;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused cross-entropy must give the composed ops' floats bit for bit (its class comment promises it, and
 * runs stored before the fusion stay reproducible): log-softmax into [B, C], the loss read from it, and the
 * gradient of a one-hot [B, C] upstream through log-softmax backward, which is what {@code Tape.crossEntropy}
 * computed before.
 */
class CrossEntropyTest {
  @Test
  void fusedEqualsComposedLogSoftmaxBitForBit() {
    WorkerPool pool = WorkerPool.shared();
    SplittableRandom rng = new SplittableRandom(7);
    // widths below, at and across the vector width, with tails, and one the size of an item catalogue
    for (int c : new int[] {1, 3, 7, 8, 9, 16, 17, 33, 1003, 12102}) {
      int b = c > 1000 ? 5 : 37;
      float[] x = new float[b * c];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) (4 * rng.nextGaussian());
      }
      if (c > 2) {
        x[2] = -200f; // an exponent below -87: exactly 0 on both paths
      }
      int[] t = new int[b];
      for (int r = 0; r < b; r++) {
        t[r] = r % 3 == 0 ? c - 1 : rng.nextInt(c); // the last column lies in the scalar tail when c % W != 0
      }
      float g = -1.7f / b;
      float[] gx0 = new float[b * c];
      for (int i = 0; i < gx0.length; i++) {
        gx0[i] = (float) rng.nextGaussian(); // gradients accumulate into what is there
      }

      float[] lsm = new float[b * c];
      Softmax.forward(pool, x, b, c, 1, true, lsm);
      double composedLoss = 0;
      for (int r = 0; r < b; r++) {
        composedLoss -= lsm[r * c + t[r]];
      }
      float[] gy = new float[b * c];
      for (int r = 0; r < b; r++) {
        gy[r * c + t[r]] = g;
      }
      float[] composedGrad = gx0.clone();
      Softmax.backward(pool, lsm, gy, b, c, 1, true, composedGrad);

      float[] lse = new float[b];
      double fusedLoss = CrossEntropy.forward(pool, x, b, c, t, lse);
      float[] fusedGrad = gx0.clone();
      CrossEntropy.backward(pool, x, b, c, t, lse, g, fusedGrad);

      assertEquals(composedLoss, fusedLoss, 0.0, "loss, C = " + c);
      assertArrayEquals(composedGrad, fusedGrad, "gradient, C = " + c);
    }
  }

  @Test
  void maxMatchesTheScalarLoop() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int n : new int[] {1, 2, 7, 8, 9, 15, 16, 17, 100}) {
      float[] x = new float[n + 4];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) rng.nextGaussian();
      }
      x[2 + n - 1] = 9f; // the maximum in the last position (the tail)
      float m = Float.NEGATIVE_INFINITY;
      for (int k = 0; k < n; k++) {
        m = Math.max(m, x[2 + k]);
      }
      assertEquals(m, Simd.max(x, 2, n), 0f, "n = " + n);
    }
  }
}
