package dev.recsuite.engine.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.Backend;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Finite-difference gradient check: the tape's gradient of L = sum_i w_i f(x)_i (fixed random w, summed in
 * double outside the tape) against central differences (L(x + h e_j) - L(x - h e_j)) / 2h on float32 forward
 * passes. Error measure (STYLE.md §4): max_j |g_j - ĝ_j| / max(1e-6, max_j |g_j| + max_j |ĝ_j|), over at most
 * {@code maxProbes} coordinates per input (all of them for small inputs).
 */
public final class GradCheck {
  /** The function under test; it builds its ops on the given tape from the input vars. */
  @FunctionalInterface
  public interface Fn {
    Var apply(Tape t, Var[] in);
  }

  public static final Backend BACKEND = CpuBackend.withThreads(2);

  private GradCheck() {}

  /** Asserts the relative error is at most {@code tol}, with step h. */
  public static void check(String what, Fn f, double h, double tol, Tensor... inputs) {
    double err = error(f, h, 48, inputs);
    assertTrue(err <= tol, what + ": gradient error " + err + " > " + tol);
  }

  /** The default float32 check: h = 1e-2, tolerance 1e-2. */
  public static void check(String what, Fn f, Tensor... inputs) {
    check(what, f, 1e-2, 1e-2, inputs);
  }

  public static double error(Fn f, double h, int maxProbes, Tensor... inputs) {
    Param[] ps = new Param[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      ps[i] = new Param("x" + i, inputs[i].copy());
    }
    Tape t = Tape.training(BACKEND);
    Var[] vs = new Var[ps.length];
    for (int i = 0; i < ps.length; i++) {
      vs[i] = t.param(ps[i]);
    }
    Var y = f.apply(t, vs);
    float[] w = weights(y.value().size());
    Var loss = t.sum(t.mul(y, t.constant(Tensor.of(w.clone(), y.shape()))));
    t.backward(loss);
    double worst = 0;
    SplittableRandom pick = new SplittableRandom(11);
    for (int i = 0; i < ps.length; i++) {
      float[] x = ps[i].value().data();
      float[] g = ps[i].grad().data();
      int n = x.length;
      int probes = Math.min(n, maxProbes);
      double maxDiff = 0;
      double maxG = 0;
      double maxN = 0;
      for (int p = 0; p < probes; p++) {
        int j = probes == n ? p : pick.nextInt(n);
        float orig = x[j];
        x[j] = (float) (orig + h);
        double up = eval(f, ps, w);
        x[j] = (float) (orig - h);
        double down = eval(f, ps, w);
        x[j] = orig;
        double num = (up - down) / (2 * h);
        maxDiff = Math.max(maxDiff, Math.abs(num - g[j]));
        maxG = Math.max(maxG, Math.abs(g[j]));
        maxN = Math.max(maxN, Math.abs(num));
      }
      worst = Math.max(worst, maxDiff / Math.max(1e-6, maxG + maxN));
    }
    return worst;
  }

  private static double eval(Fn f, Param[] ps, float[] w) {
    Tape t = Tape.training(BACKEND); // training mode so dropout masks match; backward is not called
    Var[] vs = new Var[ps.length];
    for (int i = 0; i < ps.length; i++) {
      vs[i] = t.param(ps[i]);
    }
    float[] y = f.apply(t, vs).value().data();
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += (double) w[i] * y[i];
    }
    return s;
  }

  private static float[] weights(int n) {
    SplittableRandom r = new SplittableRandom(5);
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return w;
  }

  /** A tensor of N(0, 1) draws from a fixed seed. */
  public static Tensor randn(long seed, int... shape) {
    Tensor t = Tensor.zeros(shape);
    SplittableRandom r = new SplittableRandom(seed);
    float[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) r.nextGaussian();
    }
    return t;
  }

  /** Uniform values in ±[lo, hi], away from 0 (for functions with a kink or pole at 0). */
  public static Tensor awayFromZero(long seed, double lo, double hi, int... shape) {
    Tensor t = Tensor.zeros(shape);
    SplittableRandom r = new SplittableRandom(seed);
    float[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      double v = lo + (hi - lo) * r.nextDouble();
      d[i] = (float) (r.nextBoolean() ? v : -v);
    }
    return t;
  }

  /** Uniform values in [lo, hi]. */
  public static Tensor uniform(long seed, double lo, double hi, int... shape) {
    Tensor t = Tensor.zeros(shape);
    SplittableRandom r = new SplittableRandom(seed);
    float[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (lo + (hi - lo) * r.nextDouble());
    }
    return t;
  }

  public static String shape(Tensor t) {
    return Arrays.toString(t.shape());
  }
}
