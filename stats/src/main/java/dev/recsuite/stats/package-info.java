/**
 * Statistics for comparing recommenders: paired significance tests ({@code .paired}), multiple-comparison
 * corrections ({@code .correction}), confidence intervals ({@code .ci}) and paired effect sizes
 * ({@code .effect}). Inputs are plain {@code double[]} vectors of one metric (one value per seed, or one
 * value per user); outputs are immutable records that a report can print as they are. Nothing here knows
 * about models, datasets or runs.
 *
 * <p>Every routine matches a named SciPy 1.17.1 function with its default options, stated in its javadoc;
 * the known-answer tests under {@code src/test/resources/kat} hold the SciPy calls and their values.
 *
 * <p><b>Library: Hipparchus (hipparchus-core 4.0.3).</b> All continuous distributions (Student's t CDF and
 * quantile, standard normal CDF) come from {@code org.hipparchus.distribution.continuous}; none is written
 * here. Hipparchus was chosen over Apache Commons Math 3.6.1 because Commons Math 3 has had no release
 * since 2016 while Hipparchus, its maintained fork, still ships fixes (4.0.3, 2026) under the same API and
 * licence, and because its {@code stat.inference} tests are the house style's reference for known-answer
 * tests. Only hipparchus-core is used, so the dependency is one jar with no transitive dependencies.
 *
 * <p>What is written here, because neither library offers it in the form SciPy uses: the exact null
 * distribution of the Wilcoxon signed-rank sum (a counting recursion, see
 * {@code paired.WilcoxonSignedRankTest}), the Holm and Benjamini–Hochberg step-wise adjustments, and the
 * percentile bootstrap.
 *
 * <p>Degenerate input never yields a quiet number: fewer than two pairs, unequal lengths, NaN or infinite
 * values, and tests on differences that are all zero raise {@link java.lang.IllegalArgumentException} with
 * the offending index or count. {@link dev.recsuite.stats.PairedSample#completeCases} is the one documented
 * way to drop pairs with an undefined (NaN) metric, and it reports how many it dropped.
 */
package dev.recsuite.stats;
