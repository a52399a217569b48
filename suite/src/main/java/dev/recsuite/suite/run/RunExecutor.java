package dev.recsuite.suite.run;

import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.api.UnavailableException;
import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.eval.EvalTask;
import dev.recsuite.protocols.eval.EvalTasks;
import dev.recsuite.protocols.eval.EvaluationResult;
import dev.recsuite.protocols.eval.Evaluator;
import dev.recsuite.protocols.lock.DatasetRepository;
import dev.recsuite.protocols.metrics.MetricSet;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.protocols.split.SplitProtocol;
import dev.recsuite.protocols.train.CheckpointProgress;
import dev.recsuite.protocols.train.Trainer;
import dev.recsuite.protocols.train.TrainingResult;
import dev.recsuite.suite.experiment.EvalSettings;
import dev.recsuite.suite.experiment.RecordBinder;
import dev.recsuite.suite.registry.ModelRegistry;
import dev.recsuite.suite.store.CheckpointStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs one {@link RunSpec}: load and verify the dataset, split and audit it, build the model from its config,
 * train with early stopping on validation, test the scorer of the best validation epoch, and assemble the
 * {@link RunRecord}; specs that differ only in their evaluation share one training. Datasets, splits and
 * evaluation tasks are cached, so every model of a matrix sees exactly the same split and candidates.
 */
public final class RunExecutor {
  /** Bumped when a change makes stored results incomparable; part of every run id. */
  public static final String CODE_VERSION = "recsuite-0.3";

  private final DatasetRepository repo;
  private final boolean progress;
  private final CheckpointStore checkpoints; // null: no checkpoints
  private final Map<String, Dataset> datasets = new HashMap<>();
  private final Map<String, Split> splits = new HashMap<>();
  private final Map<String, EvalTask> tasks = new HashMap<>();

  public RunExecutor(DatasetRepository repo, boolean progress) {
    this(repo, progress, null);
  }

  /** @param checkpoints where trainings of {@code Resumable} models save their state and continue from it; null for none */
  public RunExecutor(DatasetRepository repo, boolean progress, CheckpointStore checkpoints) {
    this.repo = repo;
    this.progress = progress;
    this.checkpoints = checkpoints;
  }

  /** How far the training of these specs has got in its checkpoint; empty without one. */
  public Optional<CheckpointProgress> checkpointProgress(List<RunSpec> specs) {
    byte[] saved = checkpoints == null ? null : checkpoints.sink(specs.stream().map(this::runId).toList()).load();
    return saved == null ? Optional.empty() : CheckpointProgress.of(saved);
  }

  /** Drops the checkpoint of the training of these specs: their records are stored, or they must start afresh. */
  public void discardCheckpoint(List<RunSpec> specs) {
    if (checkpoints != null) {
      checkpoints.delete(specs.stream().map(this::runId).toList());
    }
  }

  public Dataset dataset(String name) {
    return datasets.computeIfAbsent(name, repo::load);
  }

  /**
   * Fails with {@link UnavailableException} when the dataset cannot feed the model at all: a multimodal model
   * on a dataset without item features. Checked before training, so plans and dry runs show such cells as not
   * run; a model that needs one modality the dataset lacks still finds out when it is built.
   */
  public void requireInputs(String model, String dataset) {
    ModelSpec<?> m = ModelRegistry.get(model);
    if (m.family().equals("multimodal") && dataset(dataset).itemFeatures().isEmpty()) {
      throw new UnavailableException("model '" + m.name() + "' is multimodal, but dataset '" + dataset
          + "' has no item features (see recsuite features)");
    }
  }

  public Split split(String dataset, SplitProtocol protocol) {
    Dataset d = dataset(dataset);
    String key = dataset + "|" + protocol.name() + "|" + new TreeMap<>(protocol.params());
    return splits.computeIfAbsent(key, k -> protocol.apply(d));
  }

