package dev.recsuite.stats;

import java.util.Arrays;

/**
 * Two vectors of one metric, a[i] and b[i] measured on the same seed or user ({@link Pairing}), validated once
 * so that every paired routine can trust them: equal lengths, at least two pairs, every value finite.
 *
 * <p>The paired differences are d_i = a_i − b_i, computed in double exactly as SciPy does ({@code x - y}), so a
 * difference is zero exactly when a_i == b_i. Positive differences mean a is larger.
 *
 * <p>An ill-defined metric value (NaN, e.g. a user with no test items) is rejected by {@link #of}; use
 * {@link #completeCases} to drop such pairs explicitly, and report {@link #droppedPairs()} beside the result.
 */
public final class PairedSample {
  private final Pairing pairing;
  private final double[] a; // [n]
  private final double[] b; // [n]
  private final int droppedPairs;

  private PairedSample(Pairing pairing, double[] a, double[] b, int droppedPairs) {
    this.pairing = pairing;
    this.a = a;
    this.b = b;
    this.droppedPairs = droppedPairs;
  }

  /** Pairs a[i] with b[i]; throws if lengths differ, n &lt; 2 or any value is NaN or infinite. */
  public static PairedSample of(Pairing pairing, double[] a, double[] b) {
    checkLengths(pairing, a, b);
    for (int i = 0; i < a.length; i++) {
      checkFinite(pairing, "a", i, a[i]);
      checkFinite(pairing, "b", i, b[i]);
    }
    checkSize(pairing, a.length, 0);
    return new PairedSample(pairing, a.clone(), b.clone(), 0);
  }

  /** {@code of(Pairing.SEED, a, b)}: a[i], b[i] are the two systems' values for seed i. */
  public static PairedSample bySeed(double[] a, double[] b) {
    return of(Pairing.SEED, a, b);
  }

  /** {@code of(Pairing.USER, a, b)}: a[i], b[i] are the two systems' values for user i. */
  public static PairedSample byUser(double[] a, double[] b) {
    return of(Pairing.USER, a, b);
  }

  /**
   * Pairs a[i] with b[i] after dropping every pair in which either value is NaN (listwise deletion, as R's
   * {@code complete.cases}); the count is kept in {@link #droppedPairs()}. Infinite values are still errors,
   * and fewer than two remaining pairs is an error that says how many were dropped.
   */
  public static PairedSample completeCases(Pairing pairing, double[] a, double[] b) {
    checkLengths(pairing, a, b);
    double[] keptA = new double[a.length];
    double[] keptB = new double[b.length];
    int kept = 0;
    for (int i = 0; i < a.length; i++) {
      if (Double.isNaN(a[i]) || Double.isNaN(b[i])) {
        continue;
      }
      checkFinite(pairing, "a", i, a[i]);
      checkFinite(pairing, "b", i, b[i]);
      keptA[kept] = a[i];
      keptB[kept] = b[i];
      kept++;
    }
    checkSize(pairing, kept, a.length - kept);
    return new PairedSample(pairing, Arrays.copyOf(keptA, kept), Arrays.copyOf(keptB, kept), a.length - kept);
  }

  public Pairing pairing() {
    return pairing;
  }

  /** Number of pairs used. */
  public int size() {
    return a.length;
  }

  /** Pairs dropped by {@link #completeCases} because a value was NaN; 0 for {@link #of}. */
  public int droppedPairs() {
    return droppedPairs;
  }

  /** A copy of the first system's values. */
  public double[] a() {
    return a.clone();
  }

  /** A copy of the second system's values. */
  public double[] b() {
    return b.clone();
  }

  /** d_i = a_i − b_i, a fresh array. */
  public double[] differences() {
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  /** Number of pairs with a_i == b_i. */
  public int zeroDifferences() {
    int zeros = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        zeros++;
      }
    }
    return zeros;
  }

  /** True when a_i == b_i for every pair: the two systems tie everywhere and no paired test is defined. */
  public boolean allDifferencesZero() {
    return zeroDifferences() == a.length;
  }

  /** "paired by seed, n = 5" (with ", 3 incomplete pairs dropped" when some were). */
  public String describe() {
    String s = "paired by " + pairing.noun() + ", n = " + a.length;
    return droppedPairs == 0 ? s : s + ", " + droppedPairs + " incomplete pairs dropped";
  }

  /**
   * Throws for the paired tests and effect sizes, which are undefined when every difference is zero;
   * {@code what} names the routine in the message.
   */
  public void requireSomeNonZeroDifference(String what) {
    if (allDifferencesZero()) {
      throw new IllegalArgumentException(what + " (paired by " + pairing.noun() + "): all " + a.length
          + " paired differences are zero (a == b for every " + pairing.noun()
          + "), so it is undefined; report the two systems as tied instead of testing them");
    }
  }

  private static void checkLengths(Pairing pairing, double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("paired sample (by " + pairing.noun() + "): a has " + a.length
          + " values but b has " + b.length + "; both must hold one value per " + pairing.noun()
          + " in the same order");
    }
  }

  private static void checkFinite(Pairing pairing, String side, int i, double v) {
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException("paired sample (by " + pairing.noun() + "): " + side + "[" + i
          + "] is NaN; expected a finite value (use PairedSample.completeCases to drop incomplete pairs)");
    }
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException("paired sample (by " + pairing.noun() + "): " + side + "[" + i
          + "] = " + v + "; expected a finite value");
    }
  }

  private static void checkSize(Pairing pairing, int n, int dropped) {
    if (n < 2) {
      throw new IllegalArgumentException("paired sample (by " + pairing.noun() + "): need at least 2 pairs, got "
          + n + (dropped > 0 ? " after dropping " + dropped + " pairs with a NaN value" : ""));
    }
  }
}
