package dev.recsuite.protocols.eval;

import java.util.List;
import java.util.Locale;

/**
 * One evaluation pass: per-user metric values at full precision (the paired tests need them) and their
 * means over users with a defined value.
 *
 * @param users [U] evaluated users
 * @param metrics metric names, in column order
 * @param perUser [metric][U] values; NaN where a metric is undefined for a user
 * @param means [metric] mean over defined values
 * @param undefined [metric] users whose value was NaN (reported, never averaged as 0)
 * @param tiedShare share of users whose target position was decided by the tie policy
 * @param skippedColdStart users with targets but no training history, not evaluated
 * @param seconds wall-clock time of the pass, scoring included
 */
public record EvaluationResult(String phase, int[] users, List<String> metrics, double[][] perUser, double[] means,
    int[] undefined, double tiedShare, int skippedColdStart, String rule, double seconds) {

  public int index(String metric) {
    for (int m = 0; m < metrics.size(); m++) {
      if (metrics.get(m).equalsIgnoreCase(metric)) {
        return m;
      }
    }
    throw new IllegalArgumentException("metric '" + metric + "' was not computed; computed: " + metrics);
  }

  public double mean(String metric) {
    return means[index(metric)];
  }

  public double[] perUser(String metric) {
    return perUser[index(metric)];
  }

  public String brief(String... names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append(sb.length() == 0 ? "" : "  ").append(n).append(' ').append(String.format(Locale.ROOT, "%.4f", mean(n)));
    }
    return sb.toString();
  }
}
