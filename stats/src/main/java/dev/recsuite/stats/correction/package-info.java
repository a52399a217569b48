/**
 * Multiple-comparison adjustments of a family of p-values: {@link dev.recsuite.stats.correction.HolmBonferroni}
 * (controls the family-wise error rate) and {@link dev.recsuite.stats.correction.BenjaminiHochberg} (controls
 * the false discovery rate), chosen by name through {@link dev.recsuite.stats.correction.Correction}. Adjusted
 * p-values are compared with the unadjusted level α: reject H_i when adjusted p_i ≤ α.
 */
package dev.recsuite.stats.correction;
