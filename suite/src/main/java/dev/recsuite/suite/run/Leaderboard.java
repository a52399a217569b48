package dev.recsuite.suite.run;

import dev.recsuite.suite.experiment.Selection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain-text leaderboard for the terminal: one table per dataset x protocol x evaluation mode, one row
 * per model, each cell the mean over seeds (with the standard deviation when there are several seeds); then
 * the best epoch (1-based), median seconds per epoch, test evaluation time and the share of users whose
 * target's position the tie policy decided (of the first seed). A configuration chosen by test score
 * ({@code selection: test-as-mmrec}) is marked on its row and explained under the tables.
 */
public final class Leaderboard {
  private Leaderboard() {}

  public static String render(List<RunRecord> runs, List<String> metrics) {
    Map<String, Map<String, List<RunRecord>>> groups = new LinkedHashMap<>();
    boolean testChosen = false;
    for (RunRecord r : runs) {
      String g = r.dataset().name() + " | " + r.protocol().name() + " | " + r.evaluation().mode();
      boolean mark = Selection.TEST_AS_MMREC.key().equals(r.selectionRule());
      testChosen |= mark;
      String row = r.model() + (mark ? " [test]" : "");
      groups.computeIfAbsent(g, k -> new LinkedHashMap<>()).computeIfAbsent(row, k -> new ArrayList<>()).add(r);
    }
    StringBuilder sb = new StringBuilder();
    for (var g : groups.entrySet()) {
      sb.append('\n').append(g.getKey()).append('\n');
      StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-19s %5s", "model", "seeds"));
      for (String m : metrics) {
        head.append(String.format(Locale.ROOT, " %16s", m));
      }
      head.append(String.format(Locale.ROOT, " %10s %9s %8s %6s", "best epoch", "s/epoch", "test s", "tied"));
      sb.append(head).append('\n');
      for (var row : g.getValue().entrySet()) {
        List<RunRecord> rs = row.getValue();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-19s %5d", row.getKey(), rs.size()));
        for (String m : metrics) {
          double[] v = rs.stream().mapToDouble(r -> r.test().metrics().getOrDefault(m, Double.NaN)).toArray();
          line.append(String.format(Locale.ROOT, " %16s", cell(v)));
        }
        RunRecord first = rs.get(0);
        int best = first.training().bestEpoch();
        double epochSeconds = first.efficiency().epochSecondsMedian(); // NaN for a model with no training epochs
        line.append(String.format(Locale.ROOT, " %10s %9s %8.3f %5.1f%%", best < 0 ? "-" : Integer.toString(best + 1),
            Double.isNaN(epochSeconds) ? "-" : String.format(Locale.ROOT, "%.3f", epochSeconds),
            first.efficiency().testEvalSeconds(), 100 * first.test().tiedShare()));
        sb.append(line).append('\n');
      }
    }
    if (testChosen) {
      sb.append("\n[test] configuration chosen from its grid by TEST score (selection: test-as-mmrec, MMRec's rule,"
          + " specs/baselines.md §2.3): not a clean estimate.\n");
    }
    return sb.toString();
  }

  private static String cell(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    if (v.length < 2) {
      return String.format(Locale.ROOT, "%.4f", mean);
    }
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return String.format(Locale.ROOT, "%.4f±%.4f", mean, Math.sqrt(ss / (v.length - 1)));
  }
}
