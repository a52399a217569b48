package dev.recsuite.stats.ci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.stats.Kat;
import dev.recsuite.stats.PairedSample;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class PercentileBootstrapTest {

  /** kat/percentile.csv: numpy.percentile(v, 100 * q), method='linear' (numpy 2.4.6), B = 2000 and 37 values. */
  @Test
  void percentileMatchesNumpy() {
    for (CSVRecord row : Kat.rows("percentile.csv")) {
      double[] sorted = Kat.vector(row.get("sorted"));
      double[] qs = Kat.vector(row.get("q"));
      double[] expected = Kat.vector(row.get("percentile"));
      for (int i = 0; i < qs.length; i++) {
        assertEquals(expected[i], PercentileBootstrap.percentile(sorted, qs[i]), 0.0,
            "q = " + qs[i] + ", " + Kat.provenance(row));
      }
    }
  }

  @Test
  void sameSeedGivesTheSameIntervalBitForBit() {
    double[] x = perUserValues(new SplittableRandom(1), 1000);
    PercentileBootstrap.Config config = PercentileBootstrap.Config.defaults(42);
    ConfidenceInterval first = PercentileBootstrap.ofMean(x, config);
    ConfidenceInterval second = PercentileBootstrap.ofMean(x.clone(), config);
    assertEquals(first, second);
    assertEquals("percentile bootstrap, 10000 resamples, seed 42", first.method());
  }

  @Test
  void differentSeedsGiveDifferentButCloseIntervals() {
    double[] x = perUserValues(new SplittableRandom(2), 1000);
    ConfidenceInterval s1 = PercentileBootstrap.ofMean(x, PercentileBootstrap.Config.defaults(1));
    ConfidenceInterval s2 = PercentileBootstrap.ofMean(x, PercentileBootstrap.Config.defaults(2));
    assertNotEquals(s1.lower(), s2.lower());
    assertNotEquals(s1.upper(), s2.upper());
    assertEquals(s1.estimate(), s2.estimate(), 0.0, "the estimate is the sample mean, not a bootstrap value");
    // Monte Carlo error of a 2.5% endpoint with B = 10000 is a few percent of the width, far below 20%.
    assertEquals(s1.lower(), s2.lower(), 0.2 * s1.width());
    assertEquals(s1.upper(), s2.upper(), 0.2 * s1.width());
  }

  /**
   * Coverage sanity: 400 samples of 40 values from Exp(1) (true mean 1, skewed like per-user metrics); the 95%
   * percentile interval should cover the mean in about 93% of them (percentile intervals under-cover slightly for
   * skewed data at small n). With 400 trials the standard error of the rate is about 1.3%, so [0.88, 0.98]
   * fails only for a real bug (a wrong percentile, a shifted estimate, a resample of the wrong size).
   */
  @Test
  void coversTheTrueMeanAtRoughlyTheNominalRate() {
    SplittableRandom data = new SplittableRandom(2024);
    int trials = 400;
    int covered = 0;
    for (int t = 0; t < trials; t++) {
      double[] x = new double[40];
      for (int i = 0; i < x.length; i++) {
        x[i] = -Math.log(1 - data.nextDouble());
      }
      if (PercentileBootstrap.ofMean(x, new PercentileBootstrap.Config(2000, 0.95, t)).contains(1.0)) {
        covered++;
      }
    }
    double rate = covered / (double) trials;
    assertTrue(rate >= 0.88 && rate <= 0.98, "coverage " + rate);
  }

  @Test
  void agreesWithTheTIntervalForALargeNearNormalSample() {
    SplittableRandom data = new SplittableRandom(7);
    double[] x = new double[2000];
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.3 + 0.1 * data.nextGaussian();
    }
    ConfidenceInterval boot = PercentileBootstrap.ofMean(x, PercentileBootstrap.Config.defaults(11));
    ConfidenceInterval t = TInterval.ofMean(x, 0.95);
    assertEquals(t.lower(), boot.lower(), 0.05 * t.width());
    assertEquals(t.upper(), boot.upper(), 0.05 * t.width());
  }

  @Test
  void pairedDifferenceResamplesPairsTogether() {
    SplittableRandom data = new SplittableRandom(3);
    double[] a = perUserValues(data, 500);
    double[] b = perUserValues(data, 500);
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    PercentileBootstrap.Config config = new PercentileBootstrap.Config(1000, 0.9, 5);
    assertEquals(PercentileBootstrap.ofMean(d, config),
        PercentileBootstrap.ofMeanDifference(PairedSample.byUser(a, b), config));
  }

  @Test
  void resampledMeansAreMeansOfDrawsFromTheData() {
    double[] x = {1, 2, 4};
    double[] means = PercentileBootstrap.resampledMeans(x, 200, 9);
    for (double m : means) {
      // each mean is (i + j + k) / 3 with i, j, k in {1, 2, 4}: between 1 and 4, and 3m is an integer sum
      assertTrue(m >= 1 && m <= 4);
      assertEquals(Math.rint(3 * m), 3 * m, 1e-12);
    }
    assertArrayEquals(means, PercentileBootstrap.resampledMeans(x, 200, 9), 0.0);
  }

  @Test
  void rejectsTooFewResamplesBadLevelsAndShortVectors() {
    IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
        () -> new PercentileBootstrap.Config(10, 0.95, 1));
    assertTrue(few.getMessage().startsWith("bootstrap resamples = 10; expected at least 100"), few.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new PercentileBootstrap.Config(1000, 1.0, 1));
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> PercentileBootstrap.ofMean(new double[] {0.5}, PercentileBootstrap.Config.defaults(1)));
    assertEquals("bootstrap confidence interval: need at least 2 values, got 1", one.getMessage());
    IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
        () -> PercentileBootstrap.ofMean(new double[] {0.5, Double.POSITIVE_INFINITY},
            PercentileBootstrap.Config.defaults(1)));
    assertEquals("bootstrap confidence interval: x[1] = Infinity: expected a finite value", inf.getMessage());
  }

  /** Mostly zeros, a value in (0, 1) for about a third of users: the shape of a per-user NDCG vector. */
  private static double[] perUserValues(SplittableRandom rng, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextDouble() < 0.35 ? rng.nextDouble() : 0.0;
    }
    return x;
  }
}
