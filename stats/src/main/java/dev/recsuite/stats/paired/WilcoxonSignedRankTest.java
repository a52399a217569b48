package dev.recsuite.stats.paired;

import dev.recsuite.stats.PairedSample;
import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Wilcoxon signed-rank test on d = a − b, matching {@code scipy.stats.wilcoxon(a, b, zero_method='wilcox',
 * correction=False, alternative=..., method='auto')} (the SciPy 1.17.1 defaults), checked by the known-answer
 * tests in {@code kat/paired_tests.csv}.
 *
 * <ul>
 *   <li><b>Zeros</b> (a_i == b_i exactly) are dropped before ranking ({@code zero_method='wilcox'}); the m =
 *       n − zeros non-zero differences are ranked. Zeros still count in n for choosing the method, as in SciPy.
 *   <li><b>Ties</b> in |d_i| (exact floating-point equality) get their average rank; the normal approximation
 *       subtracts Σ(t³ − t)/48 from the variance for each tie group of size t.
 *   <li><b>Method</b> ({@code method='auto'}): n ≤ 50 with no zeros and no ties → exact distribution of R+;
 *       n ≤ 13 with zeros or ties → exact distribution conditional on the observed ranks (SciPy runs a
 *       permutation test that enumerates all 2^n sign flips there); otherwise the normal approximation
 *       z = (R+ − m(m+1)/4) / sqrt((m(m+1)(2m+1) − Σ(t³ − t)/2) / 24) without continuity correction
 *       ({@link WilcoxonResult.Method}). So removing zeros by hand can move a test from the normal to the exact
 *       path: the statistic stays the same, the p-value need not.
 *   <li><b>p-values</b>: exact two-sided p = min(1, 2 · min(P(R+ ≤ r), P(R+ ≥ r))); one-sided GREATER is
 *       P(R+ ≥ r), LESS is P(R+ ≤ r). Normal: 2Φ(−|z|), Φ(−z), Φ(z) (Hipparchus {@link NormalDistribution}).
 * </ul>
 *
 * <p>Degenerate input: as {@link PairedSample}, plus all differences zero throws: no ranks are left (SciPy
 * returns p = NaN for n &gt; 13 and p = 1 from its permutation path for n ≤ 13).
 */
public final class WilcoxonSignedRankTest {
  /** SciPy 1.17.1 {@code _wilcoxon_iv}: {@code method='auto'} uses the normal approximation above this n. */
  static final int EXACT_MAX_N = SignedRankNullDistribution.MAX_N;
  /** SciPy 1.17.1 {@code _wilcoxon_nd}: with zeros or ties, exact enumeration (2^n ≤ 9999) up to this n. */
  static final int CONDITIONAL_MAX_N = 13;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

  private WilcoxonSignedRankTest() {}

  /**
   * a[i], b[i]: the two systems' metric on seed i. With few seeds the exact test is coarse: for n = 5 the
   * smallest two-sided p is 0.0625, so prefer {@link PairedTTest#acrossSeeds} for seed-level claims.
   */
  public static WilcoxonResult acrossSeeds(double[] a, double[] b, Alternative alternative) {
    return test(PairedSample.bySeed(a, b), alternative);
  }

  /** a[i], b[i]: the two systems' metric for user i (same user order in both vectors). */
  public static WilcoxonResult acrossUsers(double[] a, double[] b, Alternative alternative) {
    return test(PairedSample.byUser(a, b), alternative);
  }

  public static WilcoxonResult test(PairedSample sample, Alternative alternative) {
    sample.requireSomeNonZeroDifference("Wilcoxon signed-rank test");
    double[] d = sample.differences(); // [n]
    int n = d.length;
    int zeros = sample.zeroDifferences();
    int m = n - zeros;

    double[] absSorted = new double[m]; // [m] |d_i| of the non-zero differences, ascending
    int k = 0;
    for (double v : d) {
      if (v != 0) {
        absSorted[k++] = Math.abs(v);
      }
    }
    Arrays.sort(absSorted);

    // Doubled average rank of |v|: positions lo+1..hi (1-based) hold values equal to |v|, so 2·rank = lo+1+hi.
    int[] doubledRanks = new int[m]; // [m]
    long doubledRPlus = 0;
    k = 0;
    for (double v : d) {
      if (v == 0) {
        continue;
      }
      double abs = Math.abs(v);
      int doubled = lowerBound(absSorted, abs) + 1 + upperBound(absSorted, abs);
      doubledRanks[k++] = doubled;
      if (v > 0) {
        doubledRPlus += doubled;
      }
    }
    double rPlus = doubledRPlus / 2.0;
    double rMinus = m * (m + 1.0) / 2.0 - rPlus;

    double tieTerm = 0; // Σ (t³ − t) over groups of equal |d|
    boolean ties = false;
    for (int start = 0, end; start < m; start = end) {
      end = upperBound(absSorted, absSorted[start]);
      double t = end - start;
      if (t > 1) {
        ties = true;
        tieTerm += t * t * t - t;
      }
    }
    double mean = m * (m + 1.0) / 4.0;
    double sd = Math.sqrt((m * (m + 1.0) * (2.0 * m + 1.0) - tieTerm / 2.0) / 24.0);
    double z = (rPlus - mean) / sd;

    WilcoxonResult.Method method = chooseMethod(n, zeros > 0 || ties);
    double p;
    if (method == WilcoxonResult.Method.NORMAL_APPROXIMATION) {
      p = alternative.pValue(STANDARD_NORMAL::cumulativeProbability, z);
    } else {
      SignedRankNullDistribution nullDist = SignedRankNullDistribution.ofDoubledRanks(doubledRanks);
      p = switch (alternative) {
        case TWO_SIDED -> Math.min(1.0,
            2.0 * Math.min(nullDist.atMost(doubledRPlus), nullDist.atLeast(doubledRPlus)));
        case GREATER -> nullDist.atLeast(doubledRPlus);
        case LESS -> nullDist.atMost(doubledRPlus);
      };
    }
    return new WilcoxonResult(sample.pairing(), alternative, n, zeros, ties, rPlus, rMinus, z, method, p);
  }

  static WilcoxonResult.Method chooseMethod(int n, boolean zerosOrTies) {
    if (n > EXACT_MAX_N) {
      return WilcoxonResult.Method.NORMAL_APPROXIMATION;
    }
    if (!zerosOrTies) {
      return WilcoxonResult.Method.EXACT;
    }
    return n <= CONDITIONAL_MAX_N
        ? WilcoxonResult.Method.EXACT_CONDITIONAL
        : WilcoxonResult.Method.NORMAL_APPROXIMATION;
  }

  /** First index whose value is ≥ v. */
  private static int lowerBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** First index whose value is &gt; v. */
  private static int upperBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
