package dev.recsuite.proposed.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.CpuBackend;
import java.util.List;
import java.util.function.Function;

/**
 * Central differences against the tape for every value of every parameter of a model's loss. The loss is
 * rebuilt on a fresh training tape per evaluation, so a loss whose dropout masks and noise come from a stream
 * created inside {@code loss} is the same function at every evaluation. Error per parameter tensor (STYLE.md §4):
 * max_j |g_j - ĝ_j| / max(1e-6, max_j |g_j| + max_j |ĝ_j|), unless max_j |g_j - ĝ_j| <= atol (float32 noise of
 * the loss divided by 2h).
 *
 * <p>Run it at random parameter values of order 1 ({@link #randomize}): at a model's N(0, 0.02²) initialisation a
 * LayerNorm sees inputs of order 1e-3, and a step h = 1e-3 is then far outside the linear range.
 */
public final class ParamGradCheck {
  private ParamGradCheck() {}

  /** Sets every parameter to N(0, std²) draws from a fixed seed, skipping the named ones. */
  public static void randomize(List<Param> params, double std, long seed, java.util.Set<String> skip) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    for (Param p : params) {
      if (!skip.contains(p.name())) {
        float[] d = p.value().data();
        for (int i = 0; i < d.length; i++) {
          d[i] = (float) (std * r.nextGaussian());
        }
      }
    }
  }

  public static void check(Function<Tape, Var> loss, List<Param> params, double h, double tol, double atol) {
    for (Param p : params) {
      p.zeroGrad();
    }
    Tape t = Tape.training(CpuBackend.shared());
    t.backward(loss.apply(t));
    StringBuilder bad = new StringBuilder();
    for (Param p : params) {
      float[] x = p.value().data();
      float[] g = p.grad().data().clone();
      double maxDiff = 0;
      double maxG = 0;
      double maxN = 0;
      for (int j = 0; j < x.length; j++) {
        float keep = x[j];
        x[j] = (float) (keep + h);
        double up = value(loss);
        x[j] = (float) (keep - h);
        double down = value(loss);
        x[j] = keep;
        double num = (up - down) / (2 * h);
        maxDiff = Math.max(maxDiff, Math.abs(num - g[j]));
        maxG = Math.max(maxG, Math.abs(g[j]));
        maxN = Math.max(maxN, Math.abs(num));
      }
      double err = maxDiff / Math.max(1e-6, maxG + maxN);
      if (err > tol && maxDiff > atol) {
        bad.append(p).append(": error ").append(err).append(" (max |g| ").append(maxG).append(", max |num| ").append(maxN).append("); ");
      }
      assertTrue(maxG + maxN > 0 || x.length == 0, p + " has an identically zero gradient: it does not reach the loss");
    }
    assertTrue(bad.length() == 0, bad.toString());
  }

  private static double value(Function<Tape, Var> loss) {
    return loss.apply(Tape.training(CpuBackend.shared())).item();
  }
}
