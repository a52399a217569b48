package dev.recsuite.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedSampleTest {

  @Test
  void differencesAreAMinusB() {
    PairedSample s = PairedSample.bySeed(new double[] {0.3, 0.5, 0.2}, new double[] {0.1, 0.5, 0.4});
    assertArrayEquals(new double[] {0.3 - 0.1, 0.0, 0.2 - 0.4}, s.differences(), 0.0);
    assertEquals(1, s.zeroDifferences());
    assertFalse(s.allDifferencesZero());
    assertEquals("paired by seed, n = 3", s.describe());
  }

  @Test
  void copiesItsInputs() {
    double[] a = {1, 2, 3};
    PairedSample s = PairedSample.byUser(a, new double[] {0, 0, 0});
    a[0] = 99;
    assertEquals(1.0, s.a()[0]);
    s.a()[1] = 99;
    assertEquals(2.0, s.a()[1]);
  }

  @Test
  void completeCasesDropsPairsWithANaNAndCountsThem() {
    double nan = Double.NaN;
    PairedSample s = PairedSample.completeCases(Pairing.USER,
        new double[] {0.1, nan, 0.3, 0.4, nan}, new double[] {0.0, 0.2, nan, 0.1, nan});
    assertArrayEquals(new double[] {0.1, 0.4}, s.a(), 0.0);
    assertArrayEquals(new double[] {0.0, 0.1}, s.b(), 0.0);
    assertEquals(3, s.droppedPairs());
    assertEquals("paired by user, n = 2, 3 incomplete pairs dropped", s.describe());
  }

  @Test
  void completeCasesStillNeedsTwoPairsAndFiniteValues() {
    double nan = Double.NaN;
    IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
        () -> PairedSample.completeCases(Pairing.USER, new double[] {0.1, nan, 0.3}, new double[] {0.0, 0.2, nan}));
    assertEquals("paired sample (by user): need at least 2 pairs, got 1 after dropping 2 pairs with a NaN value",
        few.getMessage());
    IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
        () -> PairedSample.completeCases(Pairing.SEED, new double[] {0.1, 0.2, 0.3},
            new double[] {0.0, Double.NEGATIVE_INFINITY, 0.1}));
    assertEquals("paired sample (by seed): b[1] = -Infinity; expected a finite value", inf.getMessage());
  }

  @Test
  void strictFactoryPointsToCompleteCases() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PairedSample.byUser(new double[] {Double.NaN, 1}, new double[] {0, 1}));
    assertEquals("paired sample (by user): a[0] is NaN; expected a finite value (use PairedSample.completeCases to"
        + " drop incomplete pairs)", e.getMessage());
  }

  @Test
  void allZeroDifferencesAreDetected() {
    PairedSample s = PairedSample.bySeed(new double[] {0.2, 0.3}, new double[] {0.2, 0.3});
    assertTrue(s.allDifferencesZero());
    assertThrows(IllegalArgumentException.class, () -> s.requireSomeNonZeroDifference("test"));
  }
}
