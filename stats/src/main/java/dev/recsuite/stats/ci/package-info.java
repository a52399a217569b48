/**
 * Confidence intervals for a mean and for a paired difference of means: {@link dev.recsuite.stats.ci.TInterval}
 * across seeds, {@link dev.recsuite.stats.ci.PercentileBootstrap} across users. Both take any level in (0, 1)
 * and return a {@link dev.recsuite.stats.ci.ConfidenceInterval}.
 */
package dev.recsuite.stats.ci;
