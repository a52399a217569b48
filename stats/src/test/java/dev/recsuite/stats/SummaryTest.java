package dev.recsuite.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void meanAndBesselCorrectedSd() {
    // numpy.mean([0.0712, 0.0698, 0.0725, 0.0707, 0.0719]) = 0.07122,
    // numpy.std(x, ddof=1) = 0.0010473776778220922 (numpy 2.4.6)
    Summary s = Summary.of(new double[] {0.0712, 0.0698, 0.0725, 0.0707, 0.0719}, "ndcg@20");
    assertEquals(5, s.n());
    assertEquals(0.07122, s.mean(), 1e-17);
    assertEquals(0.0010473776778220922, s.standardDeviation(), 1e-17);
    assertEquals(s.standardDeviation() / Math.sqrt(5), s.standardError(), 0.0);
  }

  @Test
  void oneValueHasAMeanButNoSd() {
    Summary s = Summary.of(new double[] {0.25}, "x");
    assertEquals(0.25, s.mean());
    assertTrue(Double.isNaN(s.standardDeviation()));
  }

  @Test
  void rejectsEmptyAndUndefinedValues() {
    assertEquals("recall@20: no values; expected at least one",
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[0], "recall@20")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Summary.of(new double[] {0.1, Double.NaN}, "recall@20")).getMessage()
        .contains("recall@20[1] = NaN: expected a finite value (drop undefined per-user values explicitly"));
  }

  @Test
  void definedValuesDropsOnlyNaN() {
    assertArrayEquals(new double[] {0.1, 0.0, Double.POSITIVE_INFINITY},
        DefinedValues.of(new double[] {Double.NaN, 0.1, 0.0, Double.NaN, Double.POSITIVE_INFINITY}), 0.0);
  }
}
