package dev.recsuite.suite.matrix;

import dev.recsuite.protocols.api.UnavailableException;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.suite.experiment.ConfigResolver.ModelPoint;
import dev.recsuite.suite.experiment.Selection;
import dev.recsuite.suite.run.Purpose;
import dev.recsuite.suite.run.RunExecutor;
import dev.recsuite.suite.run.RunRecord;
import dev.recsuite.suite.run.RunSpec;
import dev.recsuite.suite.store.RunStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs units of a matrix against a results store. A run whose id is in the store is read, not run again
 * (unless {@code force}); a finished run is written atomically before the next starts. A grid group first
 * runs (or finds) all its trials, then selects; the selection is a pure function of the stored trials, so a
 * matrix killed at any moment resumes to the same choice without any other saved state. The chosen trial is
 * stored again as the first seed's reported run (same numbers, its own id); the other seeds then run.
 */
public final class MatrixRunner {
  /**
   * @param finals the reported runs of the units, in matrix order
   * @param failures one line per failed run or group
   * @param notRun one line per cell skipped as unavailable ({@code unavailable: skip}), with the reason
   */
  public record Outcome(List<RunRecord> finals, List<String> failures, List<String> notRun, int computed, int reused) {}

  private final RunExecutor exec;
  private final RunStore store;
  private final RunRecord.ExperimentRef experiment;
  private final boolean force;
  private final boolean skipUnavailable;
  private final PrintWriter out;
  private final Map<String, String> notRun = new LinkedHashMap<>(); // cell -> reason; a cell's seeds share one
  private MatrixProgress progress;
  private int computed;

  /**
   * @param skipUnavailable report cells whose data is not installed or lacks what the protocol or model needs
   *     ({@link UnavailableException}) as not run, instead of failing them
   */
  public MatrixRunner(RunExecutor exec, RunStore store, RunRecord.ExperimentRef experiment, boolean force,
      boolean skipUnavailable, PrintWriter out) {
    this.exec = exec;
    this.store = store;
    this.experiment = experiment;
    this.force = force;
    this.skipUnavailable = skipUnavailable;
    this.out = out;
  }

  /**
   * Loads and splits every dataset the units need and checks what can be checked before training: a grid
   * chosen on validation needs a validation part, and a multimodal model needs item features. Fails before any
   * run starts. Returns the units that can run: all of them, or with {@code skipUnavailable} those whose
   * dataset, protocol and model inputs are available (the others are listed as not run, once per cell).
   */
  public List<MatrixPlan.Unit> preflight(List<MatrixPlan.Unit> units) {
    List<MatrixPlan.Unit> runnable = new ArrayList<>();
    for (MatrixPlan.Unit u : units) {
      Group g = u.group();
      Split s;
      try {
        s = exec.split(g.dataset(), g.protocol());
        exec.requireInputs(g.model(), g.dataset());
      } catch (UnavailableException e) {
        if (!skipUnavailable) {
          throw e;
        }
        skip(g.label(), e);
        continue;
      }
      runnable.add(u);
      if (g.hasGrid() && g.rule() == Selection.VALIDATION && s.valid().length == 0) {
        throw new IllegalArgumentException(g.label() + ": a grid chosen on validation needs a validation part, and "
            + s.summary() + " has none (use a protocol with validation, or selection: test-as-mmrec to reproduce MMRec)");
      }
    }
    return runnable;
  }

  public Outcome run(List<MatrixPlan.Unit> all) {
    List<MatrixPlan.Unit> units = preflight(all);
    progress = new MatrixProgress(units);
    computed = 0;
    List<RunRecord> finals = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (MatrixPlan.Unit u : units) {
      if (u.group().hasGrid()) {
        runGrid(u.group(), finals, failures);
      } else {
        runFixed(u.group(), u.seeds().get(0), finals, failures);
      }
    }
    return new Outcome(finals, failures, notRun.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList(),
        computed, progress.done() - computed);
  }

