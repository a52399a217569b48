package dev.recsuite.protocols.metrics;

/** HR@K = 1 if any target is in ranks 1..K, else 0 (RecBole {@code Hit}; equals Recall@K with one target). */
public record HitRateAtK(int k) implements UserMetric {
  @Override
  public String name() {
    return "HR@" + k;
  }

  @Override
  public double of(Ranking r) {
    return r.relevant() == 0 ? Double.NaN : r.hitsAt(k) > 0 ? 1.0 : 0.0;
  }
}
