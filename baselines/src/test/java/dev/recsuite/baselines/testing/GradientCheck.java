package dev.recsuite.baselines.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.CpuBackend;
import java.util.List;
import java.util.function.Function;

/**
 * Central differences against the tape's gradients, for every entry of every listed parameter: the loss is
 * recorded once on a training tape and back-propagated, then re-evaluated on inference tapes at θ ± h. An entry
 * passes when |numeric - analytic| <= abs + rel * max(|numeric|, |analytic|) (float32 losses: the numeric side
 * carries about 1e-7 / h of rounding noise).
 */
public final class GradientCheck {
  private GradientCheck() {}

  public static void assertGradients(List<Param> params, Function<Tape, Var> loss, double h, double abs, double rel) {
    for (Param p : params) {
      p.zeroGrad();
    }
    Tape t = Tape.training(CpuBackend.shared());
    t.backward(loss.apply(t));
    for (Param p : params) {
      float[] analytic = p.grad().data().clone();
      float[] w = p.value().data();
      String worst = null;
      double worstExcess = 0;
      for (int k = 0; k < w.length; k++) {
        float keep = w[k];
        w[k] = (float) (keep + h);
        double up = value(loss);
        w[k] = (float) (keep - h);
        double down = value(loss);
        w[k] = keep;
        double numeric = (up - down) / (2 * h);
        double excess = Math.abs(numeric - analytic[k]) - (abs + rel * Math.max(Math.abs(numeric), Math.abs(analytic[k])));
        if (excess > worstExcess) {
          worstExcess = excess;
          worst = p.name() + "[" + k + "]: numeric " + numeric + ", tape " + analytic[k];
        }
      }
      assertTrue(worst == null, "gradient mismatch at " + worst);
      p.zeroGrad();
    }
  }

  private static double value(Function<Tape, Var> loss) {
    return loss.apply(Tape.inference(CpuBackend.shared())).item();
  }
}
