package dev.recsuite.reports.input;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One finished run as the report reads it: what ran, under which protocol and evaluation, its test metrics
 * (means and exact per-user vectors), its validation curve, efficiency figures and provenance. The report
 * knows nothing of models or of the results store; the suite converts its stored run records into these.
 *
 * <p>Runs that share {@link #setting()} and {@link #system()} are seed repeats of one system; the report
 * averages, tests and plots over them.
 *
 * @param runId the store's id of the run, for tooltips and provenance
 * @param dataset the suite's dataset name (e.g. {@code amazon-baby})
 * @param protocol the split protocol name (e.g. {@code leave-one-out}, {@code shipped})
 * @param evaluation how the test split was ranked
 * @param model the model as registered (e.g. {@code LightGCN})
 * @param variant "" for the model's main configuration; otherwise a name that makes this a different system
 *     of the same model (an ablation such as {@code w/o Wavelet}); paper mappings match on it
 * @param configLabel the chosen configuration in words (e.g. {@code reg_weight=0.001}); display only
 * @param role whether the model is a baseline or a proposed model: from data, never from its name
 * @param seed the run's seed
 * @param selectionRule how the configuration was chosen: {@code fixed}, {@code validation} or
 *     {@code test-as-mmrec} (results chosen by test score are marked wherever they appear)
 * @param testMetrics metric name (e.g. {@code NDCG@10}, {@code MRR}) to its mean over evaluated users
 * @param perUser per-user test values, aligned by user id; {@link PerUser#EMPTY} when not stored
 * @param training the validation curve and best epoch
 * @param efficiency time, size and memory figures
 * @param datasetStats counts of the dataset the run read
 * @param provenance dataset hashes, split fingerprint, code version and machine
 */
public record RunSummary(String runId, String dataset, String protocol, Evaluation evaluation, String model,
    String variant, String configLabel, Role role, long seed, String selectionRule, Map<String, Double> testMetrics,
    PerUser perUser, Training training, Efficiency efficiency, DatasetStats datasetStats, Provenance provenance) {

  /** {@link #selectionRule()} of a configuration picked by its test score (MMRec's rule). */
  public static final String TEST_AS_MMREC = "test-as-mmrec";

  public RunSummary {
    require(runId, "runId", runId);
    require(dataset, "dataset", runId);
    require(protocol, "protocol", runId);
    Objects.requireNonNull(evaluation, () -> "run " + runId + ": evaluation is missing");
    require(model, "model", runId);
    variant = variant == null ? "" : variant;
    configLabel = configLabel == null ? "" : configLabel;
    Objects.requireNonNull(role, () -> "run " + runId + ": role is missing (baseline or proposed)");
    selectionRule = selectionRule == null || selectionRule.isBlank() ? "fixed" : selectionRule;
    testMetrics = Map.copyOf(Objects.requireNonNull(testMetrics, () -> "run " + runId + ": testMetrics is missing"));
    perUser = perUser == null ? PerUser.EMPTY : perUser;
    training = training == null ? Training.NONE : training;
    efficiency = efficiency == null ? Efficiency.UNKNOWN : efficiency;
    datasetStats = datasetStats == null ? DatasetStats.UNKNOWN : datasetStats;
    provenance = provenance == null ? Provenance.UNKNOWN : provenance;
  }

  /** True when the configuration was chosen by its test score. */
  public boolean testSelected() {
    return TEST_AS_MMREC.equals(selectionRule);
  }

  /** Where the run was evaluated: its leaderboard. */
  public Setting setting() {
    return new Setting(dataset, protocol, evaluation.mode(), evaluation.rule());
  }

  /** Which system ran: seed repeats share it. */
  public SystemKey system() {
    return new SystemKey(model, variant, selectionRule);
  }

  private static void require(String value, String field, String runId) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("run " + runId + ": " + field + " is missing or blank");
    }
  }

  /** Baseline or proposed: decides which model is "the best baseline" in leaderboards and claims. */
  public enum Role {
    BASELINE("baseline"),
    PROPOSED("proposed");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * @param mode {@code full} (rank all items) or {@code sampled} (targets plus sampled negatives)
   * @param rule the masking or candidate rule in words; runs with different rules are not compared
   * @param candidatesSha256 SHA-256 of sampled candidates (null in full mode)
   */
  public record Evaluation(String mode, String rule, String candidatesSha256) {
    public Evaluation {
      if (mode == null || mode.isBlank()) {
        throw new IllegalArgumentException("evaluation mode is missing; expected 'full' or 'sampled'");
      }
      rule = rule == null ? "" : rule;
    }
  }

  /**
   * Per-user test values: {@code users[i]} is the user id of entry i of every vector. A NaN entry is a user for
   * whom the metric is undefined.
   */
  public record PerUser(int[] users, Map<String, double[]> values) {
    public static final PerUser EMPTY = new PerUser(new int[0], Map.of());

    public PerUser {
      Objects.requireNonNull(users, "users");
      values = Map.copyOf(values);
      for (var e : values.entrySet()) {
        if (e.getValue().length != users.length) {
          throw new IllegalArgumentException("per-user vector " + e.getKey() + " has " + e.getValue().length
              + " values for " + users.length + " users; expected one value per user");
        }
      }
    }

    public boolean has(String metric) {
      return values.containsKey(metric);
    }
  }

  /**
   * @param metric the validation (selection) metric the curve tracks, e.g. {@code Recall@20}
   * @param curve one point per epoch, in order
   * @param bestEpoch 0-based index of the chosen epoch, -1 for a model fit on construction
   */
  public record Training(String metric, List<EpochPoint> curve, int bestEpoch) {
    public static final Training NONE = new Training("", List.of(), -1);

    public Training {
      metric = metric == null ? "" : metric;
      curve = List.copyOf(curve);
    }
  }

  /** @param epoch 0-based */
  public record EpochPoint(int epoch, double loss, double validMetric) {}

  /**
   * Efficiency figures; NaN or -1 where unknown.
   *
   * @param epochSecondsMedian wall-clock training seconds per epoch, median over epochs after the first
   * @param parameters trainable parameters
   * @param peakHeapBytes peak JVM heap during the run
   * @param peakRssBytes peak resident set size of the process
   * @param testEvalSeconds one test evaluation pass
   * @param usersPerSecond test users evaluated per second
   */
  public record Efficiency(int epochs, double epochSecondsMedian, double epochSecondsMin, double epochSecondsMax,
      long parameters, long peakHeapBytes, long peakRssBytes, double testEvalSeconds, double usersPerSecond) {
    public static final Efficiency UNKNOWN =
        new Efficiency(0, Double.NaN, Double.NaN, Double.NaN, -1, -1, -1, Double.NaN, Double.NaN);
  }

  /** Counts of the dataset after preprocessing; -1 where unknown. */
  public record DatasetStats(long users, long items, long interactions) {
    public static final DatasetStats UNKNOWN = new DatasetStats(-1, -1, -1);

    /** 1 − interactions / (users · items), in percent; NaN where unknown. */
    public double sparsityPercent() {
      return users <= 0 || items <= 0 || interactions < 0 ? Double.NaN
          : 100.0 * (1.0 - (double) interactions / ((double) users * (double) items));
    }
  }

  /**
   * @param datasetContentSha256 the dataset's locked content hash
   * @param datasetFiles the locked files read, with their SHA-256
   * @param splitFingerprint the split's fingerprint
   * @param gitCommit code version
   * @param gitDirty whether the checkout had uncommitted changes (null if unknown)
   * @param machine the machine in words (CPU, threads, OS, JVM)
   */
  public record Provenance(String datasetContentSha256, List<FileHash> datasetFiles, String splitFingerprint,
      String gitCommit, Boolean gitDirty, String machine) {
    public static final Provenance UNKNOWN = new Provenance("", List.of(), "", "unknown", null, "unknown");

    public Provenance {
      datasetContentSha256 = datasetContentSha256 == null ? "" : datasetContentSha256;
      datasetFiles = List.copyOf(datasetFiles);
      splitFingerprint = splitFingerprint == null ? "" : splitFingerprint;
      gitCommit = gitCommit == null ? "unknown" : gitCommit;
      machine = machine == null ? "unknown" : machine;
    }
  }

  public record FileHash(String path, String sha256) {}
}
