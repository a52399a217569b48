package dev.recsuite.protocols.metrics;

/**
 * MRR over the full ranked list: 1 / rank of the first hit (ranks from 1), 0 if no target could be ranked
 * (specs/proposed.md §0.2: "no cut-off unless stated").
 */
public record Mrr() implements UserMetric {
  @Override
  public String name() {
    return "MRR";
  }

  @Override
  public double of(Ranking r) {
    if (r.relevant() == 0) {
      return Double.NaN;
    }
    return r.hitRanks().length > 0 ? 1.0 / r.hitRanks()[0] : 0.0;
  }
}