  private void runGrid(Group g, List<RunRecord> finals, List<String> failures) {
    List<RunRecord> trials = new ArrayList<>();
    int failed = 0;
    for (ModelPoint p : g.points()) {
      try {
        trials.add(obtain(g.trialSpec(p), "trial " + (p.index() + 1) + "/" + g.points().size() + " " + p.label()));
      } catch (UnavailableException e) {
        if (!skipUnavailable) {
          throw e;
        }
        skip(g.label(), e); // every trial and seed of the group lacks the same data
        progress.dropped(g.model(), g.runs() - trials.size());
        return;
      } catch (RuntimeException e) {
        fail(failures, g.label() + " trial " + p.label(), e);
        progress.dropped(g.model(), 1);
        failed++;
      }
    }
    if (failed > 0) {
      failures.add(g.label() + ": no selection, " + failed + " of " + g.points().size() + " trials failed; its "
          + g.seeds().size() + " seeds were not run");
      progress.dropped(g.model(), g.seeds().size() - 1);
      return;
    }
    String metric = g.training().validMetric();
    int chosen;
    try {
      chosen = Selector.choose(trials, g.rule(), metric, g.training().metricDecimals());
    } catch (IllegalStateException e) {
      fail(failures, g.label() + ": no selection", e);
      progress.dropped(g.model(), g.seeds().size() - 1);
      return;
    }
    ModelPoint cp = g.points().get(chosen);
    List<RunRecord.Trial> summary = new ArrayList<>();
    for (int k = 0; k < trials.size(); k++) {
      RunRecord t = trials.get(k);
      summary.add(new RunRecord.Trial(t.id(), g.points().get(k).label(), Selector.value(t, Selection.VALIDATION, metric),
          Selector.value(t, Selection.TEST_AS_MMREC, metric)));
    }
    Double chosenValue = Selector.value(trials.get(chosen), g.rule(), metric);
    out.printf(Locale.ROOT, "  %s: chose %s by %s %s %.4f among %d configurations%s%n", g.label(), cp.label(),
        g.rule() == Selection.VALIDATION ? "validation" : "TEST", metric, chosenValue, g.points().size(),
        g.rule() == Selection.TEST_AS_MMREC ? " (selection: test-as-mmrec, MMRec's rule; results are marked)" : "");
    RunRecord.SelectionInfo selection = new RunRecord.SelectionInfo(Purpose.FINAL, g.rule().key(), metric, cp.label(),
        summary, trials.get(chosen).id());
    for (long seed : g.seeds()) {
      RunSpec spec = g.chosenSpec(cp, seed);
      try {
        String id = exec.runId(spec);
        RunRecord r;
        if (seed == g.seeds().get(0)) {
          // The first seed's run is the chosen trial: same inputs, same numbers; stored under its own id.
          if (!force && store.contains(id)) {
            r = store.read(id);
          } else {
            r = trials.get(chosen).as(id, selection, experiment);
            store.write(r);
          }
          report(r, g.label() + " seed " + seed + " (chosen " + cp.label() + ": its trial, reported)");
        } else {
          r = obtain(spec, "chosen " + cp.label(), selection);
        }
        finals.add(r);
      } catch (RuntimeException e) {
        failOrSkip(failures, g, seed, e);
        progress.dropped(g.model(), seed == g.seeds().get(0) ? 0 : 1);
      }
    }
  }

