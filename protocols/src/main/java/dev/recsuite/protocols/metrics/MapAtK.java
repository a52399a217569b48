package dev.recsuite.protocols.metrics;

/**
 * MAP@K as MMRec computes it (specs/baselines.md §2.5): (1 / min(|T_u|, K)) times the sum over hits at
 * rank r &le; K of Precision@r.
 */
public record MapAtK(int k) implements UserMetric {
  @Override
  public String name() {
    return "MAP@" + k;
  }

  @Override
  public double of(Ranking r) {
    if (r.relevant() == 0) {
      return Double.NaN;
    }
    double sum = 0;
    int hits = 0;
    for (int rank : r.hitRanks()) {
      if (rank > k) {
        break;
      }
      hits++;
      sum += (double) hits / rank;
    }
    return sum / Math.min(r.relevant(), k);
  }
}
