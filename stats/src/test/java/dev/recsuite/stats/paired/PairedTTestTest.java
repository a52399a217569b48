package dev.recsuite.stats.paired;

import static dev.recsuite.stats.Kat.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.stats.Kat;
import dev.recsuite.stats.PairedSample;
import dev.recsuite.stats.Pairing;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PairedTTestTest {

  static Stream<CSVRecord> scipyRows() {
    return Kat.rows("paired_tests.csv").stream().filter(r -> r.get("test").equals("ttest_rel"));
  }

  static Alternative alternative(CSVRecord row) {
    return Stream.of(Alternative.values()).filter(a -> a.scipyName().equals(row.get("alternative"))).findFirst()
        .orElseThrow();
  }

  /**
   * kat/paired_tests.csv rows with test=ttest_rel: scipy.stats.ttest_rel(a, b, alternative=...), scipy 1.17.1.
   * Cases: 5 and 10 seeds, 400 users (mostly zeros), the users shifted so that p falls to 1e-20 and below (kept
   * to relative precision because only lower tails are evaluated), constant non-zero differences (t = inf).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scipyRows")
  void matchesScipyTtestRel(CSVRecord row) {
    PairedTTestResult r = PairedTTest.test(
        PairedSample.of(Pairing.SEED, Kat.vector(row.get("a")), Kat.vector(row.get("b"))), alternative(row));
    String where = Kat.provenance(row);
    assertRelative(Kat.number(row.get("statistic")), r.t(), 1e-12, "t, " + where);
    assertRelative(Kat.number(row.get("pvalue")), r.pValue(), 1e-10, "p, " + where);
    assertEquals(Integer.parseInt(row.get("df_or_method")), r.degreesOfFreedom(), "df, " + where);
  }

  @Test
  void entryPointsRecordTheirPairing() {
    double[] a = {0.0712, 0.0698, 0.0725, 0.0707, 0.0719};
    double[] b = {0.0689, 0.0694, 0.0701, 0.0685, 0.0702};
    PairedTTestResult bySeed = PairedTTest.acrossSeeds(a, b, Alternative.TWO_SIDED);
    PairedTTestResult byUser = PairedTTest.acrossUsers(a, b, Alternative.TWO_SIDED);
    assertEquals(Pairing.SEED, bySeed.pairing());
    assertEquals(Pairing.USER, byUser.pairing());
    assertEquals(bySeed.pValue(), byUser.pValue(), 0.0, "same arithmetic for both pairings");
    // scipy.stats.ttest_rel(a, b) -> statistic 4.8630890426246935, pvalue 0.008260825227121281 (scipy 1.17.1)
    assertEquals("paired t-test across 5 seeds, two-sided: t(4) = 4.863, p = 0.008261", bySeed.describe());
  }

  @Test
  void swappingSamplesNegatesTAndSwapsOneSidedAlternatives() {
    double[] a = {0.31, 0.29, 0.33, 0.30, 0.32, 0.35};
    double[] b = {0.30, 0.28, 0.315, 0.30, 0.305, 0.33};
    for (Alternative alt : Alternative.values()) {
      PairedTTestResult ab = PairedTTest.acrossSeeds(a, b, alt);
      PairedTTestResult ba = PairedTTest.acrossSeeds(b, a, alt.swapped());
      assertEquals(-ab.t(), ba.t(), 1e-15 * Math.abs(ab.t()), alt.name());
      assertEquals(ab.pValue(), ba.pValue(), 1e-15, alt.name());
    }
  }

  @Test
  void oneSidedPValuesSplitTheTwoSidedOne() {
    double[] a = {0.31, 0.29, 0.33, 0.30, 0.32, 0.35};
    double[] b = {0.30, 0.28, 0.315, 0.30, 0.305, 0.33};
    double two = PairedTTest.acrossSeeds(a, b, Alternative.TWO_SIDED).pValue();
    double greater = PairedTTest.acrossSeeds(a, b, Alternative.GREATER).pValue();
    double less = PairedTTest.acrossSeeds(a, b, Alternative.LESS).pValue();
    assertEquals(two, 2 * greater, 1e-15);
    assertEquals(1.0, greater + less, 1e-15);
  }

  @Test
  void allZeroDifferencesAreRejectedWithTheReason() {
    double[] a = {0.1, 0.2, 0.3};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PairedTTest.acrossSeeds(a, a.clone(), Alternative.GREATER));
    assertTrue(e.getMessage().contains("all 3 paired differences are zero"), e.getMessage());
  }

  @Test
  void badVectorsAreRejectedNamingTheProblem() {
    IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
        () -> PairedTTest.acrossSeeds(new double[] {1, 2, 3}, new double[] {1, 2}, Alternative.TWO_SIDED));
    assertTrue(lengths.getMessage().contains("a has 3 values but b has 2"), lengths.getMessage());
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> PairedTTest.acrossUsers(new double[] {1, 2, 3}, new double[] {1, Double.NaN, 2}, Alternative.TWO_SIDED));
    assertTrue(nan.getMessage().contains("b[1] is NaN"), nan.getMessage());
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> PairedTTest.acrossSeeds(new double[] {1}, new double[] {2}, Alternative.TWO_SIDED));
    assertTrue(one.getMessage().contains("need at least 2 pairs, got 1"), one.getMessage());
  }
}