  /** One seed of a fixed configuration: one training for all of the group's evaluations not yet in the store. */
  private void runFixed(Group g, long seed, List<RunRecord> finals, List<String> failures) {
    List<RunSpec> specs = g.fixedSpecs(seed);
    List<RunSpec> missing = new ArrayList<>();
    List<String> missingLabels = new ArrayList<>();
    RunRecord[] got = new RunRecord[specs.size()];
    for (int k = 0; k < specs.size(); k++) {
      RunSpec spec = specs.get(k);
      String id = exec.runId(spec);
      String label = g.label(g.evals().get(k)) + " seed " + seed;
      if (!force && store.contains(id)) {
        got[k] = reuse(id, spec.model(), label);
      } else {
        missing.add(spec);
        missingLabels.add(label);
      }
    }
    if (!missing.isEmpty()) {
      try {
        long t0 = System.nanoTime();
        if (force) {
          exec.discardCheckpoint(missing);
        }
        List<RunRecord> made = exec.executeJointly(missing, experiment, String.format(Locale.ROOT, "[%d/%d] %s %s s%d",
            progress.done() + 1, progress.total(), g.model(), g.protocolName(), seed));
        double seconds = (System.nanoTime() - t0) / 1e9 / made.size();
        for (int k = 0, m = 0; k < got.length; k++) {
          if (got[k] == null) {
            got[k] = made.get(m);
            store.write(got[k]);
            computed++;
            progress.computed(g.model(), seconds);
            report(got[k], missingLabels.get(m++));
          }
        }
        exec.discardCheckpoint(missing);
        out.println("  " + progress.line());
        out.flush();
      } catch (RuntimeException e) {
        failOrSkip(failures, g, seed, e);
        progress.dropped(g.model(), missing.size());
      }
    }
    for (RunRecord r : got) {
      if (r != null) {
        finals.add(r);
      }
    }
  }

  private RunRecord obtain(RunSpec spec, String what) {
    return obtain(spec, what, null);
  }

  /** The run from the store, or run now and stored (with {@code selection} when it is a chosen configuration). */
  private RunRecord obtain(RunSpec spec, String what, RunRecord.SelectionInfo selection) {
    String id = exec.runId(spec);
    String label = spec.model() + " " + spec.dataset() + " " + spec.protocol().name() + " seed " + spec.seed()
        + (what.isEmpty() ? "" : " (" + what + ")");
    if (!force && store.contains(id)) {
      return reuse(id, spec.model(), label);
    }
    long t0 = System.nanoTime();
    if (force) {
      exec.discardCheckpoint(List.of(spec));
    }
    RunRecord r = exec.execute(spec, experiment, String.format(Locale.ROOT, "[%d/%d] %s s%d", progress.done() + 1,
        progress.total(), spec.model() + " " + spec.protocol().name(), spec.seed()));
    if (selection != null) {
      r = r.as(r.id(), selection, experiment);
    }
    store.write(r);
    exec.discardCheckpoint(List.of(spec));
    computed++;
    progress.computed(spec.model(), (System.nanoTime() - t0) / 1e9);
    report(r, label);
    out.println("  " + progress.line());
    out.flush();
    return r;
  }

  /** A finished run read from the store, counted and announced. */
  private RunRecord reuse(String id, String model, String label) {
    RunRecord r = store.read(id);
    progress.reused(model);
    out.printf(Locale.ROOT, "[%d/%d] %s: in the store, %s%n", progress.done(), progress.total(), label, id);
    out.flush();
    return r;
  }

  private void report(RunRecord r, String label) {
    String metric = r.selection().metric();
    Double valid = Selector.value(r, Selection.VALIDATION, metric);
    Double test = Selector.value(r, Selection.TEST_AS_MMREC, metric);
    int best = r.training().bestEpoch();
    out.printf(Locale.ROOT, "[%d/%d] %s: best epoch %s, valid %s %s, test %s %s, %.1f s -> %s%n", progress.done(),
        progress.total(), label, best < 0 ? "-" : Integer.toString(best + 1), metric, format(valid), metric, format(test),
        r.efficiency().wallSeconds(), r.id());
  }

  private static String format(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  private void failOrSkip(List<String> failures, Group g, long seed, RuntimeException e) {
    if (skipUnavailable && e instanceof UnavailableException) {
      skip(g.label(), e);
    } else {
      fail(failures, g.label() + " seed " + seed, e);
    }
  }

  private void skip(String cell, RuntimeException e) {
    if (notRun.putIfAbsent(cell, e.getMessage()) != null) {
      return;
    }
    out.println("NOT RUN " + cell + ": " + e.getMessage());
    out.flush();
  }

  private void fail(List<String> failures, String what, RuntimeException e) {
    if (System.getenv("RECSUITE_DEBUG") != null) {
      e.printStackTrace(out);
    }
    failures.add(what + ": " + e.getMessage());
    out.println("FAILED " + what + ": " + e.getMessage());
    out.flush();
  }
}
