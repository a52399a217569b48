package dev.recsuite.stats;

/**
 * Count, mean and sample standard deviation of one vector: a leaderboard cell's "mean ± std over seeds".
 *
 * <p>mean = (1/n) Σ x_i and sd = sqrt(Σ (x_i − mean)² / (n − 1)) (Bessel-corrected, numpy
 * {@code np.std(x, ddof=1)}), both summed in index order so that the same vector always gives the same
 * bits. The sd of a single value is undefined and is NaN here, so a one-seed cell can still show its mean.
 */
public record Summary(int n, double mean, double standardDeviation) {

  /** Summarises {@code x}; {@code what} names the vector in error messages. */
  public static Summary of(double[] x, String what) {
    if (x.length == 0) {
      throw new IllegalArgumentException(what + ": no values; expected at least one");
    }
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i])) {
        throw new IllegalArgumentException(what + "[" + i + "] = NaN: expected a finite value (drop undefined"
            + " per-user values explicitly with DefinedValues.of)");
      }
      if (Double.isInfinite(x[i])) {
        throw new IllegalArgumentException(what + "[" + i + "] = " + x[i] + ": expected a finite value");
      }
    }
    double mean = mean(x);
    double sd = x.length < 2 ? Double.NaN : Math.sqrt(sumOfSquaredDeviations(x, mean) / (x.length - 1));
    return new Summary(x.length, mean, sd);
  }

  /** Standard error of the mean, sd / sqrt(n) (NaN for n = 1). */
  public double standardError() {
    return standardDeviation / Math.sqrt(n);
  }

  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  // Two-pass (deviations from the computed mean), as numpy's var does: no cancellation from Σx² − n·mean².
  private static double sumOfSquaredDeviations(double[] x, double mean) {
    double ss = 0;
    for (double v : x) {
      double dev = v - mean;
      ss += dev * dev;
    }
    return ss;
  }
}
