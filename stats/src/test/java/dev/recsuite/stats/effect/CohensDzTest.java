package dev.recsuite.stats.effect;

import static dev.recsuite.stats.Kat.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.stats.Kat;
import dev.recsuite.stats.PairedSample;
import dev.recsuite.stats.paired.Alternative;
import dev.recsuite.stats.paired.PairedTTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CohensDzTest {

  /**
   * kat/cohens_dz.csv: d = a - b; numpy.mean(d) / numpy.std(d, ddof=1) (numpy 2.4.6), which the generator also
   * checked against scipy.stats.ttest_rel(a, b).statistic / sqrt(n). Cases: 5 and 10 seeds, 400 users, a negative
   * effect (a and b swapped).
   */
  @Test
  void matchesNumpy() {
    for (CSVRecord row : Kat.rows("cohens_dz.csv")) {
      PairedSample s = PairedSample.bySeed(Kat.vector(row.get("a")), Kat.vector(row.get("b")));
      assertRelative(Kat.number(row.get("dz")), CohensDz.of(s), 1e-13, Kat.provenance(row));
    }
  }

  @Test
  void byHandOnThreePairs() {
    // d = 1, 2, 3: mean 2, sd = sqrt(((1-2)² + 0 + (3-2)²) / 2) = 1, so d_z = 2.
    assertEquals(2.0, CohensDz.of(PairedSample.bySeed(new double[] {2, 4, 6}, new double[] {1, 2, 3})), 1e-15);
  }

  @Test
  void equalsTheTStatisticOverRootN() {
    double[] a = {0.31, 0.29, 0.33, 0.30, 0.32, 0.35};
    double[] b = {0.30, 0.28, 0.315, 0.30, 0.305, 0.33};
    double t = PairedTTest.acrossSeeds(a, b, Alternative.TWO_SIDED).t();
    assertEquals(t / Math.sqrt(a.length), CohensDz.of(PairedSample.bySeed(a, b)), 1e-14);
  }

  @Test
  void constantNonZeroDifferencesGiveInfinityAndAllZeroThrows() {
    assertEquals(Double.NEGATIVE_INFINITY,
        CohensDz.of(PairedSample.bySeed(new double[] {1.0, 2.0, 3.0}, new double[] {1.5, 2.5, 3.5})));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CohensDz.of(PairedSample.byUser(new double[] {1, 2}, new double[] {1, 2})));
    assertTrue(e.getMessage().startsWith("Cohen's d_z (paired by user): all 2 paired differences are zero"),
        e.getMessage());
  }
}
