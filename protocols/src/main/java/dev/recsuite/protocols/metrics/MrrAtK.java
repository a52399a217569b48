package dev.recsuite.protocols.metrics;

/**
 * MRR@K = 1 / rank of the first hit if that rank is at most K, else 0 (RecBole {@code MRR}, ranks from 1).
 * {@link Mrr} is the same over the full list.
 */
public record MrrAtK(int k) implements UserMetric {
  @Override
  public String name() {
    return "MRR@" + k;
  }

  @Override
  public double of(Ranking r) {
    if (r.relevant() == 0) {
      return Double.NaN;
    }
    return r.hitRanks().length > 0 && r.hitRanks()[0] <= k ? 1.0 / r.hitRanks()[0] : 0.0;
  }
}
