package dev.recsuite.stats.ci;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A two-sided confidence interval [lower, upper] at {@code level} (0.95 for 95%) around {@code estimate}, the
 * sample mean (or mean difference) of {@code n} values. {@code method} says how it was built, e.g. "Student t,
 * 4 df" or "percentile bootstrap, 10000 resamples, seed 42", so a report can print it as provenance.
 * Percentile intervals need not be symmetric about the estimate.
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level, int n, String method) {

  public ConfidenceInterval {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("confidence interval [" + lower + ", " + upper + "]: lower must be <= upper");
    }
  }

  /** lower ≤ x ≤ upper. */
  public boolean contains(double x) {
    return lower <= x && x <= upper;
  }

  public double width() {
    return upper - lower;
  }

  /** e.g. "0.3120 [0.3051, 0.3189] (95% CI, Student t, 4 df)". */
  public String describe() {
    return String.format(Locale.ROOT, "%.4g [%.4g, %.4g] (%s%% CI, %s)", estimate, lower, upper,
        new BigDecimal(Double.toString(level * 100)).stripTrailingZeros().toPlainString(), method);
  }

  static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level = " + level + "; expected 0 < level < 1 (0.95 for 95%)");
    }
  }
}
