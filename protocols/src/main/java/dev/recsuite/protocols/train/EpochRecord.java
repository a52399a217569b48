package dev.recsuite.protocols.train;

/**
 * One training epoch: mean loss, wall-clock training time, the validation value of the selection metric
 * (as compared, i.e. after rounding) and the validation time.
 */
public record EpochRecord(int epoch, double loss, double trainSeconds, double validMetric, double evalSeconds) {}
