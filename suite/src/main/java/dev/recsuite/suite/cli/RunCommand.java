package dev.recsuite.suite.cli;

import dev.recsuite.protocols.lock.DatasetRepository;
import dev.recsuite.protocols.train.Trainer;
import dev.recsuite.suite.registry.ModelRegistry;
import dev.recsuite.suite.registry.ProtocolRegistry;
import dev.recsuite.suite.run.EvalSettings;
import dev.recsuite.suite.run.Leaderboard;
import dev.recsuite.suite.run.ResultFiles;
import dev.recsuite.suite.run.RunExecutor;
import dev.recsuite.suite.run.RunRecord;
import dev.recsuite.suite.run.RunSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code recsuite run}: with no arguments, MostPop and BPR on the embedded synthetic dataset under
 * leave-one-out and temporal-ratio, a leaderboard on the terminal, one JSON file per run.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Train and evaluate models. Without options: MostPop and BPR on the synthetic default data under "
        + "leave-one-out and temporal-ratio.")
public final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset", defaultValue = "synthetic-mm", description = "Dataset name in datasets.lock (default: ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--protocol", split = ",", description = "Split protocols (default: leave-one-out,temporal-ratio).")
  List<String> protocols = new ArrayList<>(List.of("leave-one-out", "temporal-ratio"));

  @Option(names = "--model", split = ",", description = "Models (default: MostPop,BPR).")
  List<String> models = new ArrayList<>(List.of("MostPop", "BPR"));

  @Option(names = "--seed", split = ",", description = "Seeds (default: 999, MMRec's).")
  List<Long> seeds = new ArrayList<>(List.of(999L));

  @Option(names = "--epochs", defaultValue = "1000", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--out", description = "Results folder (default: HOME/results/default).")
  Path out;

  @Option(names = "--force", description = "Run again even if a result with the same id exists.")
  boolean force;

  @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Show a progress bar per run (default: on; --no-progress turns it off).")
  boolean progress;

  @Override
  public Integer call() {
    DatasetRepository repo = RecSuite.repository();
    Path dir = out != null ? out : repo.home().resolve("results").resolve("default");
    RunExecutor exec = new RunExecutor(repo, progress);
    PrintWriter w = spec.commandLine().getOut();
    Trainer.Config training = new Trainer.Config(epochs, 20, "Recall@20", 4, true);
    List<RunRecord> done = new ArrayList<>();
    for (String p : protocols) {
      for (String m : models) {
        var ms = ModelRegistry.get(m);
        for (long seed : seeds) {
          RunSpec rs = new RunSpec(dataset, ProtocolRegistry.get(p), ms.name(), ms.defaults(), seed, EvalSettings.defaults(), training);
          Path file = dir.resolve(exec.runId(rs) + ".json");
          RunRecord r;
          if (!force && Files.isRegularFile(file)) {
            r = ResultFiles.read(file);
            w.printf(Locale.ROOT, "%s %s %s seed %d: already in %s (use --force to run again)%n", ms.name(), dataset, p, seed, file);
          } else {
            r = exec.execute(rs);
            ResultFiles.write(file, r);
            w.printf(Locale.ROOT, "%s %s %s seed %d: best epoch %d, test %s -> %s%n", ms.name(), dataset, p, seed,
                r.training().bestEpoch() + 1, String.format(Locale.ROOT, "Recall@20 %.4f NDCG@20 %.4f",
                    r.test().metrics().get("Recall@20"), r.test().metrics().get("NDCG@20")), file);
          }
          w.flush();
          done.add(r);
        }
      }
    }
    w.println(Leaderboard.render(done, List.of("Recall@20", "NDCG@20", "HR@10", "MRR")));
    w.println("Evaluation: " + (done.isEmpty() ? "" : done.get(0).evaluation().rule()) + "; ties pessimistic; "
        + "test metrics at the best validation epoch (Recall@20). Dataset '" + dataset + "'"
        + (repo.isGenerated(dataset) ? " is SYNTHETIC." : "."));
    return 0;
  }
}