  private EvalTask task(Split split, EvalTasks.Phase phase, EvalSettings e) {
    String key = split.fingerprint() + "|" + phase + "|" + e.mode() + "|" + e.mask() + "|" + e.negatives() + "|"
        + e.sampling() + "|" + e.candidateSeed();
    return tasks.computeIfAbsent(key, k -> e.mode().equals("full")
        ? EvalTasks.full(split, phase, e.mask())
        : EvalTasks.sampled(split, phase, e.negatives(), e.sampling(), e.candidateSeed()));
  }

  /** The evaluator of one phase under a spec's evaluation settings (its task is cached and shared). */
  private Evaluator evaluator(Split split, EvalTasks.Phase phase, RunSpec spec) {
    EvalSettings e = spec.eval();
    return new Evaluator(task(split, phase, e), MetricSet.standard(e.ks()), e.ties(), spec.seed(), e.batchSize());
  }

  /** What decides the run's numbers (loads and splits the dataset if needed). */
  public RunKey key(RunSpec spec) {
    Dataset d = dataset(spec.dataset());
    Split s = split(spec.dataset(), spec.protocol());
    return new RunKey(CODE_VERSION, spec.model(), RecordBinder.values(spec.config()), d.name(), d.contentSha256(),
        s.protocol(), protocolValues(spec.protocol()), s.fingerprint(), spec.seed(), RecordBinder.values(spec.eval()),
        RecordBinder.values(spec.training()), spec.purpose().key());
  }

  /** The content-derived id of a run: same inputs and code version, same id. */
  public String runId(RunSpec spec) {
    return key(spec).id();
  }

  private static Map<String, Object> protocolValues(SplitProtocol p) {
    return p instanceof Record r ? RecordBinder.values(r) : new TreeMap<>(p.params());
  }

  /** Runs and records one spec; {@code taskName} labels its progress bar. */
  public RunRecord execute(RunSpec spec, RunRecord.ExperimentRef experiment, String taskName) {
    return executeJointly(List.of(spec), experiment, taskName).get(0);
  }

