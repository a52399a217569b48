package dev.recsuite.protocols.metrics;

/** Recall@K = |hits in ranks 1..K| / |T_u| (MMRec {@code recall_}, RecBole {@code Recall}; specs/baselines.md §2.5, §5). */
public record RecallAtK(int k) implements UserMetric {
  @Override
  public String name() {
    return "Recall@" + k;
  }

  @Override
  public double of(Ranking r) {
    return r.relevant() == 0 ? Double.NaN : (double) r.hitsAt(k) / r.relevant();
  }
}
