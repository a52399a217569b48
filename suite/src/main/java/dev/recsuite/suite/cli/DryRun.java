package dev.recsuite.suite.cli;

import dev.recsuite.protocols.train.CheckpointProgress;
import dev.recsuite.suite.experiment.ConfigResolver.ModelPoint;
import dev.recsuite.suite.matrix.Group;
import dev.recsuite.suite.matrix.MatrixPlan;
import dev.recsuite.suite.run.RunExecutor;
import dev.recsuite.suite.run.RunSpec;
import dev.recsuite.suite.store.RunStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code recsuite run --dry-run}: each run of the shard's units, its id, and whether the store has it. */
final class DryRun {
  private final RunExecutor exec;
  private final RunStore store;
  private final PrintWriter out;

  DryRun(RunExecutor exec, RunStore store, PrintWriter out) {
    this.exec = exec;
    this.store = store;
    this.out = out;
  }

  void print(List<MatrixPlan.Unit> units) {
    for (MatrixPlan.Unit u : units) {
      Group g = u.group();
      if (g.hasGrid()) {
        for (ModelPoint p : g.points()) {
          line(exec.runId(g.trialSpec(p)), g.label() + " seed " + g.seeds().get(0) + " trial " + p.label());
        }
        out.printf(Locale.ROOT, "  then %d seed(s) with the configuration chosen by %s%n", g.seeds().size(), g.rule().key());
      } else {
        String cfg = g.points().get(0).label();
        long seed = u.seeds().get(0);
        var specs = g.fixedSpecs(seed);
        for (int k = 0; k < specs.size(); k++) {
          line(exec.runId(specs.get(k)), g.label(g.evals().get(k)) + " seed " + seed + (cfg.isEmpty() ? "" : " " + cfg)
              + (k > 0 ? " (same training as the line above)" : ""));
        }
        List<RunSpec> todo = new ArrayList<>();
        List<String> names = new ArrayList<>(); // the evaluations still to do, in the training's order
        for (int k = 0; k < specs.size(); k++) {
          if (!store.contains(exec.runId(specs.get(k)))) {
            todo.add(specs.get(k));
            names.add(g.evals().get(k).name());
          }
        }
        if (!todo.isEmpty()) {
          exec.checkpointProgress(todo).ifPresent(p -> checkpoint(p, names, todo.get(0).training().validMetric()));
        }
      }
    }
    out.flush();
  }

  /**
   * One line per checkpointed training, then one per evaluation: best epoch so far, patience used, stopped. Epochs
   * count from 1 here, as in the progress bar and the report (records keep the 0-based index).
   */
  private void checkpoint(CheckpointProgress p, List<String> names, String metric) {
    out.printf(Locale.ROOT, "  %20s       continues from its checkpoint: %d epoch(s) trained%n", "", p.nextEpoch());
    if (p.selections().size() != names.size()) {
      return; // not this training's checkpoint after all; running it says why
    }
    for (int k = 0; k < names.size(); k++) {
      CheckpointProgress.Selection s = p.selections().get(k);
      String state = s.bestEpoch() < 0 ? "no validation value yet"
          : String.format(Locale.ROOT, "best epoch %d (valid %s %s), %d epoch(s) without improvement since%s",
              s.bestEpoch() + 1, metric, s.best(), s.sinceBest(), s.stopped() ? ", stopped" : "");
      out.printf(Locale.ROOT, "  %20s         %s: %s%n", "", names.get(k).isEmpty() ? "selection" : names.get(k), state);
    }
  }

  private void line(String id, String what) {
    out.printf(Locale.ROOT, "  %s %-5s %s%n", id, store.contains(id) ? "done" : "todo", what);
  }
}
