package dev.recsuite.stats.paired;

import dev.recsuite.stats.Pairing;
import java.util.Locale;

/** What every paired test reports: enough for a table cell, a significance mark and a claim's "test used". */
public sealed interface PairedTestResult permits PairedTTestResult, WilcoxonResult {

  /** "paired t-test" or "Wilcoxon signed-rank test". */
  String testName();

  /** Whether pairs are seeds or users. */
  Pairing pairing();

  Alternative alternative();

  /** Number of pairs tested (zero differences included). */
  int n();

  /** The test statistic, in SciPy's convention for the test (see each record). */
  double statistic();

  /** The uncorrected p-value. */
  double pValue();

  /** One line for logs and tooltips, e.g. "paired t-test across 5 seeds, two-sided: t(4) = 3.651, p = 0.02174". */
  default String describe() {
    return String.format(Locale.ROOT, "%s across %d %s, %s: %s, p = %.4g", testName(), n(), pairing().plural(),
        alternative().scipyName(), statisticText(), pValue());
  }

  /** The statistic as a report prints it, e.g. "t(4) = 3.651" or "W+ = 31 (exact)". */
  String statisticText();
}
