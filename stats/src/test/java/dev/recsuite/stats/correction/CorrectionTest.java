package dev.recsuite.stats.correction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.stats.Kat;
import dev.recsuite.stats.paired.Alternative;
import dev.recsuite.stats.paired.PairedTTest;
import dev.recsuite.stats.paired.PairedTestResult;
import dev.recsuite.stats.paired.WilcoxonSignedRankTest;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorrectionTest {

  static Stream<CSVRecord> referenceRows() {
    return Kat.rows("corrections.csv").stream();
  }

  /**
   * kat/corrections.csv: BH from scipy.stats.false_discovery_control(p, method='bh') (scipy 1.17.1), Holm from
   * statsmodels.stats.multitest.multipletests(p, method='holm')[1] (statsmodels 0.15.0). Families: three tied
   * 0.04s with p = 1, all small, all capped at 1, p = 0 and 1, a single test, 20 random values.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceRows")
  void matchesScipyAndStatsmodels(CSVRecord row) {
    Correction c = Correction.parse(row.get("method"));
    double[] p = Kat.vector(row.get("p"));
    assertArrayEquals(Kat.vector(row.get("adjusted")), c.adjust(p), 1e-15, Kat.provenance(row));
  }

  @Test
  void holmByHandOnATiedFamily() {
    // m = 4, sorted p = 0.01, 0.02, 0.02, 0.5: 4*0.01 = 0.04; 3*0.02 = 0.06; 2*0.02 = 0.04 -> max so far 0.06;
    // 1*0.5 = 0.5. Both tied p-values get 0.06 whichever comes first.
    assertArrayEquals(new double[] {0.06, 0.04, 0.5, 0.06},
        HolmBonferroni.adjust(new double[] {0.02, 0.01, 0.5, 0.02}), 1e-17);
  }

  @Test
  void benjaminiHochbergByHandOnATiedFamily() {
    // m = 4, sorted p = 0.01, 0.02, 0.02, 0.5: p*m/j = 0.04, 0.04, 0.02667, 0.5; running minimum from the top:
    // 0.5, 0.02667, 0.02667, 0.02667.
    double third = 0.02 * (4.0 / 3);
    assertArrayEquals(new double[] {third, third, 0.5, third},
        BenjaminiHochberg.adjust(new double[] {0.02, 0.01, 0.5, 0.02}), 1e-17);
  }

  @Test
  void adjustedValuesAreMonotoneCappedAndAtLeastTheRawOnes() {
    double[] p = {0.2, 0.001, 0.04, 0.04, 0.9, 0.0, 1.0, 0.013, 0.3, 0.049};
    for (Correction c : Correction.values()) {
      double[] adj = c.adjust(p);
      for (int i = 0; i < p.length; i++) {
        assertTrue(adj[i] >= p[i] && adj[i] <= 1.0, c + " index " + i);
        for (int j = 0; j < p.length; j++) {
          if (p[i] < p[j]) {
            assertTrue(adj[i] <= adj[j], c + ": order of " + i + " and " + j);
          } else if (p[i] == p[j]) {
            assertEquals(adj[i], adj[j], 0.0, c + ": ties " + i + " and " + j);
          }
        }
      }
    }
  }

  @Test
  void permutingTheFamilyPermutesTheAdjustedValues() {
    double[] p = {0.2, 0.001, 0.04, 0.04, 0.9, 0.013};
    int[] perm = {3, 5, 0, 1, 4, 2};
    double[] permuted = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      permuted[i] = p[perm[i]];
    }
    for (Correction c : Correction.values()) {
      double[] adj = c.adjust(p);
      double[] adjPermuted = c.adjust(permuted);
      for (int i = 0; i < p.length; i++) {
        assertEquals(adj[perm[i]], adjPermuted[i], 0.0, c.name());
      }
    }
  }

  @Test
  void emptyFamilyGivesEmptyResult() {
    assertEquals(0, Correction.HOLM.adjust(new double[0]).length);
    assertEquals(0, Correction.BENJAMINI_HOCHBERG.adjust(new double[0]).length);
  }

  @Test
  void invalidPValuesAreRejectedByIndex() {
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> HolmBonferroni.adjust(new double[] {0.1, Double.NaN}));
    assertEquals("Holm-Bonferroni: p[1] = NaN; expected a p-value in [0, 1]", nan.getMessage());
    IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
        () -> BenjaminiHochberg.adjust(new double[] {1.5}));
    assertEquals("Benjamini-Hochberg: p[0] = 1.5; expected a p-value in [0, 1]", big.getMessage());
  }

  @Test
  void parseNamesTheChoices() {
    assertEquals(Correction.HOLM, Correction.parse("Holm"));
    assertEquals(Correction.BENJAMINI_HOCHBERG, Correction.parse("fdr_bh"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Correction.parse("bonferroni"));
    assertTrue(e.getMessage().contains("expected 'holm' (Holm-Bonferroni) or 'bh' (Benjamini-Hochberg)"));
  }

  @Test
  void adjustsAFamilyOfTestResultsInOrder() {
    double[] best = {0.0712, 0.0698, 0.0725, 0.0707, 0.0719};
    List<PairedTestResult> family = List.of(
        PairedTTest.acrossSeeds(best, new double[] {0.0689, 0.0694, 0.0701, 0.0685, 0.0702}, Alternative.GREATER),
        PairedTTest.acrossSeeds(best, new double[] {0.0711, 0.0699, 0.0722, 0.0707, 0.0716}, Alternative.GREATER),
        WilcoxonSignedRankTest.acrossSeeds(best, new double[] {0.0600, 0.0610, 0.0620, 0.0630, 0.0640},
            Alternative.GREATER));
    List<AdjustedResult> adjusted = Correction.HOLM.adjust(family);
    double[] expected = HolmBonferroni.adjust(family.stream().mapToDouble(PairedTestResult::pValue).toArray());
    for (int i = 0; i < family.size(); i++) {
      assertEquals(family.get(i), adjusted.get(i).test());
      assertEquals(expected[i], adjusted.get(i).adjustedPValue(), 0.0);
      assertEquals(3, adjusted.get(i).familySize());
    }
    // The Wilcoxon test on 5 seeds cannot go below 1/32 one-sided, so after Holm it is not significant at 0.05.
    assertEquals(1.0 / 32, family.get(2).pValue(), 0.0);
    assertFalse(adjusted.get(2).significantAt(0.05));
    assertTrue(adjusted.get(2).describe().endsWith("; Holm-Bonferroni over 3: p = " + String.format(
        java.util.Locale.ROOT, "%.4g", adjusted.get(2).adjustedPValue())), adjusted.get(2).describe());
  }
}
