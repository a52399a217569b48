package dev.recsuite.reports.results;

import dev.recsuite.reports.input.RunSummary;
import dev.recsuite.reports.input.Setting;
import dev.recsuite.reports.input.SystemKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The seed repeats of one system in one setting, ordered by seed: the unit a leaderboard row, a paper cell and
 * a claim's comparison are built from.
 */
public final class Cohort {
  private final Setting setting;
  private final SystemKey system;
  private final RunSummary.Role role;
  private final List<RunSummary> runs; // ascending seed

  Cohort(Setting setting, SystemKey system, List<RunSummary> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a cohort needs at least one run");
    }
    List<RunSummary> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingLong(RunSummary::seed));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).seed() == sorted.get(i - 1).seed()) {
        throw new IllegalArgumentException(setting.title() + ", " + system.label() + ": runs "
            + sorted.get(i - 1).runId() + " and " + sorted.get(i).runId() + " both have seed " + sorted.get(i).seed()
            + "; expected one run per seed (remove one from the store)");
      }
    }
    RunSummary.Role r = sorted.get(0).role();
    for (RunSummary run : sorted) {
      if (run.role() != r) {
        throw new IllegalArgumentException(system.label() + ": run " + run.runId() + " has role " + run.role().label()
            + " but run " + sorted.get(0).runId() + " has role " + r.label() + "; a model has one role");
      }
    }
    this.setting = setting;
    this.system = system;
    this.role = r;
    this.runs = List.copyOf(sorted);
  }

  public Setting setting() {
    return setting;
  }

  public SystemKey system() {
    return system;
  }

  public RunSummary.Role role() {
    return role;
  }

  /** The runs, by ascending seed. */
  public List<RunSummary> runs() {
    return runs;
  }

  public int size() {
    return runs.size();
  }

  public long[] seeds() {
    return runs.stream().mapToLong(RunSummary::seed).toArray();
  }

  /** The measure on each run, in seed order (NaN where a run lacks it). */
  public double[] values(Measure m) {
    return runs.stream().mapToDouble(m::of).toArray();
  }

  /** Mean of the measure over the runs that define it; NaN when none does. */
  public double mean(Measure m) {
    double sum = 0;
    int k = 0;
    for (RunSummary r : runs) {
      double v = m.of(r);
      if (!Double.isNaN(v)) {
        sum += v;
        k++;
      }
    }
    return k == 0 ? Double.NaN : sum / k;
  }

  /** The measure on the run with {@code seed}, NaN if this cohort has no such seed. */
  public double valueAtSeed(Measure m, long seed) {
    for (RunSummary r : runs) {
      if (r.seed() == seed) {
        return m.of(r);
      }
    }
    return Double.NaN;
  }

  /**
   * Each user's test value of {@code metric} averaged over the seeds that define it (NaN entries skipped), by
   * user id in ascending order; empty when no run stored per-user values for it.
   */
  public TreeMap<Integer, Double> perUserMean(String metric) {
    TreeMap<Integer, double[]> acc = new TreeMap<>(); // user -> {sum, count}
    for (RunSummary r : runs) {
      if (!r.perUser().has(metric)) {
        continue;
      }
      int[] users = r.perUser().users();
      double[] v = r.perUser().values().get(metric);
      for (int i = 0; i < users.length; i++) {
        double[] a = acc.computeIfAbsent(users[i], u -> new double[2]);
        if (!Double.isNaN(v[i])) {
          a[0] += v[i];
          a[1]++;
        }
      }
    }
    TreeMap<Integer, Double> out = new TreeMap<>();
    acc.forEach((u, a) -> out.put(u, a[1] == 0 ? Double.NaN : a[0] / a[1]));
    return out;
  }

  /** Distinct configuration labels of the runs (one, normally). */
  public Set<String> configLabels() {
    Set<String> s = new LinkedHashSet<>();
    runs.forEach(r -> s.add(r.configLabel()));
    return s;
  }
}
