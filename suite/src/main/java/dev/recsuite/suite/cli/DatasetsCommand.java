package dev.recsuite.suite.cli;

import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.lock.DatasetRepository;
import dev.recsuite.protocols.lock.FeaturesNotComputedException;
import dev.recsuite.protocols.lock.LockEntry;
import dev.recsuite.protocols.lock.LockMismatchException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code recsuite datasets list | verify [NAME...] | stats NAME | import NAME --from DIR}. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "Datasets pinned in datasets.lock.",
    subcommands = {DatasetsCommand.ListCmd.class, DatasetsCommand.Verify.class, DatasetsCommand.Stats.class,
        DatasetsCommand.Import.class})
public final class DatasetsCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List locked datasets and where they are.")
  static final class ListCmd implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      DatasetRepository repo = RecSuite.repository();
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "%-22s %-16s %8s %8s %10s  %s%n", "name", "format", "users", "items", "inter.", "location");
      repo.lock().datasets().forEach((name, e) -> {
        String where = repo.isGenerated(name) ? "generated (synthetic, embedded)"
            : repo.locate(name).map(Path::toString).orElse("not present; recsuite datasets import " + name + " --from DIR");
        out.printf(Locale.ROOT, "%-22s %-16s %8d %8d %10d  %s%n", name, e.format(), e.expected().users(), e.expected().items(),
            e.expected().interactions(), where);
      });
      return 0;
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check files (size, SHA-256), statistics, content hash and computed features against datasets.lock. "
          + "Without names, every dataset that is present; a dataset whose features are not computed yet is reported "
          + "INCOMPLETE (an error only when named).")
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Datasets to verify (default: all present).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
      DatasetRepository repo = RecSuite.repository();
      PrintWriter out = spec.commandLine().getOut();
      List<String> todo = names.isEmpty() ? new ArrayList<>(repo.lock().datasets().keySet()) : names;
      int failed = 0;
      for (String name : todo) {
        if (names.isEmpty() && !repo.isAvailable(name)) {
          out.printf(Locale.ROOT, "%-22s SKIPPED (not present under %s)%n", name, repo.roots());
          continue;
        }
        long t0 = System.nanoTime();
        try {
          Dataset d = repo.load(name);
          StringBuilder feats = new StringBuilder();
          repo.lock().entry(name).features().keySet().forEach(m -> feats.append(feats.length() == 0 ? "; features " : ", ")
              .append(m).append(' ').append(d.feature(m).rows()).append('x').append(d.feature(m).cols()));
          out.printf(Locale.ROOT, "%-22s OK  %d users, %d items, %d interactions, content %s%s (%.1f s)%n", name, d.nUsers(),
              d.nItems(), d.nInteractions(), d.contentSha256().substring(0, 16), feats, (System.nanoTime() - t0) / 1e9);
        } catch (FeaturesNotComputedException e) {
          // the data matched (features attach last); only the suite-computed features are missing
          failed += names.isEmpty() ? 0 : 1;
          out.printf(Locale.ROOT, "%-22s INCOMPLETE  files, statistics and content match; features %s not computed yet:%n",
              name, e.modalities());
          e.modalities().forEach(m -> out.println("    run: recsuite features " + m + " " + name));
        } catch (LockMismatchException e) {
          failed++;
          out.printf(Locale.ROOT, "%-22s MISMATCH%n", name);
          e.problems().forEach(p -> out.println("    - " + p));
        }
      }
      out.flush();
      if (failed > 0) {
        throw new IllegalStateException(failed + " dataset(s) do not match datasets.lock or lack computed features");
      }
      return 0;
    }
  }

  @Command(name = "stats", mixinStandardHelpOptions = true, description = "Load a dataset and print its statistics.")
  static final class Stats implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      DatasetRepository repo = RecSuite.repository();
      LockEntry e = repo.lock().entry(name);
      Dataset d = repo.load(name);
      PrintWriter out = spec.commandLine().getOut();
      int[] lengths = new int[d.nUsers()];
      for (int u = 0; u < d.nUsers(); u++) {
        lengths[u] = d.userRows(u).length;
      }
      Arrays.sort(lengths);
      out.println(d.name() + (e.description() == null ? "" : ": " + e.description()));
      out.printf(Locale.ROOT, "  users %d, items %d, interactions %d, density %.5f%%%n", d.nUsers(), d.nItems(),
          d.nInteractions(), 100.0 * d.nInteractions() / ((double) d.nUsers() * d.nItems()));
      out.printf(Locale.ROOT, "  interactions per user: min %d, median %d, max %d%n", lengths[0], lengths[lengths.length / 2],
          lengths[lengths.length - 1]);
      out.printf(Locale.ROOT, "  chronology %s; repeated (user, item) rows %d; columns:%s%s%s%n", d.chronology(),
          d.repeatedPairs(), d.hasRatings() ? " rating" : "", d.hasTimestamps() ? " timestamp" : "", d.hasLabels() ? " x_label" : "");
      d.itemFeatures().forEach((m, f) -> out.printf(Locale.ROOT, "  feature %s: %d x %d%n", m, f.rows(), f.cols()));
      d.itemText().forEach((c, t) -> out.printf(Locale.ROOT, "  item text %s, e.g. \"%s\"%n", c, t.length > 0 ? t[0] : ""));
      out.println("  content SHA-256 " + d.contentSha256());
      return 0;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Verify a local copy against datasets.lock and copy it into HOME/data.")
  static final class Import implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "Folder holding the dataset's files.")
    Path from;

    @Override
    public Integer call() {
      DatasetRepository repo = RecSuite.repository();
      Path target = repo.importFrom(name, from);
      Dataset d = repo.load(name);
      spec.commandLine().getOut().printf(Locale.ROOT, "imported %s into %s: %d users, %d items, %d interactions%n", name,
          target, d.nUsers(), d.nItems(), d.nInteractions());
      return 0;
    }
  }
}
