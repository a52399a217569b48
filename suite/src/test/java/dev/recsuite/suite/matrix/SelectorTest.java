package dev.recsuite.suite.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recsuite.suite.experiment.Selection;
import dev.recsuite.suite.run.RunRecord;
import dev.recsuite.suite.run.RunRecords;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorTest {
  private static RunRecord t(double valid, double test) {
    return RunRecords.withMetrics("00000000000000000000", valid, test);
  }

  @Test
  void validationPicksTheBestValidationValueAndIgnoresTest() {
    List<RunRecord> trials = List.of(t(0.20, 0.90), t(0.25, 0.10), t(0.22, 0.50));
    assertEquals(1, Selector.choose(trials, Selection.VALIDATION, "Recall@20", 4));
  }

  @Test
  void testAsMmrecPicksTheBestTestValue() {
    List<RunRecord> trials = List.of(t(0.20, 0.90), t(0.25, 0.10), t(0.22, 0.50));
    assertEquals(0, Selector.choose(trials, Selection.TEST_AS_MMREC, "recall@20", 4));
  }

  @Test
  void valuesEqualAfterRoundingAreTiesAndTheFirstInGridOrderWins() {
    // 0.20004 and 0.20001 both round to 0.2000 at MMRec's 4 decimals: a tie, so the first stays chosen.
    assertEquals(0, Selector.choose(List.of(t(0.20001, 0), t(0.20004, 0)), Selection.VALIDATION, "Recall@20", 4));
    assertEquals(1, Selector.choose(List.of(t(0.20001, 0), t(0.20004, 0)), Selection.VALIDATION, "Recall@20", -1));
    assertEquals(1, Selector.choose(List.of(t(0.20001, 0), t(0.20006, 0)), Selection.VALIDATION, "Recall@20", 4));
  }

  @Test
  void nanValuesAreNeverChosenAndAllNanIsAnError() {
    assertEquals(1, Selector.choose(List.of(t(Double.NaN, 0.9), t(0.1, 0.1)), Selection.VALIDATION, "Recall@20", 4));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Selector.choose(List.of(t(Double.NaN, 0.9)), Selection.VALIDATION, "Recall@20", 4));
    assertEquals("no trial has a validation value of Recall@20 to select on (does the split have a validation part?)", e.getMessage());
  }
}
