package dev.recsuite.stats.paired;

import dev.recsuite.stats.Pairing;
import java.util.Locale;

/**
 * Result of {@link WilcoxonSignedRankTest}. {@code rPlus} (R+) and {@code rMinus} (R−) are the sums of the
 * average ranks of |d_i| over the positive and negative non-zero differences; R+ + R− = m(m + 1)/2 with
 * m = n − zeros. {@link #statistic()} follows {@code scipy.stats.wilcoxon}: min(R+, R−) for a two-sided test,
 * R+ for a one-sided one. {@code z} = (R+ − m(m+1)/4) / σ with the tie-corrected σ, signed (SciPy reports
 * −|z| for two-sided tests, and only under {@code method='asymptotic'}); it is filled in for every method but
 * gives the p-value only under {@link Method#NORMAL_APPROXIMATION}.
 */
public record WilcoxonResult(
    Pairing pairing,
    Alternative alternative,
    int n,
    int zeros,
    boolean ties,
    double rPlus,
    double rMinus,
    double z,
    Method method,
    double pValue)
    implements PairedTestResult {

  /** How the p-value was obtained; SciPy's {@code method='auto'} picks one as described in each constant. */
  public enum Method {
    /**
     * Exact null distribution of R+ over all 2^n sign patterns of the ranks 1..n. Used when n ≤ 50 and there
     * are no zeros and no ties (SciPy: {@code method='exact'}).
     */
    EXACT("exact"),
    /**
     * Exact null distribution of R+ conditional on the observed average ranks, over all 2^n sign patterns
     * (flipping a zero changes nothing). Used when n ≤ 13 and there are zeros or ties (SciPy 1.17:
     * {@code PermutationMethod()}, deterministic because 2^13 ≤ its 9999 resamples).
     */
    EXACT_CONDITIONAL("exact, conditional on ties"),
    /**
     * Normal approximation with tie-corrected variance, no continuity correction. Used when n &gt; 50, or when
     * 13 &lt; n ≤ 50 and there are zeros or ties (SciPy: {@code method='asymptotic', correction=False}).
     */
    NORMAL_APPROXIMATION("normal approximation");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Override
  public String testName() {
    return "Wilcoxon signed-rank test";
  }

  /** Number of pairs with a non-zero difference, the m that ranks run over. */
  public int nonZero() {
    return n - zeros;
  }

  /** min(R+, R−) for two-sided, R+ otherwise: {@code scipy.stats.wilcoxon(...).statistic}. */
  @Override
  public double statistic() {
    return alternative == Alternative.TWO_SIDED ? Math.min(rPlus, rMinus) : rPlus;
  }

  @Override
  public String statisticText() {
    String name = alternative == Alternative.TWO_SIDED ? "W" : "W+";
    return String.format(Locale.ROOT, "%s = %s (%s)", name, halfInteger(statistic()), method.label());
  }

  private static String halfInteger(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
