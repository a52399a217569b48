package dev.recsuite.stats.paired;

/**
 * Exact null distribution of the signed-rank sum R+ = Σ_{i: sign_i = +} r_i when each sign is + or − with
 * probability 1/2 independently, for given ranks r_i (average ranks under ties). Ranks are held doubled so
 * that half-integer average ranks are integers.
 *
 * <p>Counting recursion over the ranks (the subset-sum DP): after adding rank w, count'[s] = count[s] +
 * count[s − w]. For ranks 1..n this gives the classic Wilcoxon distribution (SciPy's
 * {@code _get_wilcoxon_distr}); with tied ranks it gives the permutation distribution that SciPy's
 * {@code PermutationMethod} enumerates. Cost O(n · n(n+1)) with n ≤ 50, counts below 2^50 fit a long, and
 * each probability is count / 2^n, exact in double.
 */
final class SignedRankNullDistribution {
  static final int MAX_N = 50;

  private final long[] cumulative; // cumulative[s] = #{sign patterns with 2·R+ ≤ s}, s = 0..Σ 2r_i
  private final double total;      // 2^n

  private SignedRankNullDistribution(long[] cumulative, double total) {
    this.cumulative = cumulative;
    this.total = total;
  }

  static SignedRankNullDistribution ofDoubledRanks(int[] doubledRanks) {
    if (doubledRanks.length > MAX_N) {
      throw new IllegalArgumentException("exact signed-rank distribution: n = " + doubledRanks.length
          + " is larger than the maximum " + MAX_N + "; use the normal approximation");
    }
    int max = 0;
    for (int w : doubledRanks) {
      max += w;
    }
    long[] count = new long[max + 1];
    count[0] = 1;
    int reach = 0;
    for (int w : doubledRanks) {
      reach += w;
      for (int s = reach; s >= w; s--) {
        count[s] += count[s - w];
      }
    }
    for (int s = 1; s <= max; s++) {
      count[s] += count[s - 1];
    }
    return new SignedRankNullDistribution(count, Math.scalb(1.0, doubledRanks.length));
  }

  /** P(2·R+ ≤ s). */
  double atMost(long doubledSum) {
    return countAtMost(doubledSum) / total;
  }

  /** P(2·R+ ≥ s), from counts so that a small upper tail is not computed as 1 − (nearly 1). */
  double atLeast(long doubledSum) {
    return (cumulative[cumulative.length - 1] - countAtMost(doubledSum - 1)) / total;
  }

  private long countAtMost(long doubledSum) {
    return doubledSum < 0 ? 0 : cumulative[(int) Math.min(doubledSum, cumulative.length - 1)];
  }
}
