package dev.recsuite.reports.plot;

import dev.recsuite.reports.ReportSettings;
import dev.recsuite.reports.input.RunSummary;
import dev.recsuite.reports.input.Setting;
import dev.recsuite.reports.results.Cohort;
import dev.recsuite.reports.results.Measure;
import dev.recsuite.reports.results.MetricNames;
import dev.recsuite.reports.results.ResultIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The report's plots: per setting, each system's validation curves (every seed, one colour per system, the best
 * epoch dotted) and each metric family against K (mean over seeds); per dataset and protocol evaluated both ways,
 * sampled against full-ranking values side by side.
 */
public final class PlotBuilder {
  private final ReportSettings settings;

  public PlotBuilder(ReportSettings settings) {
    this.settings = settings;
  }

  /** The plots of one leaderboard's setting. */
  public List<PlotView> forSetting(List<Cohort> cohorts) {
    List<PlotView> out = new ArrayList<>();
    validationCurves(cohorts).ifPresent(out::add);
    for (String family : settings.kFamilies()) {
      metricAgainstK(cohorts, family).ifPresent(out::add);
    }
    return out;
  }

  Optional<PlotView> validationCurves(List<Cohort> cohorts) {
    List<LinePlot.Series> series = new ArrayList<>();
    TreeSet<String> metrics = new TreeSet<>();
    for (int c = 0; c < cohorts.size(); c++) {
      Cohort cohort = cohorts.get(c);
      for (RunSummary r : cohort.runs()) {
        List<RunSummary.EpochPoint> curve = r.training().curve();
        if (curve.isEmpty()) {
          continue;
        }
        metrics.add(r.training().metric());
        double[] x = curve.stream().mapToDouble(p -> p.epoch() + 1).toArray();
        double[] y = curve.stream().mapToDouble(RunSummary.EpochPoint::validMetric).toArray();
        int best = -1;
        for (int i = 0; i < curve.size(); i++) {
          if (curve.get(i).epoch() == r.training().bestEpoch()) {
            best = i;
          }
        }
        series.add(new LinePlot.Series(legend(cohort), Palette.colour(c), x, y, best));
      }
    }
    if (series.isEmpty()) {
      return Optional.empty();
    }
    String metric = String.join(" / ", metrics);
    String title = "Validation " + metric + " per epoch";
    return Optional.of(new PlotView(title, "every seed drawn; the dot marks the chosen (best) epoch",
        LinePlot.render(title, "epoch", metric, series)));
  }

  Optional<PlotView> metricAgainstK(List<Cohort> cohorts, String family) {
    TreeSet<Integer> ks = new TreeSet<>();
    cohorts.forEach(c -> c.runs().forEach(r -> r.testMetrics().keySet().forEach(m -> {
      if (MetricNames.family(m).equals(family)) {
        MetricNames.cutoff(m).ifPresent(ks::add);
      }
    })));
    if (ks.size() < 2) {
      return Optional.empty();
    }
    List<LinePlot.Series> series = new ArrayList<>();
    double[] x = ks.stream().mapToDouble(Integer::doubleValue).toArray();
    for (int c = 0; c < cohorts.size(); c++) {
      Cohort cohort = cohorts.get(c);
      double[] y = ks.stream().mapToDouble(k -> cohort.mean(Measure.test(family + "@" + k))).toArray();
      series.add(new LinePlot.Series(legend(cohort), Palette.colour(c), x, y, -1));
    }
    String title = family + "@K against K";
    return Optional.of(new PlotView(title, "mean over seeds", LinePlot.render(title, "K", family + "@K", series)));
  }

  /** For each dataset and protocol evaluated both ways, each metric in full and sampled ranking per system. */
  public List<PlotView> sampledVsFull(ResultIndex index) {
    List<PlotView> out = new ArrayList<>();
    for (Setting sampled : index.settings()) {
      if (!sampled.mode().equals("sampled")) {
        continue;
      }
      Optional<Setting> full = index.settings(sampled.dataset(), sampled.protocol(), "full").stream().findFirst();
      if (full.isEmpty()) {
        continue;
      }
      for (String metric : settings.sampledVsFullMetrics()) {
        plotPair(index, full.get(), sampled, metric).ifPresent(out::add);
      }
    }
    return out;
  }

  private Optional<PlotView> plotPair(ResultIndex index, Setting full, Setting sampled, String metric) {
    Measure m = Measure.test(metric);
    List<BarPlot.Group> groups = new ArrayList<>();
    List<String[]> order = new ArrayList<>();
    for (Cohort f : index.cohorts(full)) {
      Optional<Cohort> s = index.cohort(sampled, f.system());
      if (s.isEmpty()) {
        continue;
      }
      double vf = f.mean(m);
      double vs = s.get().mean(m);
      if (Double.isNaN(vf) && Double.isNaN(vs)) {
        continue;
      }
      groups.add(new BarPlot.Group(legend(f), new double[] {vf, vs}));
      order.add(new String[] {legend(f), Double.toString(vf), Double.toString(vs)});
    }
    if (groups.isEmpty()) {
      return Optional.empty();
    }
    String title = String.format(Locale.ROOT, "%s: %s, full vs sampled ranking", full.dataset() + " · "
        + full.protocol(), metric);
    String caption = "order by full ranking: " + ranking(order, 1) + "; by sampled ranking: " + ranking(order, 2)
        + " (" + sampled.rule() + ")";
    return Optional.of(new PlotView(title, caption, BarPlot.render(title, metric, List.of("full", "sampled"),
        groups)));
  }

  private static String ranking(List<String[]> rows, int column) {
    return String.join(" > ", rows.stream().filter(r -> !Double.isNaN(Double.parseDouble(r[column])))
        .sorted(Comparator.comparingDouble((String[] r) -> Double.parseDouble(r[column])).reversed())
        .map(r -> r[0]).toList());
  }

  private static String legend(Cohort c) {
    return c.system().label() + (c.system().testSelected() ? " †" : "");
  }
}
