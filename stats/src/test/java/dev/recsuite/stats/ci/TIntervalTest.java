package dev.recsuite.stats.ci;

import static dev.recsuite.stats.Kat.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.stats.Kat;
import dev.recsuite.stats.PairedSample;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TIntervalTest {

  static Stream<CSVRecord> intervalRows() {
    return Kat.rows("t_interval.csv").stream();
  }

  static Stream<CSVRecord> quantileRows() {
    return Kat.rows("t_quantile.csv").stream();
  }

  /**
   * kat/t_interval.csv: scipy.stats.t.interval(level, n - 1, loc=mean, scale=scipy.stats.sem(x)) for the mean
   * (2, 5, 10 seeds; 400 users; levels 0.90, 0.95, 0.99) and scipy.stats.ttest_rel(a, b).confidence_interval(level)
   * for a paired difference (scipy 1.17.1).
   */
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("intervalRows")
  void matchesScipy(CSVRecord row) {
    double level = Double.parseDouble(row.get("level"));
    double[] a = Kat.vector(row.get("a"));
    ConfidenceInterval ci = row.get("kind").equals("mean")
        ? TInterval.ofMean(a, level)
        : TInterval.ofMeanDifference(PairedSample.bySeed(a, Kat.vector(row.get("b"))), level);
    String where = Kat.provenance(row);
    assertRelative(Kat.number(row.get("estimate")), ci.estimate(), 1e-14, "estimate, " + where);
    // endpoints: the quantile is solved to 1e-13 absolute, times a standard error below 1
    assertEquals(Kat.number(row.get("lower")), ci.lower(), 1e-13, "lower, " + where);
    assertEquals(Kat.number(row.get("upper")), ci.upper(), 1e-13, "upper, " + where);
    assertEquals(level, ci.level());
    assertEquals(a.length, ci.n());
  }

  /**
   * kat/t_quantile.csv: scipy.stats.t.ppf(p, df) for df 1 to 19999 (scipy 1.17.1). Tolerance 1e-11 relative:
   * at df = 19999 Hipparchus's t CDF (regularized beta near x = 1) is good to about 1e-13, which moves the
   * quantile by 1.1e-12 relative; for df ≤ 399 the agreement is within 3e-14.
   */
  @ParameterizedTest(name = "df={0} p={1}")
  @MethodSource("quantileRows")
  void quantileMatchesScipy(CSVRecord row) {
    double expected = Kat.number(row.get("quantile"));
    double actual = TInterval.quantile(Integer.parseInt(row.get("df")), Double.parseDouble(row.get("p")));
    assertRelative(expected, actual, 1e-11, Kat.provenance(row));
  }

  @Test
  void describesItselfForAReport() {
    // scipy.stats.t.interval(0.95, 4, loc=numpy.mean(x), scale=scipy.stats.sem(x)) (scipy 1.17.1)
    //   -> (0.06991950884492605, 0.07252049115507396); numpy.mean(x) = 0.07122
    ConfidenceInterval ci = TInterval.ofMean(new double[] {0.0712, 0.0698, 0.0725, 0.0707, 0.0719}, 0.95);
    assertEquals("0.07122 [0.06992, 0.07252] (95% CI, Student t, 4 df)", ci.describe());
    assertTrue(ci.contains(ci.estimate()));
  }

  @Test
  void equalValuesGiveAPointInterval() {
    ConfidenceInterval ci = TInterval.ofMean(new double[] {0.25, 0.25, 0.25}, 0.95);
    assertEquals(0.25, ci.lower(), 0.0);
    assertEquals(0.25, ci.upper(), 0.0);
  }

  @Test
  void rejectsBadLevelsAndTooFewValues() {
    double[] x = {0.1, 0.2, 0.3};
    IllegalArgumentException level = assertThrows(IllegalArgumentException.class, () -> TInterval.ofMean(x, 95));
    assertEquals("confidence level = 95.0; expected 0 < level < 1 (0.95 for 95%)", level.getMessage());
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> TInterval.ofMean(new double[] {0.1}, 0.95));
    assertEquals("t confidence interval: need at least 2 values, got 1", one.getMessage());
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> TInterval.ofMean(new double[] {0.1, Double.NaN}, 0.95));
    assertTrue(nan.getMessage().startsWith("t confidence interval: x[1] = NaN: expected a finite value"),
        nan.getMessage());
  }
}
