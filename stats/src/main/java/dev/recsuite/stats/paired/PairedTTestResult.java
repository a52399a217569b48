package dev.recsuite.stats.paired;

import dev.recsuite.stats.Pairing;
import java.util.Locale;

/**
 * Result of {@link PairedTTest}: t = mean(d) / (sd(d) / sqrt(n)) with d = a − b, sd Bessel-corrected, and
 * {@code degreesOfFreedom} = n − 1. Fields match {@code scipy.stats.ttest_rel(a, b, alternative=...)}:
 * {@code statistic} is t, {@code pvalue} is p, {@code df} is n − 1. When sd(d) = 0 but mean(d) ≠ 0, t is ±∞
 * and p is 0 (or 1 for the opposite one-sided alternative), as in SciPy.
 */
public record PairedTTestResult(
    Pairing pairing,
    Alternative alternative,
    int n,
    double meanDifference,
    double sdDifference,
    double t,
    int degreesOfFreedom,
    double pValue)
    implements PairedTestResult {

  @Override
  public String testName() {
    return "paired t-test";
  }

  @Override
  public double statistic() {
    return t;
  }

  @Override
  public String statisticText() {
    return String.format(Locale.ROOT, "t(%d) = %.4g", degreesOfFreedom, t);
  }
}
