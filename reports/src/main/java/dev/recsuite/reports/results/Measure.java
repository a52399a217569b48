package dev.recsuite.reports.results;

import dev.recsuite.reports.input.RunSummary;
import java.util.Locale;

/**
 * One number read from each run: a test metric, an efficiency figure or a dataset count. Paper cells, claims and
 * leaderboards all read runs through a measure, so "s/epoch" and "NDCG@10" are averaged, tested and compared the
 * same way.
 *
 * @param kind what is read
 * @param metric the test metric's name for {@link Kind#TEST_METRIC}, otherwise ""
 */
public record Measure(Kind kind, String metric) {

  /** What a measure reads from a run; NaN where the run does not know it. */
  public enum Kind {
    TEST_METRIC("test metric", false),
    SECONDS_PER_EPOCH("s/epoch (median after the first epoch)", true),
    PARAMETERS("parameters", false),
    PEAK_HEAP("peak heap bytes", true),
    PEAK_RSS("peak RSS bytes", true),
    TEST_EVAL_SECONDS("test evaluation seconds", true),
    DATASET_USERS("users", false),
    DATASET_ITEMS("items", false),
    DATASET_INTERACTIONS("interactions", false),
    DATASET_SPARSITY("sparsity %", false);

    private final String label;
    private final boolean hardwareDependent;

    Kind(String label, boolean hardwareDependent) {
      this.label = label;
      this.hardwareDependent = hardwareDependent;
    }

    /** Parses the resource-file spelling, e.g. {@code seconds_per_epoch}. */
    public static Kind parse(String name, String where) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        StringBuilder valid = new StringBuilder();
        for (Kind k : values()) {
          valid.append(valid.isEmpty() ? "" : ", ").append(k.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(where + ": unknown measure kind '" + name + "'; expected one of " + valid,
            e);
      }
    }
  }

  public static Measure test(String metric) {
    if (metric == null || metric.isBlank()) {
      throw new IllegalArgumentException("a test-metric measure needs a metric name, e.g. NDCG@10");
    }
    return new Measure(Kind.TEST_METRIC, metric);
  }

  public static Measure of(Kind kind) {
    if (kind == Kind.TEST_METRIC) {
      throw new IllegalArgumentException("use Measure.test(name) for a test metric");
    }
    return new Measure(kind, "");
  }

  /** The run's value, NaN where unknown (a metric not computed, an efficiency figure not measured). */
  public double of(RunSummary r) {
    return switch (kind) {
      case TEST_METRIC -> r.testMetrics().getOrDefault(metric, Double.NaN);
      case SECONDS_PER_EPOCH -> r.efficiency().epochSecondsMedian();
      case PARAMETERS -> known(r.efficiency().parameters());
      case PEAK_HEAP -> known(r.efficiency().peakHeapBytes());
      case PEAK_RSS -> known(r.efficiency().peakRssBytes());
      case TEST_EVAL_SECONDS -> r.efficiency().testEvalSeconds();
      case DATASET_USERS -> known(r.datasetStats().users());
      case DATASET_ITEMS -> known(r.datasetStats().items());
      case DATASET_INTERACTIONS -> known(r.datasetStats().interactions());
      case DATASET_SPARSITY -> r.datasetStats().sparsityPercent();
    };
  }

  /** True for timings and memory, which depend on the machine and are not compared with a paper's value. */
  public boolean hardwareDependent() {
    return kind.hardwareDependent;
  }

  /** True for counts of the dataset itself, which every run on it shares whatever its protocol. */
  public boolean describesDataset() {
    return switch (kind) {
      case DATASET_USERS, DATASET_ITEMS, DATASET_INTERACTIONS, DATASET_SPARSITY -> true;
      default -> false;
    };
  }

  /** True when runs store a per-user vector of this measure. */
  public boolean hasPerUserValues() {
    return kind == Kind.TEST_METRIC;
  }

  public String label() {
    return kind == Kind.TEST_METRIC ? metric : kind.label;
  }

  private static double known(long v) {
    return v < 0 ? Double.NaN : v;
  }
}
