package dev.recsuite.suite.matrix;

import dev.recsuite.suite.experiment.Selection;
import dev.recsuite.suite.run.RunRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Picks one configuration of a grid from its trials. The value compared is the selection metric at each
 * trial's best validation epoch: on the validation split ({@code validation}), or on the test split
 * ({@code test-as-mmrec}, MMRec's {@code quick_start.py}: {@code best_test_upon_valid[valid_metric]}). As in
 * MMRec, values are rounded to the trainer's {@code metric_decimals} and only a strictly greater value
 * replaces the best, so the first configuration in grid order wins ties.
 */
public final class Selector {
  private Selector() {}

  /** The index of the chosen trial. */
  public static int choose(List<RunRecord> trials, Selection rule, String metric, int decimals) {
    int best = -1;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < trials.size(); k++) {
      Double v = value(trials.get(k), rule, metric);
      if (v == null || v.isNaN()) {
        continue;
      }
      double r = round(v, decimals);
      if (best < 0 || r > bestValue) {
        best = k;
        bestValue = r;
      }
    }
    if (best < 0) {
      throw new IllegalStateException("no trial has a " + (rule == Selection.VALIDATION ? "validation" : "test") + " value of "
          + metric + " to select on" + (rule == Selection.VALIDATION ? " (does the split have a validation part?)" : ""));
    }
    return best;
  }

  /** The value a rule compares for one trial (null when the run has none, e.g. no validation split). */
  public static Double value(RunRecord trial, Selection rule, String metric) {
    var values = rule == Selection.VALIDATION ? trial.valid() : trial.test().metrics();
    if (values == null) {
      return null;
    }
    for (var e : values.entrySet()) {
      if (e.getKey().equalsIgnoreCase(metric)) {
        return e.getValue();
      }
    }
    return null;
  }

  static double round(double v, int decimals) {
    if (decimals < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
  }
}
