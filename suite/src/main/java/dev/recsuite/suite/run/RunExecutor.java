package dev.recsuite.suite.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.eval.EvalTask;
import dev.recsuite.protocols.eval.EvalTasks;
import dev.recsuite.protocols.eval.EvaluationResult;
import dev.recsuite.protocols.eval.Evaluator;
import dev.recsuite.protocols.lock.DatasetRepository;
import dev.recsuite.protocols.metrics.MetricSet;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.protocols.train.Trainer;
import dev.recsuite.protocols.train.TrainingResult;
import dev.recsuite.suite.registry.ModelRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs one {@link RunSpec}: load and verify the dataset, split and audit it, build the model from its config,
 * train with early stopping on validation, test the scorer of the best validation epoch, and assemble the
 * {@link RunRecord}. Datasets, splits and evaluation tasks are cached, so every model of a matrix sees
 * exactly the same split and candidates.
 */
public final class RunExecutor {
  /** Bumped when a change makes stored results incomparable; part of every run id. */
  public static final String CODE_VERSION = "recsuite-0.1";

  private final DatasetRepository repo;
  private final boolean progress;
  private final Map<String, Dataset> datasets = new HashMap<>();
  private final Map<String, Split> splits = new HashMap<>();
  private final Map<String, EvalTask> tasks = new HashMap<>();

  public RunExecutor(DatasetRepository repo, boolean progress) {
    this.repo = repo;
    this.progress = progress;
  }

  public Dataset dataset(String name) {
    return datasets.computeIfAbsent(name, repo::load);
  }

  public Split split(RunSpec spec) {
    Dataset d = dataset(spec.dataset());
    String key = spec.dataset() + "|" + spec.protocol().name() + "|" + new TreeMap<>(spec.protocol().params());
    return splits.computeIfAbsent(key, k -> spec.protocol().apply(d));
  }

  private EvalTask task(Split split, EvalTasks.Phase phase, EvalSettings e) {
    String key = split.fingerprint() + "|" + phase + "|" + e.mode() + "|" + e.mask() + "|" + e.negatives() + "|"
        + e.sampling() + "|" + e.candidateSeed();
    return tasks.computeIfAbsent(key, k -> e.mode().equals("full")
        ? EvalTasks.full(split, phase, e.mask())
        : EvalTasks.sampled(split, phase, e.negatives(), e.sampling(), e.candidateSeed()));
  }

  /** The content-derived id of a run: same inputs and code version, same id. */
  public String runId(RunSpec spec) {
    Dataset d = dataset(spec.dataset());
    Split s = split(spec);
    ObjectMapper json = ResultFiles.json();
    try {
      String canonical = String.join("\n", spec.model(),
          json.writeValueAsString(new TreeMap<>(configMap(spec.config()))),
          d.name(), d.contentSha256(), s.protocol(), new TreeMap<>(s.params()).toString(), s.fingerprint(),
          Long.toString(spec.seed()), json.writeValueAsString(spec.eval()), json.writeValueAsString(spec.training()),
          CODE_VERSION);
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8))).substring(0, 20);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> configMap(Record config) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = ResultFiles.json().convertValue(config, LinkedHashMap.class);
    return m;
  }

  public RunRecord execute(RunSpec spec) {
    String started = Instant.now().toString();
    Dataset d = dataset(spec.dataset());
    Split split = split(spec);
    EvalSettings e = spec.eval();
    EvalTask validTask = task(split, EvalTasks.Phase.VALID, e);
    EvalTask testTask = task(split, EvalTasks.Phase.TEST, e);
    var metrics = MetricSet.standard(e.ks());
    Evaluator validEval = new Evaluator(validTask, metrics, e.ties(), spec.seed(), e.batchSize());
    Evaluator testEval = new Evaluator(testTask, metrics, e.ties(), spec.seed(), e.batchSize());
    ModelSpec<?> ms = ModelRegistry.get(spec.model());
    TrainView view = TrainView.of(split);
    Efficiency.resetPeaks();
    Recommender model = create(ms, spec.config(), view, spec.seed());
    TrainingResult tr;
    try (ProgressBar bar = progress && model.iterative() ? bar(spec, d) : null) {
      tr = new Trainer(spec.training()).fit(model, validEval, (rec, best, since) -> {
        if (bar != null) {
          bar.step();
          bar.setExtraMessage(String.format(java.util.Locale.ROOT, " loss %.4f valid %s %.4f best@%d", rec.loss(),
              spec.training().validMetric(), rec.validMetric(), best));
        }
      });
    } catch (IllegalStateException ex) {
      throw new IllegalStateException(ex.getMessage() + " (model " + spec.model() + ", seed " + spec.seed() + ", dataset "
          + spec.dataset() + ", protocol " + split.protocol() + ")", ex);
    }
    EvaluationResult test = testEval.evaluate(tr.bestScorer());
    Efficiency eff = Efficiency.of(tr.epochs(), test.seconds(), test.users().length, model.parameterCount(),
        Efficiency.peakHeap(), Efficiency.peakRss());
    Map<String, Double> validMeans = tr.bestValid() == null ? Map.of() : means(tr.bestValid());
    Map<String, String> perUser = new LinkedHashMap<>();
    for (int m = 0; m < test.metrics().size(); m++) {
      perUser.put(test.metrics().get(m), PerUserCodec.encode(test.perUser()[m]));
    }
    RunRecord.TestInfo testInfo = new RunRecord.TestInfo(means(test), test.users().length, test.skippedColdStart(),
        test.tiedShare(), PerUserCodec.encode(test.users()), perUser);
    return new RunRecord(RunRecord.SCHEMA, runId(spec), ms.name(), configMap(spec.config()), spec.seed(),
        new RunRecord.DatasetInfo(d.name(), d.contentSha256(), d.nUsers(), d.nItems(), d.nInteractions()),
        new RunRecord.ProtocolInfo(split.protocol(), new TreeMap<>(split.params()), split.fingerprint(), split.audit()),
        new RunRecord.EvaluationInfo(e.mode(), testTask.rule(), e.ks(), e.ties().name(), spec.training().validMetric(),
            testTask.candidatesSha256()),
        new RunRecord.TrainingInfo(tr.epochs(), tr.bestEpoch(), tr.stopReason()), validMeans, testInfo, eff,
        Provenance.capture(repo.home(), started, Instant.now().toString()));
  }

  @SuppressWarnings("unchecked")
  private static <C extends Record> Recommender create(ModelSpec<C> ms, Record config, TrainView view, long seed) {
    if (!ms.configType().isInstance(config)) {
      throw new IllegalArgumentException("model " + ms.name() + " needs a " + ms.configType().getSimpleName() + " config, got "
          + config.getClass().getSimpleName());
    }
    return ms.create((C) config, view, seed);
  }

  private static Map<String, Double> means(EvaluationResult r) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int k = 0; k < r.metrics().size(); k++) {
      m.put(r.metrics().get(k), r.means()[k]);
    }
    return m;
  }

  private ProgressBar bar(RunSpec spec, Dataset d) {
    return new ProgressBarBuilder().setTaskName(spec.model() + " " + d.name() + " " + spec.protocol().name() + " s" + spec.seed())
        .setInitialMax(spec.training().epochs()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
        .setMaxRenderedLength(120).hideEta().build();
  }

  /** The metric names every run reports, in order (for leaderboards). */
  public static List<String> metricNames(int[] ks) {
    return MetricSet.standard(ks).stream().map(m -> m.name()).toList();
  }
}
