package dev.recsuite.stats.correction;

/**
 * Holm's step-down adjustment (Holm 1979, "A simple sequentially rejective multiple test procedure", Scand. J.
 * Statist. 6:65–70). With p_(1) ≤ … ≤ p_(m) the sorted family,
 * adjusted p_(i) = max_{j ≤ i} min(1, (m − j + 1) · p_(j)),
 * which is monotone in the raw p-values and capped at 1. Matches
 * {@code statsmodels.stats.multitest.multipletests(p, method='holm')[1]} and R {@code p.adjust(p, "holm")}.
 */
public final class HolmBonferroni {
  private HolmBonferroni() {}

  /** Adjusted p-values in the order of {@code p}; an empty family gives an empty array. */
  public static double[] adjust(double[] p) {
    PValueFamily.validate(p, "Holm-Bonferroni");
    int m = p.length;
    int[] order = PValueFamily.ascendingOrder(p);
    double[] adjusted = new double[m];
    double runningMax = 0;
    for (int j = 0; j < m; j++) {
      int i = order[j];
      runningMax = Math.max(runningMax, Math.min(1.0, (m - j) * p[i]));
      adjusted[i] = runningMax;
    }
    return adjusted;
  }
}
