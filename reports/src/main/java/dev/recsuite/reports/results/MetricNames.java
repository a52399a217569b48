package dev.recsuite.reports.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * Metric names as the suite writes them, {@code Family@K} or a bare family ({@code MRR}): parsing the cutoff and
 * ordering names the way papers print them (Recall, NDCG, HR, Precision, MAP, MRR; then by K).
 */
public final class MetricNames {
  private static final List<String> FAMILY_ORDER = List.of("Recall", "NDCG", "HR", "Precision", "MAP", "MRR");

  private MetricNames() {}

  /** "NDCG" for "NDCG@10". */
  public static String family(String metric) {
    int at = metric.indexOf('@');
    return at < 0 ? metric : metric.substring(0, at);
  }

  /** 10 for "NDCG@10"; empty for a metric without a cutoff. */
  public static OptionalInt cutoff(String metric) {
    int at = metric.indexOf('@');
    if (at < 0) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(metric.substring(at + 1)));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  public static List<String> sorted(Collection<String> metrics) {
    List<String> out = new ArrayList<>(metrics);
    out.sort(Comparator.comparingInt((String m) -> {
      int k = FAMILY_ORDER.indexOf(family(m));
      return k < 0 ? FAMILY_ORDER.size() : k;
    }).thenComparing(MetricNames::family).thenComparingInt(m -> cutoff(m).orElse(Integer.MAX_VALUE)));
    return out;
  }
}
