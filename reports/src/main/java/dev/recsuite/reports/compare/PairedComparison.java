package dev.recsuite.reports.compare;

import dev.recsuite.reports.results.Cohort;
import dev.recsuite.reports.results.Measure;
import dev.recsuite.stats.PairedSample;
import dev.recsuite.stats.Pairing;
import dev.recsuite.stats.paired.Alternative;
import dev.recsuite.stats.paired.PairedTTest;
import dev.recsuite.stats.paired.PairedTestResult;
import dev.recsuite.stats.paired.WilcoxonSignedRankTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * System a against system b on one measure, with a paired test. Seeds are paired by seed value (only seeds both
 * ran count); users by user id (only users both evaluated count), each user's value averaged over the seeds. Pairs
 * where either value is undefined are dropped ({@link PairedSample#completeCases}) and counted.
 *
 * @param meanA mean of a over its own runs (all seeds)
 * @param meanB mean of b over its own runs
 * @param test the test result, null when no test ran
 * @param untested why no test ran (too few pairs, every difference zero, no per-user vectors); null when tested
 */
public record PairedComparison(double meanA, double meanB, TestKind kind, PairedTestResult test, String untested) {

  /** Compares a with b; {@code alternative} is about a − b (GREATER: a is larger). */
  public static PairedComparison of(Cohort a, Cohort b, Measure m, TestKind kind, Alternative alternative) {
    double meanA = a.mean(m);
    double meanB = b.mean(m);
    if (kind == TestKind.NONE) {
      return new PairedComparison(meanA, meanB, kind, null, "no test requested");
    }
    double[][] pairs = kind.pairing() == Pairing.SEED ? bySeed(a, b, m) : byUser(a, b, m);
    if (pairs == null) {
      return new PairedComparison(meanA, meanB, kind, null, "no per-user values of " + m.label() + " stored");
    }
    PairedSample sample;
    try {
      sample = PairedSample.completeCases(kind.pairing(), pairs[0], pairs[1]);
    } catch (IllegalArgumentException e) {
      return new PairedComparison(meanA, meanB, kind, null, "fewer than 2 paired " + kind.pairing().plural()
          + " (" + pairs[0].length + " in common)");
    }
    if (sample.allDifferencesZero()) {
      return new PairedComparison(meanA, meanB, kind, null, "identical on every paired " + kind.pairing().noun());
    }
    PairedTestResult result = switch (kind) {
      case T_TEST_SEEDS, T_TEST_USERS -> PairedTTest.test(sample, alternative);
      case WILCOXON_SEEDS, WILCOXON_USERS -> WilcoxonSignedRankTest.test(sample, alternative);
      case NONE -> throw new AssertionError();
    };
    return new PairedComparison(meanA, meanB, kind, result, null);
  }

  public boolean tested() {
    return test != null;
  }

  /** meanA − meanB. */
  public double difference() {
    return meanA - meanB;
  }

  private static double[][] bySeed(Cohort a, Cohort b, Measure m) {
    List<Long> common = new ArrayList<>();
    for (long s : a.seeds()) {
      for (long t : b.seeds()) {
        if (s == t) {
          common.add(s);
        }
      }
    }
    double[] x = new double[common.size()];
    double[] y = new double[common.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = a.valueAtSeed(m, common.get(i));
      y[i] = b.valueAtSeed(m, common.get(i));
    }
    return new double[][] {x, y};
  }

  private static double[][] byUser(Cohort a, Cohort b, Measure m) {
    if (!m.hasPerUserValues()) {
      return null;
    }
    TreeMap<Integer, Double> ua = a.perUserMean(m.metric());
    TreeMap<Integer, Double> ub = b.perUserMean(m.metric());
    if (ua.isEmpty() || ub.isEmpty()) {
      return null;
    }
    List<double[]> rows = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : ua.entrySet()) {
      Double v = ub.get(e.getKey());
      if (v != null) {
        rows.add(new double[] {e.getValue(), v});
      }
    }
    double[] x = new double[rows.size()];
    double[] y = new double[rows.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = rows.get(i)[0];
      y[i] = rows.get(i)[1];
    }
    return new double[][] {x, y};
  }
}
