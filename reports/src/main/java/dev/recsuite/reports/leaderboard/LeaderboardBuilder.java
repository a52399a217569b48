package dev.recsuite.reports.leaderboard;

import dev.recsuite.reports.Display;
import dev.recsuite.reports.ReportSettings;
import dev.recsuite.reports.compare.PairedComparison;
import dev.recsuite.reports.export.ExportTable;
import dev.recsuite.reports.input.RunSummary;
import dev.recsuite.reports.input.Setting;
import dev.recsuite.reports.results.Cohort;
import dev.recsuite.reports.results.Measure;
import dev.recsuite.reports.results.MetricNames;
import dev.recsuite.stats.Summary;
import dev.recsuite.stats.paired.Alternative;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the leaderboard of a setting. The reference of the significance marks is, per metric, the baseline (by the
 * runs' role, never by name) with the largest mean. Each proposed system is compared with it by the configured
 * paired test (two-sided); in a leaderboard without proposed systems, each other baseline is. All comparisons of
 * one leaderboard form one family for the correction.
 */
public final class LeaderboardBuilder {
  private final ReportSettings settings;

  public LeaderboardBuilder(ReportSettings settings) {
    this.settings = settings;
  }

  /**
   * The leaderboard of one setting's cohorts; {@code ruleInName} adds the evaluation rule to the anchor and file
   * name, for a dataset, protocol and mode evaluated under more than one rule.
   */
  public LeaderboardView build(Setting s, List<Cohort> cohorts, boolean ruleInName) {
    List<String> metrics = metrics(cohorts);
    int n = cohorts.size();
    double[][] means = new double[n][metrics.size()];
    double[][] sds = new double[n][metrics.size()];
    PairedComparison[][] comparisons = new PairedComparison[n][metrics.size()];
    int[][] familyIndex = new int[n][metrics.size()]; // position in the family, -1 when untested
    boolean[][] reference = new boolean[n][metrics.size()];
    List<PairedComparison> family = new ArrayList<>();
    boolean anyProposed = cohorts.stream().anyMatch(c -> c.role() == RunSummary.Role.PROPOSED);
    for (int j = 0; j < metrics.size(); j++) {
      Measure m = Measure.test(metrics.get(j));
      int best = -1;
      for (int i = 0; i < n; i++) {
        double[] v = defined(cohorts.get(i).values(m));
        means[i][j] = v.length == 0 ? Double.NaN : Summary.of(v, metrics.get(j)).mean();
        sds[i][j] = v.length < 2 ? Double.NaN : Summary.of(v, metrics.get(j)).standardDeviation();
        if (cohorts.get(i).role() == RunSummary.Role.BASELINE && !Double.isNaN(means[i][j])
            && (best < 0 || means[i][j] > means[best][j])) {
          best = i;
        }
      }
      if (best < 0) {
        continue;
      }
      reference[best][j] = true;
      for (int i = 0; i < n; i++) {
        boolean tested = anyProposed ? cohorts.get(i).role() == RunSummary.Role.PROPOSED : i != best;
        if (tested && !Double.isNaN(means[i][j])) {
          comparisons[i][j] = PairedComparison.of(cohorts.get(i), cohorts.get(best), m, settings.leaderboardTest(),
              Alternative.TWO_SIDED);
          familyIndex[i][j] = comparisons[i][j].tested() ? family.size() : -1;
          if (comparisons[i][j].tested()) {
            family.add(comparisons[i][j]);
          }
        }
      }
    }
    double[] adjusted = settings.correction().adjust(family.stream().mapToDouble(c -> c.test().pValue()).toArray());

    List<LeaderboardView.Row> rows = new ArrayList<>();
    List<List<ExportTable.Cell>> exportRows = new ArrayList<>();
    List<List<String>> csvRows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Cohort c = cohorts.get(i);
      List<LeaderboardView.Cell> cells = new ArrayList<>();
      String system = c.system().label() + (c.system().testSelected() ? " †" : "");
      List<ExportTable.Cell> exportRow = new ArrayList<>(List.of(ExportTable.Cell.plain(system),
          ExportTable.Cell.plain(c.role().label()), ExportTable.Cell.plain(Integer.toString(c.size()))));
      List<String> csv = new ArrayList<>(List.of(c.system().model(), c.system().variant(), c.role().label(),
          c.system().selectionRule(), Integer.toString(c.size())));
      for (int j = 0; j < metrics.size(); j++) {
        int rank = rank(means, i, j);
        String text = Double.isNaN(means[i][j]) ? "–" : Display.meanSd(means[i][j], sds[i][j], 4);
        String mark = "";
        String p = "";
        String tip = "";
        PairedComparison pc = comparisons[i][j];
        if (reference[i][j]) {
          mark = "ref";
          tip = "best baseline on " + metrics.get(j) + ": the reference of the marks in this column";
        } else if (pc != null && pc.tested()) {
          double padj = adjusted[familyIndex[i][j]];
          p = Display.p(padj);
          if (padj <= settings.alpha()) {
            mark = pc.difference() > 0 ? "▲" : "▼";
          }
          tip = pc.test().describe() + "; " + settings.correction().label() + " over " + family.size() + ": p = " + p;
        } else if (pc != null) {
          tip = "not tested: " + pc.untested();
        }
        cells.add(new LeaderboardView.Cell(text, rank == 1, rank == 2, mark, p, tip));
        String shown = text + (mark.equals("▲") || mark.equals("▼") ? mark : "");
        exportRow.add(new ExportTable.Cell(shown, rank == 1, rank == 2));
        csv.addAll(List.of(num(means[i][j]), num(sds[i][j]),
            pc != null && pc.tested() ? Double.toString(adjusted[familyIndex[i][j]]) : "", mark));
      }
      String bestEpoch = bestEpoch(c);
      String spe = Display.fixed(c.mean(Measure.of(Measure.Kind.SECONDS_PER_EPOCH)), 3);
      exportRow.add(ExportTable.Cell.plain(bestEpoch));
      exportRow.add(ExportTable.Cell.plain(spe));
      csv.addAll(List.of(bestEpoch, spe));
      rows.add(new LeaderboardView.Row(system, c.role().label(), c.system().testSelected(),
          String.join("; ", c.configLabels()), c.size(), cells, bestEpoch, spe));
      exportRows.add(exportRow);
      csvRows.add(csv);
    }
    String anchor = "lb-" + Display.anchor(s.dataset() + "-" + s.protocol() + "-" + s.mode() + (ruleInName
        ? "-" + Integer.toHexString(s.rule().hashCode()) : ""));
    String testNote = family.isEmpty() ? "no significance marks: no baseline, or no pair could be tested"
        : String.format(Locale.ROOT, "▲/▼: %s of each %s against the best baseline of the column, two-sided, %s over"
            + " the %d comparisons of this leaderboard, α = %s", settings.leaderboardTest().description(),
            anyProposed ? "proposed system" : "other baseline",
            settings.correction().label(), family.size(), settings.alpha());
    List<String> header = new ArrayList<>(List.of("System", "Role", "Seeds"));
    header.addAll(metrics);
    header.addAll(List.of("Best epoch", "s/epoch"));
    List<String> csvHeader = new ArrayList<>(List.of("model", "variant", "role", "selection_rule", "seeds"));
    for (String m : metrics) {
      csvHeader.addAll(List.of(m + " mean", m + " sd", m + " p_adjusted", m + " mark"));
    }
    csvHeader.addAll(List.of("best_epoch_median", "seconds_per_epoch"));
    ExportTable export = new ExportTable("leaderboard-" + anchor.substring(3), "Leaderboard: " + s.title() + (s.rule().isEmpty() ? "" : " (" + s.rule() + ")"), header,
        exportRows, csvHeader, csvRows);
    return new LeaderboardView(anchor, s.title(), s.dataset(), s.protocol(), s.mode(), s.rule(), metrics, rows,
        testNote, export);
  }

  /** The configured metrics the cohorts have, or all their metrics in the field's usual order. */
  private List<String> metrics(List<Cohort> cohorts) {
    Set<String> present = new TreeSet<>();
    cohorts.forEach(c -> c.runs().forEach(r -> present.addAll(r.testMetrics().keySet())));
    List<String> chosen = settings.leaderboardMetrics().stream().filter(present::contains).toList();
    return chosen.isEmpty() ? MetricNames.sorted(present) : chosen;
  }

  /** 1 for the largest mean in column j, 2 for the next distinct value, 0 otherwise (or NaN). */
  private static int rank(double[][] means, int i, int j) {
    if (Double.isNaN(means[i][j])) {
      return 0;
    }
    Set<Double> distinct = new TreeSet<>((a, b) -> Double.compare(b, a));
    for (double[] row : means) {
      if (!Double.isNaN(row[j])) {
        distinct.add(row[j]);
      }
    }
    List<Double> order = new ArrayList<>(distinct);
    int k = order.indexOf(means[i][j]);
    return k < 2 ? k + 1 : 0;
  }

  private static String bestEpoch(Cohort c) {
    int[] epochs = c.runs().stream().mapToInt(r -> r.training().bestEpoch()).filter(e -> e >= 0).sorted().toArray();
    if (epochs.length == 0) {
      return "–";
    }
    int k = epochs.length;
    double median = k % 2 == 1 ? epochs[k / 2] : (epochs[k / 2 - 1] + epochs[k / 2]) / 2.0;
    return median == Math.rint(median) ? Long.toString((long) median + 1) : Display.fixed(median + 1, 1);
  }

  private static double[] defined(double[] v) {
    return Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
