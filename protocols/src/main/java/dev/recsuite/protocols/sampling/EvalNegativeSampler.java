package dev.recsuite.protocols.sampling;

import dev.recsuite.engine.rng.Rng;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Negatives for sampled evaluation: for each evaluated user, N distinct items drawn without replacement from
 * the items the user never interacted with (in any part of the split), uniformly or in proportion to their
 * training popularity. Draws come from a per-user stream of one seed, so the candidates are a pure function
 * of (positives, N, strategy, seed) and every model ranks the same ones.
 *
 * <p>This is the common "one target plus N negatives" protocol with positives excluded. It differs from
 * RecBole's sequential uniN (which excludes only the target and draws with replacement) and from the
 * original SASRec (which excludes only training items); the report states which one a result used.
 */
public final class EvalNegativeSampler {
  /** How negatives are weighted. */
  public enum Strategy { UNIFORM, POPULARITY }

  private final int nItems;
  private final Strategy strategy;
  private final double[] cumulative; // [nItems] cumulative popularity, for POPULARITY

  public EvalNegativeSampler(int nItems, Strategy strategy, int[] trainPopularity) {
    this.nItems = nItems;
    this.strategy = strategy;
    if (strategy == Strategy.POPULARITY) {
      cumulative = new double[nItems];
      double c = 0;
      for (int i = 0; i < nItems; i++) {
        c += trainPopularity[i];
        cumulative[i] = c;
      }
      if (c == 0) {
        throw new IllegalArgumentException("popularity sampling needs training interactions");
      }
    } else {
      cumulative = null;
    }
  }

  /**
   * @param positives sorted distinct items the user must not get as negatives
   * @return n distinct negatives, in draw order
   */
  public int[] draw(int user, int[] positives, int n, long seed) {
    int available = nItems - positives.length;
    if (strategy == Strategy.POPULARITY) {
      available = 0;
      for (int i = 0; i < nItems; i++) {
        if (weight(i) > 0 && Arrays.binarySearch(positives, i) < 0) {
          available++;
        }
      }
    }
    if (available < n) {
      throw new IllegalArgumentException("user " + user + ": only " + available + " items can be negatives, " + n + " requested");
    }
    SplittableRandom rng = Rng.stream(seed, "eval-negatives-" + strategy, user);
    int[] out = new int[n];
    java.util.HashSet<Integer> chosen = new java.util.HashSet<>(n * 2);
    int filled = 0;
    // rejection sampling; it terminates because at least n admissible items exist
    while (filled < n) {
      int item = strategy == Strategy.UNIFORM ? rng.nextInt(nItems) : popularityDraw(rng);
      if (Arrays.binarySearch(positives, item) < 0 && chosen.add(item)) {
        out[filled++] = item;
      }
    }
    return out;
  }

  private double weight(int i) {
    return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
  }

  private int popularityDraw(SplittableRandom rng) {
    double x = rng.nextDouble() * cumulative[nItems - 1];
    int idx = Arrays.binarySearch(cumulative, x);
    idx = idx >= 0 ? idx + 1 : -idx - 1; // first item whose cumulative weight exceeds x
    while (idx < nItems - 1 && weight(idx) == 0) { // only on an exact hit of a boundary
      idx++;
    }
    return Math.min(idx, nItems - 1);
  }
}
