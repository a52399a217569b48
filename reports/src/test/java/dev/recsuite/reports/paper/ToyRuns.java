package dev.recsuite.reports.paper;

import dev.recsuite.reports.input.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs for the toy paper ({@code papers-test/toy.yaml}, {@code reference/toy.csv}) on dataset d under protocol loo:
 * A (proposed) and B (baseline) on five seeds, A consistently above B though both vary across seeds; C (baseline) on
 * one seed, chosen by test score. Each run has per-user values.
 */
final class ToyRuns {
  static final double[] A_RECALL = {0.0485, 0.0440, 0.0555, 0.0452, 0.0568};
  static final double[] B_RECALL = {0.044, 0.040, 0.052, 0.041, 0.053};
  static final double[] A_SECONDS = {1.0, 1.1, 0.9, 1.0, 1.0};
  static final double[] B_SECONDS = {0.5, 0.5, 0.6, 0.4, 0.5};
  static final double C_RECALL = 0.020;

  private ToyRuns() {}

  static List<RunSummary> all() {
    List<RunSummary> out = new ArrayList<>();
    for (int s = 0; s < 5; s++) {
      out.add(run("A", RunSummary.Role.PROPOSED, s, "validation", A_RECALL[s], A_SECONDS[s]));
      out.add(run("B", RunSummary.Role.BASELINE, s, "validation", B_RECALL[s], B_SECONDS[s]));
    }
    out.add(run("C", RunSummary.Role.BASELINE, 0, RunSummary.TEST_AS_MMREC, C_RECALL, 0.2));
    return out;
  }

  static RunSummary run(String model, RunSummary.Role role, long seed, String rule, double recall, double seconds) {
    int[] users = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    double[] perUser = new double[10];
    for (int u = 0; u < 10; u++) {
      perUser[u] = u < Math.round(recall * 200) ? 1 : 0; // a different share of hits per model
    }
    return new RunSummary(model + "-" + seed, "d", "loo", new RunSummary.Evaluation("full", "masked", null), model, "",
        "", role, seed, rule, Map.of("Recall@10", recall), new RunSummary.PerUser(users, Map.of("Recall@10", perUser)),
        null, new RunSummary.Efficiency(10, seconds, seconds * 0.9, seconds * 1.2, 1000, 1L << 28, 1L << 29, 0.1, 100),
        null, null);
  }
}
