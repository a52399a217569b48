package dev.recsuite.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimdTest {
  private static float[] rand(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) r.nextGaussian();
    }
    return a;
  }

  @Test
  void surefireRunsTheVectorPath() {
    // The parent pom's surefire argLine adds --add-modules jdk.incubator.vector.
    assertTrue(Simd.VECTOR, "Vector API not active: is --add-modules jdk.incubator.vector in the argLine?");
  }

  @Test
  void vectorAndScalarBodiesAreBitIdentical() {
    for (int n : new int[] {1, 7, 8, 9, 31, 64, 65}) {
      float[] x = rand(1, n + 5);
      float[] y = rand(2, n + 3);
      float[] yv = y.clone();
      float[] ys = y.clone();
      VectorKernels.axpy(0.37f, x, 5, yv, 3, n);
      for (int j = 0; j < n; j++) {
        ys[3 + j] += 0.37f * x[5 + j];
      }
      assertArrayEquals(ys, yv, "axpy n=" + n);
      VectorKernels.add(x, 2, yv, 1, n);
      for (int j = 0; j < n; j++) {
        ys[1 + j] += x[2 + j];
      }
      assertArrayEquals(ys, yv, "add n=" + n);
      float[] c = rand(3, 4 * (n + 2));
      float[] cv = c.clone();
      float[] cs = c.clone();
      VectorKernels.axpy4(0.5f, -1.25f, 3f, 0.1f, x, 1, cv, 2, n + 2, n);
      float[] a = {0.5f, -1.25f, 3f, 0.1f};
      for (int r = 0; r < 4; r++) {
        for (int j = 0; j < n; j++) {
          cs[2 + r * (n + 2) + j] += a[r] * x[1 + j];
        }
      }
      assertArrayEquals(cs, cv, "axpy4 n=" + n);
    }
  }

  @Test
  void spmmRowVectorAndScalarAreBitIdentical() {
    int[] col = {3, 0, 2, 3, 1};
    float[] val = rand(7, 5);
    for (int d : new int[] {1, 7, 8, 64, 65, 72, 130}) {
      float[] x = rand(8, 4 * d);
      for (boolean acc : new boolean[] {false, true}) {
        float[] yv = rand(9, d + 2);
        float[] ys = yv.clone();
        VectorKernels.spmmRow(val, col, 0, 5, x, d, yv, 2, acc);
        for (int j = 0; j < d; j++) {
          float a = acc ? ys[2 + j] : 0f;
          for (int e = 0; e < 5; e++) {
            a += val[e] * x[col[e] * d + j];
          }
          ys[2 + j] = a;
        }
        assertArrayEquals(ys, yv, "spmmRow d=" + d + " accumulate=" + acc);
      }
    }
  }

  @Test
  void adamVectorAndScalarAreBitIdentical() {
    for (float wd : new float[] {0f, 0.1f}) {
      for (int n : new int[] {1, 9, 64, 67}) {
        float[] th = rand(1, n);
        float[] g = rand(2, n);
        float[] m = rand(3, n);
        float[] v = rand(4, n);
        for (int i = 0; i < n; i++) {
          v[i] = Math.abs(v[i]);
        }
        float[] th2 = th.clone();
        float[] m2 = m.clone();
        float[] v2 = v.clone();
        VectorKernels.adam(th, g, m, v, 0, n, 0.01f, 0.03f, 0.1f, 0.999f, 0.001f, 1e-8f, wd);
        Simd.adamScalar(th2, g, m2, v2, 0, n, 0.01f, 0.03f, 0.1f, 0.999f, 0.001f, 1e-8f, wd);
        assertArrayEquals(th2, th, "theta n=" + n + " wd=" + wd);
        assertArrayEquals(m2, m);
        assertArrayEquals(v2, v);
      }
    }
  }

  @Test
  void dropoutVectorAndScalarMasksAreBitIdentical() {
    int n = 203;
    float[] x = rand(5, n);
    float[] gy = rand(6, n);
    int seed = 0x5eed;
    int th = (int) Math.ceil(0.3 * 16_777_216.0);
    float[] y = new float[n];
    float[] gx = rand(7, n);
    gx[3] = -0f;
    float[] gxs = gx.clone();
    int tail = VectorKernels.dropout(x, y, 1, n, seed, th, 2f);
    int tail2 = VectorKernels.dropoutBackward(gy, gx, 1, n, seed, th, 2f);
    for (int i = 1; i < tail; i++) {
      assertEquals(Dropout.keep(seed, i, th) ? x[i] * 2f : 0f, y[i], 0f, "forward " + i);
    }
    for (int i = 1; i < tail2; i++) {
      if (Dropout.keep(seed, i, th)) {
        gxs[i] += gy[i] * 2f;
      }
    }
    assertArrayEquals(java.util.Arrays.copyOf(gxs, tail2), java.util.Arrays.copyOf(gx, tail2));
    assertEquals(Float.floatToRawIntBits(gxs[3]), Float.floatToRawIntBits(gx[3]));
  }

  @Test
  void geluVectorAndScalarAreBitIdenticalAndAccurate() {
    int n = 4003;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = -20f + 40f * i / (n - 1);
    }
    float[] yv = new float[n];
    VectorKernels.gelu(x, yv, 0, n);
    float[] gy = rand(3, n);
    float[] gv = rand(4, n);
    float[] gs = gv.clone();
    int tail = VectorKernels.geluBackward(x, gy, gv, 0, n);
    for (int i = 0; i < tail; i++) {
      float v = x[i];
      float g = Simd.expNeg(-0.5f * v * v);
      assertEquals(v * Simd.phi(v, g), yv[i], 0f, "forward at " + v);
      gs[i] += gy[i] * (Simd.phi(v, g) + v * g * Simd.INV_SQRT_2PI);
      assertEquals(gs[i], gv[i], 0f, "backward at " + v);
      double ref = v * Unary.phiCdf(v, Math.exp(-0.5 * v * v));
      assertEquals(ref, yv[i], 3e-7 * Math.max(1, Math.abs(v)), "x Φ(x) at " + v);
    }
  }

  /** The vector LeakyReLU blend equals the scalar branch bit for bit, NaN and signed zeros included. */
  @Test
  void leakyReluVectorAndScalarAreBitIdentical() {
    for (int n : new int[] {1, 7, 8, 9, 33, 1000}) {
      float[] x = rand(31, n);
      x[0] = -0f;
      if (n > 2) {
        x[1] = Float.NaN;
        x[2] = 0f;
      }
      float[] yv = new float[n];
      int tail = VectorKernels.leakyRelu(x, yv, 0, n, 0.01f);
      float[] gy = rand(32, n);
      float[] gv = rand(33, n);
      float[] gs = gv.clone();
      int tail2 = VectorKernels.leakyReluBackward(x, gy, gv, 0, n, 0.01f);
      for (int k = 0; k < tail; k++) {
        float want = x[k] > 0f ? x[k] : 0.01f * x[k];
        assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(yv[k]), "forward n=" + n + " k=" + k);
      }
      for (int k = 0; k < tail2; k++) {
        gs[k] += x[k] > 0f ? gy[k] : 0.01f * gy[k];
        assertEquals(Float.floatToRawIntBits(gs[k]), Float.floatToRawIntBits(gv[k]), "backward n=" + n + " k=" + k);
      }
    }
  }

  @Test
  void softmaxExpVectorAndScalarAreBitIdentical() {
    for (int n : new int[] {1, 7, 8, 9, 33, 12102}) {
      float[] x = rand(11, n + 3);
      x[3] = -10000f; // a masked attention logit: exactly 0 after the shift
      float[] yv = new float[n + 1];
      int tail = VectorKernels.expShifted(x, 3, 0.5f, yv, 1, n);
      for (int k = 0; k < tail; k++) {
        assertEquals(Simd.expOrZero(x[3 + k] - 0.5f), yv[1 + k], 0f, "exp n=" + n + " k=" + k);
      }
      assertEquals(0f, yv[1], 0f);
      float[] y = rand(12, n);
      for (int k = 0; k < n; k++) {
        y[k] = -Math.abs(y[k]) * 30f;
      }
      float[] gy = rand(13, n);
      float[] gv = rand(14, n);
      float[] gs = gv.clone();
      int tail2 = VectorKernels.logSoftmaxBackward(y, gy, 0.75f, gv, 0, n);
      for (int k = 0; k < tail2; k++) {
        gs[k] += gy[k] - Simd.expOrZero(y[k]) * 0.75f;
      }
      assertArrayEquals(java.util.Arrays.copyOf(gs, tail2), java.util.Arrays.copyOf(gv, tail2), "backward n=" + n);
    }
  }

  /** The float softmax of the last axis against a double Math.exp reference, over 12,102 classes (Beauty items). */
  @Test
  void lastAxisSoftmaxMatchesTheDoubleReference() {
    int n = 12102;
    float[] x = rand(21, 2 * n);
    for (int i = 0; i < x.length; i++) {
      x[i] *= 6f;
    }
    x[5] = -10000f;
    for (boolean log : new boolean[] {false, true}) {
      float[] y = new float[2 * n];
      Softmax.forward(dev.recsuite.engine.parallel.WorkerPool.shared(), x, 2, n, 1, log, y);
      for (int r = 0; r < 2; r++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
          max = Math.max(max, x[r * n + k]);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += Math.exp(x[r * n + k] - max);
        }
        for (int k = 0; k < n; k++) {
          double ref = log ? x[r * n + k] - max - Math.log(sum) : Math.exp(x[r * n + k] - max) / sum;
          // Relative error of e^z grows with |z|: the float argument z = x - max alone carries |z| * 2^-24.
          double tol = log ? 2e-6 * Math.max(1, Math.abs(ref)) : (2e-6 + Math.abs(x[r * n + k] - max) * 1.2e-7) * ref + 1e-30;
          assertEquals(ref, y[r * n + k], tol, "log " + log + " at " + k);
        }
      }
      assertEquals(0f, log ? (float) Math.exp(y[5]) : y[5], 0f, "a -10000 logit gets exactly 0 probability");
    }
  }

  @Test
  void expNegIsAccurate() {
    for (float x = -87f; x <= 0f; x += 0.0137f) {
      double ref = Math.exp(x);
      assertEquals(ref, Simd.expNeg(x), 4e-7 * ref, "exp(" + x + ")");
    }
  }

  @Test
  void erfMatchesScipy() {
    // scipy 1.17.1: scipy.special.erf(0.5) = 0.5204998778130465, erf(-1.7) = -0.9837904585907746,
    // scipy.special.ndtr(1.0) = 0.8413447460685429
    assertEquals(0.5204998778130465, Unary.erf(0.5), 1.5e-7);
    assertEquals(-0.9837904585907746, Unary.erf(-1.7), 1.5e-7);
    assertEquals(0.8413447460685429, Unary.phiCdf(1.0, Math.exp(-0.5)), 1.5e-7);
  }
  @Test
  void countAboveEqualMatchesTheScalarDefinition() {
    SplittableRandom r = new SplittableRandom(11);
    for (int n : new int[] {1, 7, 8, 9, 16, 17, 100, 1003}) {
      float[] s = new float[n + 3];
      boolean[] a = new boolean[n + 5];
      boolean[] b = new boolean[n + 5];
      for (int i = 0; i < s.length; i++) {
        s[i] = r.nextInt(5) * 0.5f; // few distinct values: many ties with the target
      }
      for (int k = 0; k < n; k++) {
        a[k] = r.nextInt(4) == 0;
        b[k] = r.nextInt(9) == 0;
        if (a[k] && r.nextBoolean()) {
          s[3 + k] = Float.NaN; // skipped NaNs are not counted
        }
      }
      s[3 + n - 1] = Float.NaN; // a kept NaN in the scalar tail or the last vector
      a[n - 1] = false;
      b[n - 1] = false;
      float target = 1.0f;
      int gt = 0;
      int eq = 0;
      int nan = 0;
      for (int k = 0; k < n; k++) {
        if (a[k] || b[k]) {
          continue;
        }
        float x = s[3 + k];
        gt += x > target ? 1 : 0;
        eq += x == target ? 1 : 0;
        nan += Float.isNaN(x) ? 1 : 0;
      }
      int[] counts = {-1, -1, -1};
      Simd.countAboveEqual(s, 3, n, a, b, target, counts);
      assertArrayEquals(new int[] {gt, eq, nan}, counts, "n = " + n);
      assertEquals(1, counts[2], "n = " + n);
    }
  }
}
