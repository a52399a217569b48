package dev.recsuite.stats.correction;

import dev.recsuite.stats.paired.PairedTestResult;
import java.util.Locale;

/** One test of a family with its adjusted p-value: what a significance mark in a report shows. */
public record AdjustedResult(PairedTestResult test, Correction correction, int familySize, double adjustedPValue) {

  /** True when the adjusted p-value is at most α (the level the whole family is held to). */
  public boolean significantAt(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("significance level alpha = " + alpha + "; expected 0 < alpha < 1");
    }
    return adjustedPValue <= alpha;
  }

  /** e.g. "paired t-test across 5 seeds, two-sided: t(4) = 3.651, p = 0.02174; Holm-Bonferroni over 6: p = 0.1305". */
  public String describe() {
    return String.format(Locale.ROOT, "%s; %s over %d: p = %.4g", test.describe(), correction.label(), familySize,
        adjustedPValue);
  }
}
