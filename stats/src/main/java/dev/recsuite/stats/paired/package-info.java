/**
 * Paired significance tests on two vectors of one metric: {@link dev.recsuite.stats.paired.PairedTTest} and
 * {@link dev.recsuite.stats.paired.WilcoxonSignedRankTest}. Each has one entry point per pairing
 * ({@code acrossSeeds}, {@code acrossUsers}) and a general {@code test(PairedSample, Alternative)}; all return a
 * {@link dev.recsuite.stats.paired.PairedTestResult} that carries the pairing, the alternative, n, the statistic
 * and the p-value, ready for {@link dev.recsuite.stats.correction.Correction}.
 *
 * <p>Which test where: across 3–10 seeds use the t-test (the Wilcoxon test cannot reach small p-values there:
 * with 5 seeds its smallest two-sided p is 2/32 = 0.0625). Across users both are valid; the Wilcoxon test is
 * robust to the heavy zero mass of per-user ranking metrics, the t-test tests the mean that a leaderboard shows.
 */
package dev.recsuite.stats.paired;