  /**
   * Runs specs that differ only in their evaluation with one training ({@link Trainer#fitJointly}): each
   * evaluation selects its own best epoch on its own validation, and each record equals the one its spec would
   * get alone, except timings (the wall time and peak memory are the shared process's) and
   * {@code training.shared_with}.
   */
  public List<RunRecord> executeJointly(List<RunSpec> specs, RunRecord.ExperimentRef experiment, String taskName) {
    RunSpec first = specs.get(0);
    for (RunSpec s : specs) {
      if (!s.dataset().equals(first.dataset()) || !s.protocol().equals(first.protocol()) || !s.model().equals(first.model())
          || !s.config().equals(first.config()) || s.seed() != first.seed() || !s.training().equals(first.training())
          || !s.purpose().equals(first.purpose())) {
        throw new IllegalArgumentException("runs trained together must differ only in their evaluation: " + first.model()
            + " seed " + first.seed() + " vs " + s.model() + " seed " + s.seed());
      }
    }
    long t0 = System.nanoTime();
    String started = Instant.now().toString();
    Dataset d = dataset(first.dataset());
    Split split = split(first.dataset(), first.protocol());
    List<String> ids = specs.stream().map(this::runId).toList();
    List<Evaluator> validEvals = specs.stream().map(s -> evaluator(split, EvalTasks.Phase.VALID, s)).toList();
    ModelSpec<?> ms = ModelRegistry.get(first.model());
    TrainView view = TrainView.of(split);
    boolean rssReset = Efficiency.Peaks.start();
    Recommender model = create(ms, first.config(), view, first.seed());
    List<TrainingResult> trained;
    try (ProgressBar bar = progress && model.iterative() ? bar(taskName, first.training().epochs()) : null) {
      trained = new Trainer(first.training()).fitJointly(model, validEvals, (rec, best, since) -> {
        if (bar != null) {
          bar.stepTo(rec.epoch() + 1L);
          bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f valid %s %.4f best@%d", rec.loss(),
              first.training().validMetric(), rec.validMetric(), best + 1));
        }
      }, checkpoints == null ? null : checkpoints.sink(ids));
    } catch (IllegalStateException ex) {
      throw new IllegalStateException(ex.getMessage() + " (model " + first.model() + ", seed " + first.seed() + ", dataset "
          + first.dataset() + ", protocol " + split.protocol() + ")", ex);
    }
    List<RunRecord> out = new ArrayList<>();
    for (int k = 0; k < specs.size(); k++) {
      RunSpec spec = specs.get(k);
      Evaluator testEval = evaluator(split, EvalTasks.Phase.TEST, spec);
      TrainingResult tr = trained.get(k);
      EvaluationResult test = testEval.evaluate(tr.bestScorer());
      Efficiency.Peaks peaks = Efficiency.Peaks.read(rssReset);
      Efficiency eff = Efficiency.of(tr.epochs(), test.seconds(), test.users().length, model.parameterCount(), peaks,
          (System.nanoTime() - t0) / 1e9);
      List<String> others = new ArrayList<>(ids);
      others.remove(k);
      out.add(record(spec, ids.get(k), ms, d, split, testEval.task(), tr, test, eff, others, experiment, started));
    }
    return out;
  }

  private RunRecord record(RunSpec spec, String id, ModelSpec<?> ms, Dataset d, Split split, EvalTask testTask,
      TrainingResult tr, EvaluationResult test, Efficiency eff, List<String> sharedWith, RunRecord.ExperimentRef experiment,
      String started) {
    EvalSettings e = spec.eval();
    Map<String, Double> validMeans = tr.bestValid() == null ? Map.of() : means(tr.bestValid());
    Map<String, String> perUser = new LinkedHashMap<>();
    for (int m = 0; m < test.metrics().size(); m++) {
      perUser.put(test.metrics().get(m), PerUserCodec.encode(test.perUser()[m]));
    }
    RunRecord.TestInfo testInfo = new RunRecord.TestInfo(means(test), test.users().length, test.skippedColdStart(),
        test.tiedShare(), PerUserCodec.encode(test.users()), perUser);
    RunRecord.EffectiveConfig config = new RunRecord.EffectiveConfig(RecordBinder.values(spec.config()),
        protocolValues(spec.protocol()), RecordBinder.values(spec.training()), RecordBinder.values(e),
        new TreeMap<>(spec.origins()));
    Purpose p = spec.purpose();
    RunRecord.SelectionInfo selection = new RunRecord.SelectionInfo(p.role(), p.rule(), spec.training().validMetric(),
        p.point(), null, null);
    List<RunRecord.FileHash> files = repo.lock().entry(d.name()).files().stream()
        .map(f -> new RunRecord.FileHash(f.path(), f.sha256())).toList();
    return new RunRecord(RunRecord.SCHEMA, id, ms.name(), spec.seed(), config, selection, experiment,
        new RunRecord.DatasetInfo(d.name(), d.contentSha256(), d.nUsers(), d.nItems(), d.nInteractions(), files),
        new RunRecord.ProtocolInfo(split.protocol(), new TreeMap<>(split.params()), split.fingerprint(), split.audit()),
        new RunRecord.EvaluationInfo(e.mode(), testTask.rule(), testTask.candidatesSha256()),
        new RunRecord.TrainingInfo(tr.epochs(), tr.bestEpoch(), tr.stopReason(), List.copyOf(sharedWith),
            tr.resumes().isEmpty() ? null : tr.resumes()), validMeans,
        testInfo, eff, Provenance.capture(repo.home(), started, Instant.now().toString()));
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

  private static ProgressBar bar(String taskName, int epochs) {
    return new ProgressBarBuilder().setTaskName(taskName).setInitialMax(epochs).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250).setMaxRenderedLength(120).hideEta().build();
  }
}
