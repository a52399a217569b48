package dev.recsuite.reports.paper;

import dev.recsuite.reports.compare.Estimate;
import dev.recsuite.reports.input.RunSummary;
import dev.recsuite.reports.paper.PaperCohorts.Lookup;
import dev.recsuite.reports.paper.PaperSpec.MetricRef;
import dev.recsuite.reports.paper.PaperSpec.ModelRef;
import dev.recsuite.reports.results.Cohort;
import dev.recsuite.reports.results.Measure;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Computes the suite's value of one paper cell (dataset, model, metric, all paper names) under a protocol:
 * a measure averaged over the cohort's seeds with its confidence interval, scaled to the paper's unit; a dataset
 * count from any run on the dataset; or a relative gain or drop between two cohorts (ratio of their means, no
 * interval).
 */
final class CellResolver {
  private final PaperCohorts cohorts;
  private final Estimate.Config interval;

  CellResolver(PaperCohorts cohorts, Estimate.Config interval) {
    this.cohorts = cohorts;
    this.interval = interval;
  }

  private final Map<List<String>, Reproduction> cache = new HashMap<>();

  /** The cell's reproduction (computed once: a bootstrap interval is not free). */
  Reproduction resolve(String protocol, String dataset, String model, String metric) {
    List<String> key = List.of(protocol, dataset, model, metric);
    Reproduction r = cache.get(key);
    if (r == null) {
      r = compute(protocol, dataset, model, metric);
      cache.put(key, r);
    }
    return r;
  }

  private Reproduction compute(String protocol, String dataset, String model, String metric) {
    PaperSpec paper = cohorts.paper();
    MetricRef m = paper.metrics().get(metric);
    if (m == null || !m.runnable()) {
      return Reproduction.notRun("not run: the suite has no counterpart of '" + metric + "'");
    }
    return switch (m.type()) {
      case MEASURE -> measured(protocol, dataset, model, m);
      case RELATIVE_GAIN, RELATIVE_DROP -> relative(protocol, dataset, model, m);
    };
  }

  private Reproduction measured(String protocol, String dataset, String model, MetricRef m) {
    Measure measure = m.measure();
    if (measure.describesDataset()) {
      return cohorts.anyRun(dataset).map(r -> datasetCount(r, m)).orElseGet(() -> Reproduction.notRun(
          cohorts.paper().datasets().get(dataset) == null ? "not run: dataset '" + dataset + "' is not available"
              : "not run: no run on " + cohorts.paper().datasets().get(dataset)));
    }
    Lookup l = cohorts.find(protocol, dataset, model);
    if (!l.found()) {
      return Reproduction.notRun(l.reason());
    }
    Cohort c = l.cohort();
    Estimate e = Estimate.of(c, measure, interval);
    if (!e.defined()) {
      return Reproduction.notRun("not run: the " + c.size() + " run(s) of " + c.system().label() + " have no "
          + measure.label());
    }
    double s = m.scale();
    String ci = e.ci() == null ? "" : level(e.ci().level()) + " CI, " + e.ci().method();
    return new Reproduction(true, e.mean() * s, e.sd() * s, e.n(), e.ci() == null ? Double.NaN : e.ci().lower() * s,
        e.ci() == null ? Double.NaN : e.ci().upper() * s, ci, c.system().testSelected(), describe(c));
  }

  private static Reproduction datasetCount(RunSummary r, MetricRef m) {
    double v = m.measure().of(r) * m.scale();
    if (Double.isNaN(v)) {
      return Reproduction.notRun("not run: run " + r.runId() + " does not record " + m.measure().label());
    }
    return new Reproduction(true, v, Double.NaN, 1, Double.NaN, Double.NaN, "", false,
        "from the dataset as loaded (" + r.dataset() + ", run " + r.runId() + ")");
  }

  private Reproduction relative(String protocol, String dataset, String model, MetricRef m) {
    PaperSpec paper = cohorts.paper();
    ModelRef row = paper.models().get(model);
    String over = m.over() != null ? m.over() : row == null ? null : row.versus();
    if (over == null) {
      return Reproduction.notRun("not run: '" + m.name() + "' names no model to compare '" + model + "' with");
    }
    Reproduction a = measured(protocol, dataset, model, paper.metrics().get(m.of()));
    Reproduction b = measured(protocol, dataset, over, paper.metrics().get(m.of()));
    if (!a.run() || !b.run()) {
      return Reproduction.notRun(!a.run() ? a.detail() : b.detail());
    }
    double ratio = a.mean() / b.mean();
    double pct = 100 * (m.type() == MetricRef.Type.RELATIVE_GAIN ? ratio - 1 : 1 - ratio);
    return new Reproduction(true, pct, Double.NaN, Math.min(a.n(), b.n()), Double.NaN, Double.NaN, "",
        a.testSelected() || b.testSelected(), String.format(Locale.ROOT, "%s %s over %s: %.6g vs %.6g (ratio of means)",
            m.type() == MetricRef.Type.RELATIVE_GAIN ? "gain" : "drop", m.of(), over, a.mean(), b.mean()));
  }

  private static String describe(Cohort c) {
    String seeds = Arrays.stream(c.seeds()).mapToObj(Long::toString).collect(Collectors.joining(", "));
    String runs = c.runs().stream().map(RunSummary::runId).collect(Collectors.joining(", "));
    return c.system().label() + (c.system().testSelected() ? " (configuration chosen by test score)" : "") + "; "
        + c.setting().mode() + " ranking, " + c.setting().rule() + "; seeds " + seeds + "; runs " + runs;
  }

  private static String level(double level) {
    return new BigDecimal(Double.toString(level * 100)).stripTrailingZeros().toPlainString() + "%";
  }
}
