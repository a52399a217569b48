package dev.recsuite.protocols.metrics;

/**
 * A per-user ranking metric (RankSys {@code RecommendationMetric}): one value per user at full precision.
 * Averaging is a separate step, so paired tests can use the per-user vectors. A user with no relevant
 * items gets NaN, which the evaluator counts and reports instead of averaging as 0.
 */
public interface UserMetric {
  /** The name used in results and experiment files, e.g. {@code Recall@20}, {@code MRR}. */
  String name();

  double of(Ranking r);
}
