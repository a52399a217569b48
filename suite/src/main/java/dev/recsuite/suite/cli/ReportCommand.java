package dev.recsuite.suite.cli;

import dev.recsuite.reports.ReportBuilder;
import dev.recsuite.reports.ReportSettings;
import dev.recsuite.reports.ReportView;
import dev.recsuite.reports.ReportWriter;
import dev.recsuite.reports.compare.TestKind;
import dev.recsuite.stats.correction.Correction;
import dev.recsuite.suite.report.RunSummaries;
import dev.recsuite.suite.store.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code recsuite report}: one self-contained HTML page from every run in the results store (leaderboards,
 * plots, each paper's tables beside the reproduced values, claims, efficiency, provenance), with every table
 * as CSV and LaTeX in {@code <name>-tables/} beside it.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write an HTML report of the runs in the results store, with CSV and LaTeX tables beside it.")
public final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--store", paramLabel = "DIR", description = "Results store (default: HOME/results).")
  Path store;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "report.html",
      description = "The HTML file to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--title", defaultValue = "recsuite report", description = "Page title (default: ${DEFAULT-VALUE}).")
  String title;

  @Option(names = "--tolerance", defaultValue = "0.05",
      description = "Relative difference to a published value still shown as reproduced (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--alpha", defaultValue = "0.05", description = "Level of the leaderboard marks (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--correction", defaultValue = "holm",
      description = "Correction per leaderboard: holm or bh (default: ${DEFAULT-VALUE}).")
  String correction;

  @Option(names = "--test", defaultValue = "t-test-seeds", description = "Test behind the leaderboard marks: "
      + "t-test-seeds, wilcoxon-seeds, t-test-users or wilcoxon-users (default: ${DEFAULT-VALUE}).")
  String test;

  @Override
  public Integer call() {
    RunStore runs = new RunStore(store != null ? store : RecSuite.repository().home().resolve("results"));
    RunSummaries.Result read = RunSummaries.read(runs);
    ReportSettings d = ReportSettings.defaults();
    ReportSettings settings = new ReportSettings(title, alpha, Correction.parse(correction),
        TestKind.parse(test, "--test"), d.interval(), tolerance, d.leaderboardMetrics(), d.kFamilies(),
        d.sampledVsFullMetrics());
    ReportView view = new ReportBuilder(settings).build(read.runs());
    ReportWriter.write(view, out);
    PrintWriter w = spec.commandLine().getOut();
    if (!read.unknownModels().isEmpty()) {
      w.println("note: models not in this version's registry are shown as baselines: "
          + String.join(", ", read.unknownModels()));
    }
    Path html = out.toAbsolutePath();
    w.printf(Locale.ROOT, "%d runs from %s (%d grid trials left out) -> %s (tables: %s)%n", read.runs().size(),
        runs.root(), read.trials(), html,
        html.resolveSibling(html.getFileName().toString().replaceFirst("\\.html?$", "") + "-tables"));
    return 0;
  }
}
