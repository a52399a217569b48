package dev.recsuite.stats.paired;

import dev.recsuite.stats.PairedSample;
import dev.recsuite.stats.Summary;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Paired Student t-test on d = a − b: t = mean(d) / (sd(d) / sqrt(n)), compared with Student's t with n − 1
 * degrees of freedom (Hipparchus {@link TDistribution}). Matches {@code scipy.stats.ttest_rel(a, b,
 * alternative=...)} (SciPy 1.17.1), checked by the known-answer tests in {@code kat/paired_tests.csv}.
 *
 * <p>The two entry points differ only in the {@link dev.recsuite.stats.Pairing} they record: {@link #acrossSeeds}
 * takes one value per seed (each a mean over users), {@link #acrossUsers} one value per user.
 *
 * <p>Degenerate input: n &lt; 2, unequal lengths or a NaN/infinite value throw (see {@link PairedSample}); all
 * differences zero throws, since t = 0/0 (SciPy returns NaN there).
 */
public final class PairedTTest {
  private PairedTTest() {}

  /** a[i], b[i]: the two systems' metric on seed i (same seed, same split). */
  public static PairedTTestResult acrossSeeds(double[] a, double[] b, Alternative alternative) {
    return test(PairedSample.bySeed(a, b), alternative);
  }

  /** a[i], b[i]: the two systems' metric for user i (same user order in both vectors). */
  public static PairedTTestResult acrossUsers(double[] a, double[] b, Alternative alternative) {
    return test(PairedSample.byUser(a, b), alternative);
  }

  public static PairedTTestResult test(PairedSample sample, Alternative alternative) {
    sample.requireSomeNonZeroDifference("paired t-test");
    Summary d = Summary.of(sample.differences(), "paired differences a - b");
    double t = d.mean() / d.standardError();
    int df = d.n() - 1;
    TDistribution tDist = new TDistribution(df);
    double p = alternative.pValue(tDist::cumulativeProbability, t);
    return new PairedTTestResult(sample.pairing(), alternative, d.n(), d.mean(), d.standardDeviation(), t, df, p);
  }
}
