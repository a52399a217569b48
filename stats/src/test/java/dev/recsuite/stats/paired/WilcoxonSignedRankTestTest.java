package dev.recsuite.stats.paired;

import static dev.recsuite.stats.Kat.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.stats.Kat;
import dev.recsuite.stats.PairedSample;
import dev.recsuite.stats.Pairing;
import dev.recsuite.stats.paired.WilcoxonResult.Method;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WilcoxonSignedRankTestTest {

  static Stream<CSVRecord> scipyRows() {
    return Kat.rows("paired_tests.csv").stream().filter(r -> r.get("test").equals("wilcoxon"));
  }

  private static Method method(String scipyPath) {
    return switch (scipyPath) {
      case "exact" -> Method.EXACT;
      case "exact_conditional" -> Method.EXACT_CONDITIONAL;
      case "normal" -> Method.NORMAL_APPROXIMATION;
      default -> throw new IllegalArgumentException(scipyPath);
    };
  }

  /**
   * kat/paired_tests.csv rows with test=wilcoxon: scipy.stats.wilcoxon(a, b, alternative=...) with the defaults
   * zero_method='wilcox', correction=False, method='auto' (scipy 1.17.1). Cases: exact n = 5, 8 and 50; normal at
   * n = 51; ties (n = 10) and zeros (n = 12) on the exact conditional path; ties and zeros at n = 13 (exact
   * conditional) and n = 14 (normal); zeros at n = 20 (normal); 400 users with many zeros and ties (normal).
   * The generator checked which SciPy path produced each p-value (column df_or_method).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scipyRows")
  void matchesScipyWilcoxon(CSVRecord row) {
    Alternative alt = PairedTTestTest.alternative(row);
    WilcoxonResult r = WilcoxonSignedRankTest.test(
        PairedSample.of(Pairing.USER, Kat.vector(row.get("a")), Kat.vector(row.get("b"))), alt);
    String where = Kat.provenance(row);
    assertEquals(method(row.get("df_or_method")), r.method(), "method, " + where);
    assertEquals(Kat.number(row.get("statistic")), r.statistic(), 0.0, "statistic (rank sums are exact), " + where);
    double pTol = r.method() == Method.NORMAL_APPROXIMATION ? 1e-12 : 1e-15;
    assertRelative(Kat.number(row.get("pvalue")), r.pValue(), pTol, "p, " + where);
    assertRelative(Kat.number(row.get("abs_z")), Math.abs(r.z()), 1e-12, "|z|, " + where);
  }

  @Test
  void allPositiveDifferencesOnFiveSeedsGiveTheSmallestExactP() {
    // Hand derivation: with n = 5 and every d > 0, R+ = 15 is the largest of 2^5 = 32 equally likely sums,
    // so P(R+ >= 15) = 1/32 and the two-sided p is 2/32 = 0.0625.
    double[] a = {0.5, 0.6, 0.7, 0.8, 0.9};
    double[] b = {0.49, 0.58, 0.67, 0.76, 0.85};
    WilcoxonResult two = WilcoxonSignedRankTest.acrossSeeds(a, b, Alternative.TWO_SIDED);
    assertEquals(Method.EXACT, two.method());
    assertEquals(15.0, two.rPlus());
    assertEquals(0.0, two.statistic());
    assertEquals(0.0625, two.pValue(), 0.0);
    assertEquals(1.0 / 32, WilcoxonSignedRankTest.acrossSeeds(a, b, Alternative.GREATER).pValue(), 0.0);
    assertEquals(Pairing.SEED, two.pairing());
    assertEquals("Wilcoxon signed-rank test across 5 seeds, two-sided: W = 0 (exact), p = 0.06250", two.describe());
  }

  /**
   * Hipparchus-style invariance (WilcoxonSignedRankTestTest removes tied pairs by hand): under
   * zero_method='wilcox' a zero difference is dropped before ranking, so removing those pairs by hand gives the
   * same R+ and R−. With n ≤ 13 both inputs take an exact path over the same ranks, so the p-value is equal too.
   */
  @Test
  void removingZeroDifferencesByHandKeepsTheStatisticAndSmallSampleP() {
    double[] a = {0.40, 0.31, 0.25, 0.50, 0.12, 0.33, 0.27, 0.45, 0.38, 0.22, 0.29, 0.41};
    double[] b = {0.40, 0.30, 0.21, 0.42, 0.12, 0.36, 0.20, 0.45, 0.25, 0.24, 0.28, 0.30};
    double[] aKept = {0.31, 0.25, 0.50, 0.33, 0.27, 0.38, 0.22, 0.29, 0.41};
    double[] bKept = {0.30, 0.21, 0.42, 0.36, 0.20, 0.25, 0.24, 0.28, 0.30};
    for (Alternative alt : Alternative.values()) {
      WilcoxonResult withZeros = WilcoxonSignedRankTest.acrossUsers(a, b, alt);
      WilcoxonResult without = WilcoxonSignedRankTest.acrossUsers(aKept, bKept, alt);
      assertEquals(3, withZeros.zeros());
      assertEquals(0, without.zeros());
      assertEquals(withZeros.nonZero(), without.n());
      assertEquals(withZeros.rPlus(), without.rPlus(), 0.0, alt.name());
      assertEquals(withZeros.rMinus(), without.rMinus(), 0.0, alt.name());
      assertEquals(withZeros.statistic(), without.statistic(), 0.0, alt.name());
      assertEquals(withZeros.z(), without.z(), 0.0, alt.name());
      assertEquals(withZeros.pValue(), without.pValue(), 0.0, alt.name());
    }
  }

  /**
   * Beyond n = 13 the zeros still count for SciPy's method choice: kat rows zeros_n20 (normal, p = 0.9433920568226559)
   * and zeros_removed_n17 (exact, p = 0.963226318359375) have the same statistic 75 but different p-values.
   */
  @Test
  void zerosStillCountTowardsTheMethodChoiceAsInScipy() {
    assertEquals(Method.NORMAL_APPROXIMATION, WilcoxonSignedRankTest.chooseMethod(20, true));
    assertEquals(Method.EXACT, WilcoxonSignedRankTest.chooseMethod(17, false));
    assertEquals(Method.EXACT_CONDITIONAL, WilcoxonSignedRankTest.chooseMethod(13, true));
    assertEquals(Method.NORMAL_APPROXIMATION, WilcoxonSignedRankTest.chooseMethod(14, true));
    assertEquals(Method.EXACT, WilcoxonSignedRankTest.chooseMethod(50, false));
    assertEquals(Method.NORMAL_APPROXIMATION, WilcoxonSignedRankTest.chooseMethod(51, false));
  }

  @Test
  void swappingSamplesSwapsRankSums() {
    double[] a = {3, 5, 2, 6, 4, 7, 1, 8, 5, 6};
    double[] b = {1, 4, 3, 4, 2, 4, 2, 5, 3, 3};
    for (Alternative alt : Alternative.values()) {
      WilcoxonResult ab = WilcoxonSignedRankTest.acrossUsers(a, b, alt);
      WilcoxonResult ba = WilcoxonSignedRankTest.acrossUsers(b, a, alt.swapped());
      assertEquals(ab.rPlus(), ba.rMinus(), 0.0);
      assertEquals(ab.rMinus(), ba.rPlus(), 0.0);
      assertEquals(ab.pValue(), ba.pValue(), 0.0, alt.name());
    }
  }

  @Test
  void tiesGetAverageRanks() {
    // |d| = 1, 1, 2, 3 (two tied at rank 1.5), signs + - + +: R+ = 1.5 + 3 + 4 = 8.5, R- = 1.5.
    WilcoxonResult r = WilcoxonSignedRankTest.acrossUsers(
        new double[] {2, 0, 5, 7}, new double[] {1, 1, 3, 4}, Alternative.TWO_SIDED);
    assertTrue(r.ties());
    assertEquals(8.5, r.rPlus(), 0.0);
    assertEquals(1.5, r.rMinus(), 0.0);
    assertEquals(Method.EXACT_CONDITIONAL, r.method());
  }

  @Test
  void largeUserVectorsUseTheNormalApproximation() {
    double[] a = new double[5000];
    double[] b = new double[5000];
    for (int i = 0; i < a.length; i++) {
      a[i] = (i % 3 == 0) ? 0 : 0.1 + 0.001 * (i % 97);
      b[i] = (i % 5 == 0) ? 0 : 0.1 + 0.001 * ((i * 7) % 97);
    }
    WilcoxonResult r = WilcoxonSignedRankTest.acrossUsers(a, b, Alternative.TWO_SIDED);
    assertEquals(Method.NORMAL_APPROXIMATION, r.method());
    assertEquals(r.nonZero() * (r.nonZero() + 1.0) / 2, r.rPlus() + r.rMinus(), 0.0);
    assertFalse(Double.isNaN(r.pValue()));
  }

  @Test
  void allZeroDifferencesAreRejected() {
    double[] a = {0.1, 0.2, 0.3, 0.4};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WilcoxonSignedRankTest.acrossUsers(a, a.clone(), Alternative.TWO_SIDED));
    assertTrue(e.getMessage().startsWith("Wilcoxon signed-rank test (paired by user): all 4 paired differences"),
        e.getMessage());
  }

  @Test
  void oneNonZeroDifferenceIsAValidButUninformativeTest() {
    // R+ = 1 of m = 1: P(R+ >= 1) = P(R+ <= 1) = 1, so the two-sided p is min(1, 2) = 1 (scipy gives 1.0 too).
    WilcoxonResult r = WilcoxonSignedRankTest.acrossSeeds(
        new double[] {0.3, 0.2, 0.1}, new double[] {0.3, 0.2, 0.0}, Alternative.TWO_SIDED);
    assertEquals(1.0, r.pValue(), 0.0);
    assertNotEquals(0, r.zeros());
  }
}
