package dev.recsuite.stats.paired;

import java.util.function.DoubleUnaryOperator;

/**
 * The alternative hypothesis about the paired differences d = a − b, named as SciPy's {@code alternative}
 * argument. For a higher-is-better metric (Recall, NDCG), "a beats b" is {@link #GREATER}.
 */
public enum Alternative {
  /** d is not centred on 0 (SciPy {@code 'two-sided'}). */
  TWO_SIDED("two-sided"),
  /** d is centred above 0: a is larger (SciPy {@code 'greater'}). */
  GREATER("greater"),
  /** d is centred below 0: a is smaller (SciPy {@code 'less'}). */
  LESS("less");

  private final String scipyName;

  Alternative(String scipyName) {
    this.scipyName = scipyName;
  }

  /** The SciPy spelling: "two-sided", "greater" or "less". */
  public String scipyName() {
    return scipyName;
  }

  /** The alternative for the same question with a and b swapped. */
  public Alternative swapped() {
    return switch (this) {
      case TWO_SIDED -> TWO_SIDED;
      case GREATER -> LESS;
      case LESS -> GREATER;
    };
  }

  /**
   * p-value of {@code statistic} under a null distribution symmetric about 0 with CDF {@code cdf}. Only lower
   * tails are evaluated (P(X &gt; s) is taken as F(−s)), so tiny p-values keep their relative precision instead
   * of being rounded to 0 by 1 − F(s).
   */
  double pValue(DoubleUnaryOperator cdf, double statistic) {
    return switch (this) {
      case TWO_SIDED -> Math.min(1.0, 2.0 * cdf.applyAsDouble(-Math.abs(statistic)));
      case GREATER -> cdf.applyAsDouble(-statistic);
      case LESS -> cdf.applyAsDouble(statistic);
    };
  }
}
