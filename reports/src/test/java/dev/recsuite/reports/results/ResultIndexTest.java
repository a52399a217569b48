package dev.recsuite.reports.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.reports.input.RunSummary;
import dev.recsuite.reports.input.Setting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grouping runs into settings and cohorts. */
class ResultIndexTest {

  private static RunSummary run(String id, String model, RunSummary.Role role, long seed, String rule) {
    return new RunSummary(id, "d", "loo", new RunSummary.Evaluation("full", "masked", null), model, "", "", role, seed,
        rule, Map.of("Recall@10", 0.1 + seed / 100.0), null, null, null, null, null);
  }

  @Test
  void resultsChosenByTestScoreAreASeparateSystem() {
    ResultIndex index = ResultIndex.of(List.of(run("a", "M", RunSummary.Role.BASELINE, 1, "validation"),
        run("b", "M", RunSummary.Role.BASELINE, 1, RunSummary.TEST_AS_MMREC),
        run("c", "M", RunSummary.Role.BASELINE, 2, "validation")));
    Setting s = index.settings().get(0);
    List<Cohort> cohorts = index.cohorts(s);
    assertEquals(2, cohorts.size());
    assertEquals(2, cohorts.get(1).size());
    assertTrue(cohorts.get(0).system().testSelected());
    assertEquals(0.115, cohorts.get(1).mean(Measure.test("Recall@10")), 1e-12);
  }

  @Test
  void twoRunsWithOneSeedAreAnErrorNamingBoth() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultIndex.of(List.of(
        run("r1", "M", RunSummary.Role.BASELINE, 7, "fixed"), run("r2", "M", RunSummary.Role.BASELINE, 7, "fixed"))));
    assertEquals("d · loo · full, M: runs r1 and r2 both have seed 7; expected one run per seed (remove one from the"
        + " store)", e.getMessage());
  }

  @Test
  void aModelWithTwoRolesIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> ResultIndex.of(List.of(
        run("r1", "M", RunSummary.Role.BASELINE, 1, "fixed"), run("r2", "M", RunSummary.Role.PROPOSED, 2, "fixed"))));
  }

  @Test
  void baselinesComeBeforeProposedSystemsThenByName() {
    ResultIndex index = ResultIndex.of(List.of(run("a", "Z", RunSummary.Role.PROPOSED, 1, "fixed"),
        run("b", "Y", RunSummary.Role.BASELINE, 1, "fixed"), run("c", "A", RunSummary.Role.PROPOSED, 1, "fixed")));
    assertEquals(List.of("Y", "A", "Z"), index.cohorts(index.settings().get(0)).stream()
        .map(c -> c.system().model()).toList());
  }

  @Test
  void metricNamesSortAsPapersPrintThem() {
    assertEquals(List.of("Recall@5", "Recall@20", "NDCG@10", "HR@10", "MRR", "Foo"),
        MetricNames.sorted(List.of("MRR", "Foo", "HR@10", "NDCG@10", "Recall@20", "Recall@5")));
  }

  /** Configurations from two experiments in one store are told apart by their differing keys, yet both are BPR. */
  @Test
  void findMatchesTheDeclaredVariantThroughTheDisambiguatingKeys() {
    ResultIndex index = ResultIndex.of(List.of(
        variantRun("a", "evaluation.ks=[10, 20], training.stopping_step=10", 1),
        variantRun("b", "evaluation.ks=[10, 20, 50], training.stopping_step=20", 1),
        variantRun("c", "corrected, reg_weight=0.1", 1), variantRun("d", "corrected", 2)));
    assertEquals(List.of("evaluation.ks=[10, 20, 50], training.stopping_step=20",
        "evaluation.ks=[10, 20], training.stopping_step=10"),
        index.find("d", "loo", "full", "M", "").stream().map(c -> c.system().variant()).sorted().toList());
    assertEquals(List.of("corrected", "corrected, reg_weight=0.1"),
        index.find("d", "loo", "full", "M", "corrected").stream().map(c -> c.system().variant()).sorted().toList());
    assertTrue(index.find("d", "loo", "full", "M", "evaluation.ks=[10").isEmpty());
  }

  private static RunSummary variantRun(String id, String variant, long seed) {
    return new RunSummary(id, "d", "loo", new RunSummary.Evaluation("full", "masked", null), "M", variant, "",
        RunSummary.Role.BASELINE, seed, "fixed", Map.of("Recall@10", 0.1), null, null, null, null, null);
  }
}
