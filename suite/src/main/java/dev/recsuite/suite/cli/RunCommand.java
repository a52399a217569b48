package dev.recsuite.suite.cli;

import dev.recsuite.protocols.lock.DatasetRepository;
import dev.recsuite.suite.experiment.DatasetLayer;
import dev.recsuite.suite.experiment.Experiment;
import dev.recsuite.suite.experiment.ExperimentLoader;
import dev.recsuite.suite.matrix.MatrixPlan;
import dev.recsuite.suite.matrix.MatrixRunner;
import dev.recsuite.suite.matrix.Shard;
import dev.recsuite.suite.run.Leaderboard;
import dev.recsuite.suite.run.Provenance;
import dev.recsuite.suite.run.RunExecutor;
import dev.recsuite.suite.run.RunRecord;
import dev.recsuite.suite.store.CheckpointStore;
import dev.recsuite.suite.store.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code recsuite run [EXPERIMENT]}: runs an experiment's matrix into the results store, skipping runs already
 * there, and prints a leaderboard. Without a file, the built-in default experiment: MostPop and BPR on the
 * embedded synthetic dataset under leave-one-out and temporal-ratio, seed 999.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run an experiment's matrix (datasets x protocols x models x seeds) into the results store and print "
        + "a leaderboard. Runs already in the store are skipped, so an interrupted run resumes where it stopped.",
        "Without EXPERIMENT: MostPop and BPR on the synthetic default data under leave-one-out and temporal-ratio."})
