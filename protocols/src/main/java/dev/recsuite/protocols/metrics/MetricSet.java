package dev.recsuite.protocols.metrics;

import dev.recsuite.protocols.config.NearestName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The standard metric list for a K list, and metric lookup by name. */
public final class MetricSet {
  private MetricSet() {}

  /** Recall, NDCG, HR, Precision, MAP and MRR at every K, then full-list MRR. */
  public static List<UserMetric> standard(int[] ks) {
    List<UserMetric> out = new ArrayList<>();
    for (int k : ks) {
      if (k < 1) {
        throw new IllegalArgumentException("K must be >= 1, got " + k);
      }
      out.add(new RecallAtK(k));
      out.add(new NdcgAtK(k));
      out.add(new HitRateAtK(k));
      out.add(new PrecisionAtK(k));
      out.add(new MapAtK(k));
      out.add(new MrrAtK(k));
    }
    out.add(new Mrr());
    return out;
  }

  /** Parses a metric name such as {@code recall@20}, {@code NDCG@10}, {@code hit@10}, {@code MRR} (case-insensitive). */
  public static UserMetric parse(String name) {
    String s = name.strip().toLowerCase(Locale.ROOT);
    if (s.equals("mrr")) {
      return new Mrr();
    }
    int at = s.indexOf('@');
    List<String> valid = List.of("recall@K", "ndcg@K", "hr@K", "hit@K", "precision@K", "map@K", "mrr@K", "mrr");
    if (at < 0) {
      throw new IllegalArgumentException("unknown metric '" + name + "'; expected one of " + valid);
    }
    int k;
    try {
      k = Integer.parseInt(s.substring(at + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("metric '" + name + "': K must be an integer");
    }
    String base = s.substring(0, at);
    return switch (base) {
      case "recall" -> new RecallAtK(k);
      case "ndcg" -> new NdcgAtK(k);
      case "hr", "hit" -> new HitRateAtK(k);
      case "precision" -> new PrecisionAtK(k);
      case "map" -> new MapAtK(k);
      case "mrr" -> new MrrAtK(k);
      default -> throw new IllegalArgumentException("unknown metric '" + name + "'"
          + NearestName.hint(base + "@K", valid) + "; expected one of " + valid);
    };
  }
}
