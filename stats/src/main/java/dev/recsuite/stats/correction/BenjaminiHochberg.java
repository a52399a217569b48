package dev.recsuite.stats.correction;

/**
 * Benjamini–Hochberg step-up adjustment (Benjamini and Hochberg 1995, J. R. Statist. Soc. B 57:289–300), valid
 * for independent or positively dependent tests. With p_(1) ≤ … ≤ p_(m) the sorted family,
 * adjusted p_(i) = min_{j ≥ i} min(1, p_(j) · m / j),
 * which is monotone in the raw p-values and capped at 1. Matches
 * {@code scipy.stats.false_discovery_control(p, method='bh')} (which computes p · (m / j), as here),
 * {@code statsmodels multipletests(p, method='fdr_bh')[1]} and R {@code p.adjust(p, "BH")}.
 */
public final class BenjaminiHochberg {
  private BenjaminiHochberg() {}

  /** Adjusted p-values in the order of {@code p}; an empty family gives an empty array. */
  public static double[] adjust(double[] p) {
    PValueFamily.validate(p, "Benjamini-Hochberg");
    int m = p.length;
    int[] order = PValueFamily.ascendingOrder(p);
    double[] adjusted = new double[m];
    double runningMin = 1.0;
    for (int j = m - 1; j >= 0; j--) {
      int i = order[j];
      runningMin = Math.min(runningMin, p[i] * ((double) m / (j + 1)));
      adjusted[i] = runningMin;
    }
    return adjusted;
  }
}
