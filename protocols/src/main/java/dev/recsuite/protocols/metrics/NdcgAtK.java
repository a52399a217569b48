package dev.recsuite.protocols.metrics;

/**
 * NDCG@K with binary relevance (MMRec {@code ndcg_}, RecBole {@code NDCG}; specs/baselines.md §2.5, §5):
 * DCG = sum over hits at rank r &le; K of 1/log2(r + 1), ranks from 1; IDCG = sum over r = 1..min(|T_u|, K)
 * of 1/log2(r + 1). This is not RankSys's graded NDCG (gain 2^rel - 1); a graded variant would be its own class.
 */
public record NdcgAtK(int k) implements UserMetric {
  @Override
  public String name() {
    return "NDCG@" + k;
  }

  @Override
  public double of(Ranking r) {
    if (r.relevant() == 0) {
      return Double.NaN;
    }
    double dcg = 0;
    for (int rank : r.hitRanks()) {
      if (rank > k) {
        break;
      }
      dcg += LogDiscount.at(rank);
    }
    double idcg = 0;
    for (int rank = 1, n = Math.min(r.relevant(), k); rank <= n; rank++) {
      idcg += LogDiscount.at(rank);
    }
    return dcg / idcg;
  }
}
