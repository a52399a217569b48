package dev.recsuite.suite.matrix;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The overall line of a matrix: runs done of the total, how many came from the store, elapsed time and an
 * ETA. The ETA weighs each model's remaining runs by that model's mean run time so far (the overall mean
 * for a model with none yet): MostPop and a GNN differ by orders of magnitude.
 */
final class MatrixProgress {
  private final int total;
  private final long start = System.nanoTime();
  private final Map<String, Integer> remaining = new HashMap<>();
  private final Map<String, double[]> timing = new HashMap<>(); // model -> {seconds, runs}
  private int done;
  private int reused;

  MatrixProgress(Iterable<MatrixPlan.Unit> units) {
    int t = 0;
    for (MatrixPlan.Unit u : units) {
      t += u.runs();
      remaining.merge(u.group().model(), u.runs(), Integer::sum);
    }
    this.total = t;
  }

  int total() {
    return total;
  }

  int done() {
    return done;
  }

  void reused(String model) {
    done++;
    reused++;
    remaining.merge(model, -1, Integer::sum);
  }

  void computed(String model, double seconds) {
    done++;
    remaining.merge(model, -1, Integer::sum);
    double[] t = timing.computeIfAbsent(model, k -> new double[2]);
    t[0] += seconds;
    t[1]++;
  }

  /** Runs that will not happen (their group failed). */
  void dropped(String model, int runs) {
    remaining.merge(model, -runs, Integer::sum);
  }

  double etaSeconds() {
    double allSec = 0;
    double allRuns = 0;
    for (double[] t : timing.values()) {
      allSec += t[0];
      allRuns += t[1];
    }
    if (allRuns == 0) {
      return Double.NaN;
    }
    double eta = 0;
    for (var e : remaining.entrySet()) {
      double[] t = timing.get(e.getKey());
      double mean = t != null ? t[0] / t[1] : allSec / allRuns;
      eta += Math.max(0, e.getValue()) * mean;
    }
    return eta;
  }

  String line() {
    double elapsed = (System.nanoTime() - start) / 1e9;
    return String.format(Locale.ROOT, "matrix: %d/%d runs done (%d from the store), elapsed %s, ETA %s", done, total, reused,
        clock(elapsed), done >= total ? "0:00" : clock(etaSeconds()));
  }

  static String clock(double seconds) {
    if (Double.isNaN(seconds)) {
      return "?";
    }
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
