package dev.recsuite.stats;

import java.util.Arrays;

/**
 * Drops undefined (NaN) entries from one per-user vector, the single-system counterpart of
 * {@link PairedSample#completeCases}: the evaluator marks a metric NaN for a user where it is undefined and
 * averages over the defined users only, so an interval around that mean must resample the same users.
 */
public final class DefinedValues {
  private DefinedValues() {}

  /** The non-NaN values of {@code x} in their order; infinities are kept for the caller's validation to reject. */
  public static double[] of(double[] x) {
    double[] kept = new double[x.length];
    int n = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        kept[n++] = v;
      }
    }
    return Arrays.copyOf(kept, n);
  }
}
