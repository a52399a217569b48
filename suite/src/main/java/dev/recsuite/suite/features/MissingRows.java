package dev.recsuite.suite.features;

/**
 * MMRec's rule for items without an image (specs/baselines.md §2.2 step 7): their row is the mean vector of all
 * items that have one (not re-normalised), so all of them share one vector.
 */
public final class MissingRows {
  private MissingRows() {}

  public static final String RULE = "mean vector of the items that have an image (MMRec, specs/baselines.md §2.2 step 7)";

  /** Fills the rows with {@code present[r] == false} in place; {@code data} is {@code [present.length, cols]}. */
  public static void fillWithMeanOfPresent(float[] data, int cols, boolean[] present) {
    double[] mean = new double[cols];
    int n = 0;
    for (int r = 0; r < present.length; r++) {
      if (present[r]) {
        n++;
        for (int k = 0; k < cols; k++) {
          mean[k] += data[r * cols + k];
        }
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("no item has an input; the mean of present items is undefined");
    }
    for (int r = 0; r < present.length; r++) {
      if (!present[r]) {
        for (int k = 0; k < cols; k++) {
          data[r * cols + k] = (float) (mean[k] / n);
        }
      }
    }
  }
}
