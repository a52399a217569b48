package dev.recsuite.reports.compare;

import dev.recsuite.reports.results.Cohort;
import dev.recsuite.reports.results.Measure;
import dev.recsuite.stats.DefinedValues;
import dev.recsuite.stats.Summary;
import dev.recsuite.stats.ci.ConfidenceInterval;
import dev.recsuite.stats.ci.PercentileBootstrap;
import dev.recsuite.stats.ci.TInterval;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * A cohort's reproduced value of one measure: the mean over seeds, the standard deviation, and a confidence
 * interval. With two or more seeds the interval is Student t across seeds ({@link TInterval}); with one seed and
 * stored per-user values it is a seeded percentile bootstrap across users ({@link PercentileBootstrap}); otherwise
 * there is none.
 *
 * @param n seeds with a defined value
 * @param ci null when no interval could be built
 */
public record Estimate(double mean, double sd, int n, ConfidenceInterval ci) {

  /** Settings of the interval: level, and the bootstrap's resamples and seed. */
  public record Config(double level, int bootstrapResamples, long bootstrapSeed) {
    public Config {
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("confidence level = " + level + "; expected 0 < level < 1 (0.95 for 95%)");
      }
    }
  }

  public static Estimate of(Cohort c, Measure m, Config config) {
    double[] v = DefinedValues.of(c.values(m));
    if (v.length == 0) {
      return new Estimate(Double.NaN, Double.NaN, 0, null);
    }
    Summary s = Summary.of(v, c.system().label() + " " + m.label());
    ConfidenceInterval ci = null;
    if (v.length >= 2) {
      ci = TInterval.ofMean(v, config.level());
    } else if (m.hasPerUserValues()) {
      TreeMap<Integer, Double> perUser = c.perUserMean(m.metric());
      double[] u = DefinedValues.of(perUser.values().stream().mapToDouble(Double::doubleValue).toArray());
      if (u.length >= 2 && Arrays.stream(u).distinct().count() > 1) {
        ci = PercentileBootstrap.ofMean(u, new PercentileBootstrap.Config(config.bootstrapResamples(), config.level(),
            config.bootstrapSeed()));
      }
    }
    return new Estimate(s.mean(), s.standardDeviation(), v.length, ci);
  }

  public boolean defined() {
    return n > 0;
  }
}