public final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "EXPERIMENT", description = "Experiment file (YAML), e.g. experiments/smoke.yaml.")
  Path experiment;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a key of the experiment (top layer), value in YAML: --set training.epochs=5, "
          + "--set models.BPR.reg_weight=[0.01,0.001], --set seeds=3. Repeatable.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (1-based) of the matrix.")
  String shard;

  @Option(names = "--store", paramLabel = "DIR", description = "Results store (default: HOME/results).")
  Path store;

  @Option(names = "--force", description = "Run again even runs already in the store (and ignore their checkpoints).")
  boolean force;

  @Option(names = "--checkpoint-minutes", paramLabel = "M", defaultValue = "10",
      description = "Save the state of an unfinished training at most every M minutes in STORE/checkpoints, and "
          + "continue from it when the run is started again (models that support it; 0: after every epoch). Default: 10.")
  double checkpointMinutes;

  @Option(names = "--dry-run", description = "Print the matrix and which runs are in the store; run nothing.")
  boolean dryRun;

  @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Show a progress bar per run (default: on; --no-progress turns it off).")
  boolean progress;

  @Option(names = "--dataset", split = ",", paramLabel = "NAME", description = "Shortcut for --set datasets=[NAME,...].")
  List<String> datasets;

  @Option(names = "--protocol", split = ",", paramLabel = "NAME", description = "Shortcut for --set protocols=[NAME,...].")
  List<String> protocols;

  @Option(names = "--model", split = ",", paramLabel = "NAME",
      description = "Shortcut for --set models=[NAME,...] (each with its defaults).")
  List<String> models;

  @Option(names = "--seed", split = ",", paramLabel = "SEED", description = "Shortcut for --set seeds=[SEED,...].")
  List<Long> seeds;

  @Option(names = "--epochs", paramLabel = "N", description = "Shortcut for --set training.epochs=N.")
  Integer epochs;

  @Override
  public Integer call() {
    DatasetRepository repo = RecSuite.repository();
    PrintWriter out = spec.commandLine().getOut();
    ExperimentLoader loader = new ExperimentLoader(repo.lock().datasets().keySet());
    List<String> overrides = overrides();
    Experiment exp = experiment == null ? loader.builtIn(overrides) : loader.load(experiment, experiment.toString(), overrides);
    MatrixPlan plan = MatrixPlan.of(exp, d -> DatasetLayer.read(repo.home(), d));
    Shard sh = shard == null ? Shard.ALL : Shard.parse(shard);
    List<MatrixPlan.Unit> units = sh.select(plan.units());
    RunStore runs = new RunStore(store != null ? store : repo.home().resolve("results"));
    out.println(header(exp, plan, sh, units, runs));
    out.flush();
    RunRecord.ExperimentRef ref = new RunRecord.ExperimentRef(exp.name(), exp.source(), exp.sha256(), exp.overrides());
    // Reading the commit here, before any training, also fixes it for every record of this JVM: a commit made
    // while the runs train is not the code they ran (read lazily at the first record, it would be named instead).
    RunExecutor exec = new RunExecutor(repo, progress,
        new CheckpointStore(runs.root(), checkpointMinutes, Provenance.gitCommit(repo.home())));
    MatrixRunner runner = new MatrixRunner(exec, runs, ref, force, exp.skipUnavailable(), out);
    if (dryRun) {
      new DryRun(exec, runs, out).print(runner.preflight(units));
      return 0;
    }
    MatrixRunner.Outcome o = runner.run(units);
    if (!o.finals().isEmpty()) {
      out.println(Leaderboard.render(o.finals(), leaderboardMetrics(o.finals())));
      RunRecord first = o.finals().get(0);
      out.println("Evaluation: " + first.evaluation().rule() + "; ties " + first.config().evaluation().get("ties")
          + "; test metrics at the best validation epoch (" + first.selection().metric() + "). Store: " + runs.root()
          + synthetic(exp.datasets().stream().filter(repo::isGenerated).toList()));
    }
    out.printf(Locale.ROOT, "%d runs computed, %d from the store%s%s.%n", o.computed(), o.reused(),
        o.notRun().isEmpty() ? "" : ", " + o.notRun().size() + " cell(s) not run (unavailable: skip)",
        o.failures().isEmpty() ? "" : ", " + o.failures().size() + " failed");
    out.flush();
    if (!o.failures().isEmpty()) {
      throw new IllegalStateException(o.failures().size() + " run(s) failed:\n  " + String.join("\n  ", o.failures()));
    }
    return 0;
  }

  private List<String> overrides() {
    List<String> out = new ArrayList<>();
    if (datasets != null) {
      out.add("datasets=[" + String.join(", ", datasets) + "]");
    }
    if (protocols != null) {
      out.add("protocols=[" + String.join(", ", protocols) + "]");
    }
    if (models != null) {
      out.add("models=[" + String.join(", ", models) + "]");
    }
    if (seeds != null) {
      out.add("seeds=" + seeds);
    }
    if (epochs != null) {
      out.add("training.epochs=" + epochs);
    }
    out.addAll(sets);
    return out;
  }

  private static String header(Experiment exp, MatrixPlan plan, Shard sh, List<MatrixPlan.Unit> units, RunStore runs) {
    int configs = plan.groups().stream().filter(g -> g.dataset().equals(exp.datasets().get(0))
        && g.protocolName().equals(plan.groups().get(0).protocolName())).mapToInt(g -> g.points().size()).sum();
    int mine = units.stream().mapToInt(MatrixPlan.Unit::runs).sum();
    return String.format(Locale.ROOT, "experiment %s (%s%s): %d dataset(s) x %d protocol(s) x %d model(s) (%d configurations) x "
        + "%d seed(s), selection %s: %d runs%s; store %s", exp.name(), exp.source(),
        exp.overrides().isEmpty() ? "" : ", " + String.join(" ", exp.overrides().stream().map(s -> "--set " + s).toList()),
        exp.datasets().size(), exp.protocols().entries().size(), exp.models().entries().size(),
        configs, exp.seeds().size(),
        exp.selection().key(), plan.runs(), sh.count() == 1 ? "" : "; shard " + sh + ": " + units.size() + " units, " + mine + " runs",
        runs.root());
  }

  private static String synthetic(List<String> generated) {
    return generated.isEmpty() ? "." : ". SYNTHETIC data: " + String.join(", ", generated) + " (generated, not real).";
  }

  /** The selection metric first, then the usual columns the runs computed. */
  static List<String> leaderboardMetrics(List<RunRecord> runs) {
    Set<String> out = new LinkedHashSet<>();
    out.add(runs.get(0).selection().metric());
    for (String m : List.of("Recall@20", "NDCG@20", "HR@10", "MRR")) {
      if (runs.get(0).test().metrics().containsKey(m)) {
        out.add(m);
      }
    }
    return List.copyOf(out);
  }
}
