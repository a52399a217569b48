package dev.recsuite.reports.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.reports.paper.PaperCohorts;
import dev.recsuite.reports.paper.PaperSpec;
import dev.recsuite.reports.paper.PaperSpecLoader;
import dev.recsuite.reports.paper.ToyRunsAccess;
import dev.recsuite.reports.reference.ReferenceData;
import dev.recsuite.reports.results.ResultIndex;
import dev.recsuite.stats.correction.Correction;
import dev.recsuite.stats.paired.Alternative;
import dev.recsuite.stats.paired.PairedTTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Claims of the toy paper ({@code papers-test/toy.yaml}) evaluated on constructed runs. */
class ClaimEvaluatorTest {
  private static final PaperSpec TOY = new PaperSpecLoader(new ReferenceData()).load("papers-test/toy.yaml");
  private static final ClaimEvaluator EVALUATOR = new ClaimEvaluator(new PaperCohorts(TOY,
      ResultIndex.of(ToyRunsAccess.all())));

  private static ClaimEvaluator.Result evaluate(String id) {
    ClaimSpec c = TOY.claims().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    return EVALUATOR.evaluate(c, "loo");
  }

  @Test
  void beatsBestBaselineHeldWithThePairedTTestAgainstTheBestBaselineThatRan() {
    ClaimEvaluator.Result r = evaluate("C1");
    assertEquals(ClaimStatus.HELD, r.status());
    ClaimEvaluator.Cell cell = r.cells().get(0);
    // B (mean 0.046) is the best of B and C (0.020): A is tested against B, one test, Holm over 1 = raw p.
    double p = PairedTTest.acrossSeeds(ToyRunsAccess.aRecall(), ToyRunsAccess.bRecall(), Alternative.TWO_SIDED)
        .pValue();
    assertEquals(p, cell.comparison().test().pValue(), 0);
    assertEquals(p, cell.pAdjusted(), 0);
    ClaimView v = r.view();
    assertEquals("B", v.cells().get(0).lower());
    assertEquals("paired t-test across seeds, two-sided, α = 0.05, Holm-Bonferroni correction", v.test());
    assertEquals("held", v.status());
  }

  @Test
  void aClaimThatFailsOnACellThatRanIsNotHeld() {
    assertEquals(ClaimStatus.NOT_HELD, evaluate("C2").status());
    assertEquals(ClaimEvaluator.Outcome.FAIL, evaluate("C2").cells().get(0).outcome());
  }

  @Test
  void aClaimWithNothingRunIsNotRun() {
    ClaimEvaluator.Result r = evaluate("C3");
    assertEquals(ClaimStatus.NOT_RUN, r.status());
    assertTrue(r.view().cells().get(0).note().contains("dataset 'Gone' is not available"));
    ClaimEvaluator.Result none = evaluate("C7");
    assertEquals(ClaimStatus.NOT_RUN, none.status());
    assertTrue(none.view().cells().get(0).note().contains("no counterpart of 'Nobody'"));
  }

  @Test
  void oneSeedCannotBeTestedSoTheClaimIsNotRun() {
    ClaimEvaluator.Result r = evaluate("C4");
    assertEquals(ClaimEvaluator.Outcome.UNTESTED, r.cells().get(0).outcome());
    assertEquals(ClaimStatus.NOT_RUN, r.status());
    assertTrue(r.view().cells().get(0).note().contains("fewer than 2 paired seeds"), r.view().cells().get(0).note());
    assertTrue(r.view().cells().get(0).note().contains("chosen by test score"));
  }

  @Test
  void anOrderingWithoutATestComparesMeans() {
    ClaimEvaluator.Result r = evaluate("C5");
    assertEquals(ClaimStatus.HELD, r.status());
    assertEquals("means compared, no test", r.view().test());
  }

  @Test
  void atLeastCountsPassingCellsAndCorrectsOverTheClaimsFamily() {
    ClaimEvaluator.Result r = evaluate("C6");
    assertEquals(ClaimStatus.NOT_HELD, r.status(), "one cell passes, one fails, none pending: 2 cannot be reached");
    double p = PairedTTest.acrossSeeds(ToyRunsAccess.aRecall(), ToyRunsAccess.bRecall(), Alternative.TWO_SIDED)
        .pValue();
    double[] holm = Correction.HOLM.adjust(new double[] {p, p});
    assertEquals(holm[0], r.cells().get(0).pAdjusted(), 0);
  }

  @Test
  void quantifiersDecideFromPassedFailedAndPendingCells() {
    ClaimSpec.Quantifier every = ClaimSpec.Quantifier.EVERY_CELL;
    ClaimSpec.Quantifier two = new ClaimSpec.Quantifier(ClaimSpec.Quantifier.Type.AT_LEAST, 2);
    ClaimSpec.Quantifier most = new ClaimSpec.Quantifier(ClaimSpec.Quantifier.Type.SHARE, 0.75);
    List<ClaimEvaluator.Cell> passPending = List.of(evaluate("C1").cells().get(0), evaluate("C3").cells().get(0));
    assertEquals(ClaimStatus.HELD, ClaimEvaluator.decide(every, passPending));
    assertEquals(ClaimStatus.NOT_RUN, ClaimEvaluator.decide(two, passPending));
    assertEquals(ClaimStatus.HELD, ClaimEvaluator.decide(most, passPending));
    List<ClaimEvaluator.Cell> passFail = List.of(evaluate("C1").cells().get(0), evaluate("C2").cells().get(0));
    assertEquals(ClaimStatus.NOT_HELD, ClaimEvaluator.decide(every, passFail));
    assertEquals(ClaimStatus.NOT_HELD, ClaimEvaluator.decide(most, passFail));
  }
}
