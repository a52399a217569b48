package dev.recsuite.suite.cli;

import dev.recsuite.protocols.train.EpochRecord;
import dev.recsuite.suite.run.RunRecord;
import dev.recsuite.suite.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code recsuite runs list | show ID | rm ID...}: inspect and prune the results store. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Runs in the results store.",
    subcommands = {RunsCommand.ListCmd.class, RunsCommand.Show.class, RunsCommand.Remove.class})
public final class RunsCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The {@code --store} option every subcommand shares. */
  static final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", description = "Results store (default: HOME/results).")
    Path store;

    RunStore open() {
      return new RunStore(store != null ? store : RecSuite.repository().home().resolve("results"));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per run, oldest first.")
  static final class ListCmd implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOption store = new StoreOption();

    @Option(names = "--model", description = "Only this model.")
    String model;

    @Option(names = "--dataset", description = "Only this dataset.")
    String dataset;

    @Option(names = "--protocol", description = "Only this protocol.")
    String protocol;

    @Option(names = "--final", description = "Only reported runs (no grid trials).")
    boolean finalOnly;

    @Override
    public Integer call() {
      RunStore s = store.open();
      PrintWriter out = spec.commandLine().getOut();
      List<RunRecord> runs = new ArrayList<>(s.list().stream()
          .filter(r -> model == null || r.model().equalsIgnoreCase(model))
          .filter(r -> dataset == null || r.dataset().name().equals(dataset))
          .filter(r -> protocol == null || r.protocol().name().equals(protocol))
          .filter(r -> !finalOnly || r.isFinal()).toList());
      runs.sort((a, b) -> a.provenance().finished().compareTo(b.provenance().finished()));
      out.printf(Locale.ROOT, "%-20s  %-10s %-14s %-16s %6s  %-20s %5s %16s  %-19s  %s%n", "id", "model", "dataset", "protocol",
          "seed", "role", "best", "test", "finished", "configuration");
      for (RunRecord r : runs) {
        String metric = r.selection().metric();
        String role = r.isFinal() ? "final/" + r.selectionRule() : "trial";
        out.printf(Locale.ROOT, "%-20s  %-10s %-14s %-16s %6d  %-20s %5s %16s  %-19s  %s%n", r.id(), r.model(), r.dataset().name(),
            r.protocol().name(), r.seed(), role, bestEpoch(r),
            String.format(Locale.ROOT, "%s %.4f", metric, r.test().metrics().getOrDefault(metric, Double.NaN)),
            r.provenance().finished().substring(0, Math.min(19, r.provenance().finished().length())),
            r.selection().point() == null ? "" : r.selection().point());
      }
      int temps = s.leftoverTemporaryFiles().size();
      out.printf(Locale.ROOT, "%d run(s) in %s%s%n", runs.size(), s.root(), temps == 0 ? ""
          : "; " + temps + " temporary file(s) of killed writers ignored (safe to delete)");
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Everything one run recorded.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOption store = new StoreOption();

    @Parameters(index = "0", paramLabel = "ID", description = "Run id, or a unique prefix of one.")
    String id;

    @Option(names = "--json", description = "Print the run's JSON file as stored.")
    boolean json;

    @Override
    public Integer call() {
      RunStore s = store.open();
      String full = s.resolve(id);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        try {
          out.println(Files.readString(s.file(full), StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return 0;
      }
      RunDetails.print(s.read(full), s.file(full), out);
      return 0;
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete runs from the store (they run again next time).")
  static final class Remove implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOption store = new StoreOption();

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Run ids, or unique prefixes.")
    List<String> ids;

    @Override
    public Integer call() {
      RunStore s = store.open();
      List<String> full = ids.stream().map(s::resolve).toList(); // resolve all before deleting any
      for (String id : full) {
        RunRecord r = s.read(id);
        s.remove(id);
        spec.commandLine().getOut().printf(Locale.ROOT, "removed %s (%s %s %s seed %d, %s)%n", id, r.model(), r.dataset().name(),
            r.protocol().name(), r.seed(), r.isFinal() ? "final" : "trial");
      }
      return 0;
    }
  }

  /** 1-based, "-" for a model fit on construction. */
  static String bestEpoch(RunRecord r) {
    return r.training().bestEpoch() < 0 ? "-" : Integer.toString(r.training().bestEpoch() + 1);
  }

  /** The human-readable view of one run. */
  static final class RunDetails {
    private RunDetails() {}

    static void print(RunRecord r, Path file, PrintWriter out) {
      out.printf(Locale.ROOT, "run %s: %s on %s under %s, seed %d%n", r.id(), r.model(), r.dataset().name(), r.protocol().name(),
          r.seed());
      RunRecord.SelectionInfo sel = r.selection();
      if (!r.isFinal()) {
        out.printf(Locale.ROOT, "  grid trial %s (first seed)%n", sel.point());
      } else if (sel.trials() == null) {
        out.println("  reported run, fixed configuration");
      } else {
        out.printf(Locale.ROOT, "  reported run, configuration %s chosen by %s %s among %d:%n", sel.point(),
            sel.rule().equals("validation") ? "validation" : "TEST (test-as-mmrec)", sel.metric(), sel.trials().size());
        for (RunRecord.Trial t : sel.trials()) {
          out.printf(Locale.ROOT, "    %s %s  valid %s  test %s%n", t.runId().equals(sel.chosenTrial()) ? "*" : " ", t.point(),
              fmt(t.valid()), fmt(t.test()));
        }
      }
      if (r.experiment() != null) {
        out.printf(Locale.ROOT, "  experiment %s (%s)%s%n", r.experiment().name(), r.experiment().source(),
            r.experiment().overrides().isEmpty() ? "" : " with --set " + String.join(" --set ", r.experiment().overrides()));
      }
      out.println("  effective config (value, origin):");
      section(out, "model", r.config().model(), r.config().origins());
      section(out, "protocol", r.config().protocol(), r.config().origins());
      section(out, "training", r.config().training(), r.config().origins());
      section(out, "evaluation", r.config().evaluation(), r.config().origins());
      out.printf(Locale.ROOT, "  dataset %s: %d users, %d items, %d interactions, content %s%n", r.dataset().name(),
          r.dataset().users(), r.dataset().items(), r.dataset().interactions(), r.dataset().contentSha256());
      out.printf(Locale.ROOT, "  split %s %s, fingerprint %s%n", r.protocol().name(), r.protocol().params(), r.protocol().fingerprint());
      out.println("  evaluation: " + r.evaluation().rule());
      out.printf(Locale.ROOT, "  training: %s; best epoch %s%n", r.training().stopReason(), bestEpoch(r));
      for (EpochRecord e : r.training().epochs()) {
        out.printf(Locale.ROOT, "    epoch %4d  loss %.6f  valid %s %.4f  %.3f s + eval %.3f s%s%n", e.epoch() + 1, e.loss(),
            r.selection().metric(), e.validMetric(), e.trainSeconds(), e.evalSeconds(), e.epoch() == r.training().bestEpoch() ? "  *" : "");
      }
      metrics(out, "valid (best epoch)", r.valid());
      metrics(out, "test", r.test().metrics());
      out.printf(Locale.ROOT, "  test users %d (cold-start skipped %d), tied share %.4f%n", r.test().users(), r.test().skippedColdStart(),
          r.test().tiedShare());
      var e = r.efficiency();
      out.printf(Locale.ROOT, "  efficiency: s/epoch median %.4f (min %.4f, max %.4f, epochs after the first), train %.2f s, "
          + "valid pass %.3f s, test %.3f s (%.0f users/s), %d parameters, peak heap %.1f MiB, peak RSS %.1f MiB (%s), wall %.2f s%n",
          e.epochSecondsMedian(), e.epochSecondsMin(), e.epochSecondsMax(), e.trainSeconds(), e.validEvalSecondsMedian(),
          e.testEvalSeconds(), e.usersPerSecond(), e.parameters(), e.peakHeapBytes() / 1048576.0, e.peakRssBytes() / 1048576.0,
          e.rssPeakScope(), e.wallSeconds());
      var p = r.provenance();
      out.printf(Locale.ROOT, "  provenance: %s, git %s%s, %s, %s %s, %s x%d, max heap %.0f MiB, %s .. %s%n", p.codeVersion(),
          p.gitCommit(), Boolean.TRUE.equals(p.gitDirty()) ? " (dirty)" : "", p.jvm(), p.os(), p.arch(), p.cpu(), p.threads(),
          p.maxHeapBytes() / 1048576.0, p.started(), p.finished());
      out.println("  file " + file);
    }

    private static void section(PrintWriter out, String name, Map<String, Object> values, Map<String, String> origins) {
      values.forEach((k, v) -> out.printf(Locale.ROOT, "    %-34s %-22s %s%n", name + "." + k, v,
          origins.getOrDefault(name + "." + k, "")));
    }

    private static void metrics(PrintWriter out, String name, Map<String, Double> m) {
      if (m == null || m.isEmpty()) {
        return;
      }
      StringBuilder sb = new StringBuilder("  " + name + ":");
      m.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
      out.println(sb);
    }

    private static String fmt(Double v) {
      return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
  }
}
