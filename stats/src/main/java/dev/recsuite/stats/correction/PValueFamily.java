package dev.recsuite.stats.correction;

import java.util.Comparator;
import java.util.stream.IntStream;

/** Validation and ordering shared by the step-wise adjustments. */
final class PValueFamily {
  private PValueFamily() {}

  /** Throws unless every p is in [0, 1] (NaN included in the rejection, naming its index). */
  static void validate(double[] p, String correction) {
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException(correction + ": p[" + i + "] = " + p[i]
            + "; expected a p-value in [0, 1]");
      }
    }
  }

  /**
   * Indices of p in ascending order of p. Tied p-values may come in either order: both adjustments give tied
   * p-values the same adjusted value whatever their order, so the result does not depend on it.
   */
  static int[] ascendingOrder(double[] p) {
    return IntStream.range(0, p.length).boxed()
        .sorted(Comparator.comparingDouble(i -> p[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
