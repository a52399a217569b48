package dev.recsuite.stats.ci;

import dev.recsuite.stats.PairedSample;
import dev.recsuite.stats.Summary;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Student t confidence interval for a mean: mean ± t_{n−1, (1+level)/2} · s / sqrt(n), s the Bessel-corrected
 * standard deviation, the quantile from Hipparchus {@link TDistribution}. This is the interval for a metric
 * across seeds (one value per seed). Matches {@code scipy.stats.t.interval(level, n - 1, loc=mean,
 * scale=scipy.stats.sem(x))}, equivalently {@code scipy.stats.ttest_1samp(x, 0).confidence_interval(level)}
 * and, for a paired difference, {@code scipy.stats.ttest_rel(a, b).confidence_interval(level)}.
 *
 * <p>Needs n ≥ 2 finite values; when all values are equal the interval is the single point [mean, mean].
 */
public final class TInterval {
  /** Brent-solver accuracy for the quantile; Hipparchus's default (1e-9) would show in the 9th digit. */
  private static final double QUANTILE_ACCURACY = 1e-13;

  private TInterval() {}

  /** Interval for the mean of {@code x} (e.g. one metric's value on each seed). */
  public static ConfidenceInterval ofMean(double[] x, double level) {
    ConfidenceInterval.checkLevel(level);
    if (x.length < 2) {
      throw new IllegalArgumentException("t confidence interval: need at least 2 values, got " + x.length);
    }
    return around(Summary.of(x, "t confidence interval: x"), level);
  }

  /** Interval for the mean paired difference mean(a − b) (e.g. proposed minus baseline, per seed). */
  public static ConfidenceInterval ofMeanDifference(PairedSample sample, double level) {
    ConfidenceInterval.checkLevel(level);
    return around(Summary.of(sample.differences(), "t confidence interval: a - b"), level);
  }

  /** t_{df, p}: the quantile used above, exposed for tests and for reports that print it. */
  public static double quantile(int degreesOfFreedom, double p) {
    return new TDistribution(degreesOfFreedom, QUANTILE_ACCURACY).inverseCumulativeProbability(p);
  }

  private static ConfidenceInterval around(Summary s, double level) {
    int df = s.n() - 1;
    double halfWidth = quantile(df, 0.5 + level / 2) * s.standardError();
    return new ConfidenceInterval(s.mean(), s.mean() - halfWidth, s.mean() + halfWidth, level, s.n(),
        "Student t, " + df + " df");
  }
}
