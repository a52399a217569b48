package dev.recsuite.baselines.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.CpuBackend;
import java.util.List;
import java.util.function.Function;

/**
 * Central differences against the tape: the loss is recorded once on a training tape for the analytic gradients,
 * then re-evaluated on inference tapes with each checked entry moved by ±h. An entry passes when |g - ĝ| is
 * below the noise floor or |g - ĝ| / (|g| + |ĝ|) is below {@code relTol}. The floor is {@code absFloor} or, if
 * larger, the float32 noise of the difference quotient: 8 ulp of the loss over 2h.
 *
 * <p>Piecewise-linear activations (ReLU, LeakyReLU) have kinks where central differences are meaningless. An entry
 * whose one-sided slopes (f(w+h) - f(w))/h and (f(w) - f(w-h))/h disagree by more than the tolerance is skipped as
 * a kink, judged from the loss alone (so a wrong tape gradient is never excused); at most a quarter of the checked
 * entries of a tensor may be skipped.
 */
public final class GradientCheck {
  private GradientCheck() {}

  /**
   * Checks every entry of each parameter, or an evenly spaced subset of {@code maxEntries} for larger tensors.
   * Frozen parameters must receive no gradient.
   */
  public static void assertGradients(List<Param> params, Function<Tape, Var> loss, double h, double absFloor,
      double relTol, int maxEntries) {
    CpuBackend be = CpuBackend.shared();
    for (Param p : params) {
      p.zeroGrad();
    }
    Tape t = Tape.training(be);
    Var value = loss.apply(t);
    double floor = Math.max(absFloor, 8 * Math.ulp(value.item()) / (2 * h));
    t.backward(value);
    float[][] analytic = new float[params.size()][];
    for (int k = 0; k < params.size(); k++) {
      analytic[k] = params.get(k).grad().data().clone();
      params.get(k).zeroGrad();
    }
    for (int k = 0; k < params.size(); k++) {
      Param p = params.get(k);
      if (!p.trainable()) {
        for (float g : analytic[k]) {
          assertTrue(g == 0f, p.name() + " is frozen but got gradient " + g);
        }
        continue;
      }
      float[] w = p.value().data();
      int step = Math.max(1, w.length / maxEntries);
      double worst = 0;
      int worstAt = -1;
      int checked = 0;
      int kinks = 0;
      double mid = loss.apply(Tape.inference(be)).item();
      for (int e = 0; e < w.length; e += step) {
        float keep = w[e];
        w[e] = (float) (keep + h);
        double up = loss.apply(Tape.inference(be)).item();
        w[e] = (float) (keep - h);
        double down = loss.apply(Tape.inference(be)).item();
        w[e] = keep;
        checked++;
        double right = (up - mid) / h;
        double left = (mid - down) / h;
        if (Math.abs(right - left) > 2 * floor && Math.abs(right - left) > relTol * (Math.abs(right) + Math.abs(left))) {
          kinks++;
          continue;
        }
        double numeric = (up - down) / (2 * h);
        double diff = Math.abs(numeric - analytic[k][e]);
        double rel = diff < floor ? 0 : diff / (Math.abs(numeric) + Math.abs(analytic[k][e]));
        if (rel > worst) {
          worst = rel;
          worstAt = e;
        }
      }
      assertTrue(worst < relTol, p.name() + ": worst relative gradient error " + worst + " at entry " + worstAt);
      assertTrue(kinks * 4 <= checked, p.name() + ": " + kinks + " of " + checked + " entries sit on a kink");
    }
  }
}
