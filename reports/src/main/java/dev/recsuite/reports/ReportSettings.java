package dev.recsuite.reports;

import dev.recsuite.reports.compare.Estimate;
import dev.recsuite.reports.compare.TestKind;
import dev.recsuite.stats.correction.Correction;
import java.util.List;

/**
 * What a report shows and how it judges differences.
 *
 * @param alpha significance level of the leaderboard marks (after correction)
 * @param correction the adjustment over each leaderboard's family of comparisons
 * @param leaderboardTest the paired test behind the leaderboard marks
 * @param interval confidence intervals of reproduced means
 * @param tolerance a reproduced value within this relative difference of the published one is "within tolerance"
 * @param leaderboardMetrics metrics shown in leaderboards, in order, where the runs have them (all metrics the
 *     runs have when none of these is present)
 * @param kFamilies metric families plotted against K (e.g. Recall, NDCG)
 * @param sampledVsFullMetrics metrics compared between sampled and full ranking
 */
public record ReportSettings(String title, double alpha, Correction correction, TestKind leaderboardTest,
    Estimate.Config interval, double tolerance, List<String> leaderboardMetrics, List<String> kFamilies,
    List<String> sampledVsFullMetrics) {

  public ReportSettings {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha = " + alpha + "; expected 0 < alpha < 1");
    }
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance = " + tolerance + "; expected a relative difference >= 0 (0.05"
          + " for 5%)");
    }
    leaderboardMetrics = List.copyOf(leaderboardMetrics);
    kFamilies = List.copyOf(kFamilies);
    sampledVsFullMetrics = List.copyOf(sampledVsFullMetrics);
  }

  /**
   * α = 0.05 with Holm over each leaderboard, paired t-test across seeds (the papers' own test), 95% intervals
   * (bootstrap: 2,000 resamples, seed 20260101), 5% tolerance.
   */
  public static ReportSettings defaults() {
    return new ReportSettings("recsuite report", 0.05, Correction.HOLM, TestKind.T_TEST_SEEDS,
        new Estimate.Config(0.95, 2_000, 20260101L), 0.05,
        List.of("Recall@10", "Recall@20", "NDCG@10", "NDCG@20", "HR@10", "HR@20", "MRR"),
        List.of("Recall", "NDCG", "HR"), List.of("HR@10", "NDCG@10"));
  }

  public ReportSettings withTitle(String newTitle) {
    return new ReportSettings(newTitle, alpha, correction, leaderboardTest, interval, tolerance, leaderboardMetrics,
        kFamilies, sampledVsFullMetrics);
  }
}
