package dev.recsuite.suite.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain-text leaderboard for the terminal: one table per dataset x protocol x evaluation mode, one row
 * per model, each cell the mean over seeds (with the standard deviation when there are several seeds); then
 * the best epoch (1-based), median seconds per epoch, test evaluation time and the share of users whose
 * target's position the tie policy decided (of the first seed).
 */
public final class Leaderboard {
  private Leaderboard() {}

  public static String render(List<RunRecord> runs, List<String> metrics) {
    Map<String, Map<String, List<RunRecord>>> groups = new LinkedHashMap<>();
    for (RunRecord r : runs) {
      String g = r.dataset().name() + " | " + r.protocol().name() + " | " + r.evaluation().mode();
      groups.computeIfAbsent(g, k -> new LinkedHashMap<>()).computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r);
    }
    StringBuilder sb = new StringBuilder();
    for (var g : groups.entrySet()) {
      sb.append('\n').append(g.getKey()).append('\n');
      StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-12s %5s", "model", "seeds"));
      for (String m : metrics) {
        head.append(String.format(Locale.ROOT, " %16s", m));
      }
      head.append(String.format(Locale.ROOT, " %7s %9s %8s %6s", "best@", "s/epoch", "test s", "tied"));
      sb.append(head).append('\n');
      for (var row : g.getValue().entrySet()) {
        List<RunRecord> rs = row.getValue();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-12s %5d", row.getKey(), rs.size()));
        for (String m : metrics) {
          double[] v = rs.stream().mapToDouble(r -> r.test().metrics().getOrDefault(m, Double.NaN)).toArray();
          line.append(String.format(Locale.ROOT, " %16s", cell(v)));
        }
        RunRecord first = rs.get(0);
        line.append(String.format(Locale.ROOT, " %7s %9.3f %8.3f %5.1f%%",
            first.training().bestEpoch() < 0 ? "-" : Integer.toString(first.training().bestEpoch() + 1),
            first.efficiency().epochSecondsMedian(), first.efficiency().testEvalSeconds(), 100 * first.test().tiedShare()));
        sb.append(line).append('\n');
      }
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
