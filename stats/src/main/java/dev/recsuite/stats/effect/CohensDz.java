package dev.recsuite.stats.effect;

import dev.recsuite.stats.PairedSample;
import dev.recsuite.stats.Summary;

/**
 * Cohen's d for paired samples, d_z = mean(d) / sd(d) with d = a − b and sd Bessel-corrected (n − 1)
 * (Cohen 1988, Statistical Power Analysis for the Behavioral Sciences, 2nd ed., §2.3.5; Lakens 2013, Front.
 * Psychol. 4:863, eq. 6). It equals t / sqrt(n) for the paired t statistic, so it does not grow with n as t
 * does. Positive d_z means a is larger. Note it standardises by the spread of the differences, not of the raw
 * scores (that would be d_av), so it is not comparable with an unpaired Cohen's d.
 *
 * <p>Degenerate input: as {@link PairedSample}, plus all differences zero throws (0/0). Constant non-zero
 * differences give ±∞, as the t statistic does.
 */
public final class CohensDz {
  private CohensDz() {}

  public static double of(PairedSample sample) {
    sample.requireSomeNonZeroDifference("Cohen's d_z");
    Summary d = Summary.of(sample.differences(), "paired differences a - b");
    return d.mean() / d.standardDeviation();
  }
}
