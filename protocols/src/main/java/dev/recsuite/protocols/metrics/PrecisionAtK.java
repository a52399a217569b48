package dev.recsuite.protocols.metrics;

/**
 * Precision@K = |hits in ranks 1..K| / K. The divisor is K even when fewer than K items were ranked (a
 * short sampled list), as in MMRec and RecBole (specs/baselines.md §2.5, §5).
 */
public record PrecisionAtK(int k) implements UserMetric {
  @Override
  public String name() {
    return "Precision@" + k;
  }

  @Override
  public double of(Ranking r) {
    return r.relevant() == 0 ? Double.NaN : (double) r.hitsAt(k) / k;
  }
}
