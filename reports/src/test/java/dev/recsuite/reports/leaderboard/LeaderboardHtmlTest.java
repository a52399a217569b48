package dev.recsuite.reports.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.reports.Display;
import dev.recsuite.reports.ReportBuilder;
import dev.recsuite.reports.ReportSettings;
import dev.recsuite.reports.SampleReportAccess;
import dev.recsuite.reports.SampleRuns;
import dev.recsuite.reports.html.HtmlRenderer;
import dev.recsuite.reports.input.RunSummary;
import dev.recsuite.stats.correction.Correction;
import dev.recsuite.stats.paired.Alternative;
import dev.recsuite.stats.paired.PairedTTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Reads rendered leaderboards back with jsoup and checks every cell against the input runs. */
class LeaderboardHtmlTest {

  @Test
  void everyCellShowsMeanAndSdOverSeedsOfTheInputRuns() {
    List<RunSummary> runs = SampleRuns.matrix();
    Document doc = SampleReportAccess.document();
    int checked = 0;
    for (Element table : doc.select("table.lb")) {
      String dataset = table.attr("data-dataset");
      String protocol = table.attr("data-protocol");
      String mode = table.attr("data-mode");
      List<String> metrics = table.select("thead th[data-metric]").eachAttr("data-metric");
      assertEquals(List.of("Recall@10", "Recall@20", "NDCG@10", "NDCG@20", "HR@10", "HR@20", "MRR"), metrics);
      for (Element row : table.select("tbody tr")) {
        String system = row.attr("data-system");
        for (String metric : metrics) {
          List<Double> values = new ArrayList<>();
          for (RunSummary r : runs) {
            if (r.dataset().equals(dataset) && r.protocol().equals(protocol) && r.evaluation().mode().equals(mode)
                && r.system().label().equals(system)) {
              values.add(r.testMetrics().get(metric));
            }
          }
          assertEquals(5, values.size(), system + " " + metric);
          Element cell = row.selectFirst("td[data-metric=\"" + metric + "\"] span.value");
          assertEquals(meanSd(values), cell.text(), dataset + " " + protocol + " " + mode + " " + system + " " + metric);
          checked++;
        }
      }
    }
    assertEquals((4 * 10 + 8) * 7, checked);
  }

  @Test
  void bestIsBoldAndSecondUnderlinedPerColumn() {
    Document doc = SampleReportAccess.document();
    for (Element table : doc.select("table.lb")) {
      for (String metric : table.select("thead th[data-metric]").eachAttr("data-metric")) {
        TreeMap<Double, List<Element>> byMean = new TreeMap<>();
        for (Element span : table.select("td[data-metric=\"" + metric + "\"] span.value")) {
          double mean = Double.parseDouble(span.text().split(" ")[0]);
          byMean.computeIfAbsent(-mean, k -> new ArrayList<>()).add(span);
        }
        List<List<Element>> ranked = new ArrayList<>(byMean.values());
        ranked.get(0).forEach(e -> assertTrue(e.hasClass("best"), metric + " best: " + e.text()));
        ranked.get(1).forEach(e -> assertTrue(e.hasClass("second"), metric + " second: " + e.text()));
        ranked.subList(2, ranked.size()).forEach(l -> l.forEach(e -> assertFalse(e.hasClass("best")
            || e.hasClass("second"))));
      }
    }
  }

  /**
   * Two baselines and one proposed system on five seeds: P beats the better baseline B on every seed. The mark is
   * ▲ and the printed p is the Holm-adjusted p of the paired t-tests of P against B, one per metric.
   */
  @Test
  void marksAgainstTheBestBaselineCarryTheCorrectedPValue() {
    double[] b = {0.050, 0.052, 0.049, 0.051, 0.050};
    double[] p = {0.058, 0.061, 0.057, 0.060, 0.062};
    double[] weak = {0.030, 0.031, 0.029, 0.030, 0.032};
    List<RunSummary> runs = new ArrayList<>();
    for (int s = 0; s < 5; s++) {
      runs.add(run("B", RunSummary.Role.BASELINE, s, b[s], b[s] * 2));
      runs.add(run("W", RunSummary.Role.BASELINE, s, weak[s], weak[s] * 2));
      runs.add(run("P", RunSummary.Role.PROPOSED, s, p[s], b[s] * 2 - 0.001 * (s % 2)));
    }
    Element table = render(runs).selectFirst("table.lb");
    Element pRow = table.selectFirst("tr[data-system=P]");
    Element recall = pRow.selectFirst("td[data-metric=\"Recall@10\"]");
    Element ndcg = pRow.selectFirst("td[data-metric=\"NDCG@10\"]");

    double p1 = PairedTTest.acrossSeeds(p, b, Alternative.TWO_SIDED).pValue();
    double[] ndcgP = new double[5];
    double[] ndcgB = new double[5];
    for (int s = 0; s < 5; s++) {
      ndcgP[s] = b[s] * 2 - 0.001 * (s % 2);
      ndcgB[s] = b[s] * 2;
    }
    double p2 = PairedTTest.acrossSeeds(ndcgP, ndcgB, Alternative.TWO_SIDED).pValue();
    double[] holm = Correction.HOLM.adjust(new double[] {p1, p2});
    assertEquals("▲", recall.selectFirst(".mark-up").text());
    assertEquals("p = " + Display.p(holm[0]), recall.selectFirst(".p").text());
    assertEquals("p = " + Display.p(holm[1]), ndcg.selectFirst(".p").text());
    assertTrue(ndcg.select(".mark-up, .mark-down").isEmpty(), "not significant after correction: " + holm[1]);
    assertEquals("ref", table.selectFirst("tr[data-system=B] td[data-metric=\"Recall@10\"] .mark-ref").text());
    assertTrue(table.select("tr[data-system=W] .p").isEmpty(), "baselines are not tested when a proposed one ran");
  }

  /** The role comes from the runs: a model named like a proposed one but run as a baseline is the reference. */
  @Test
  void baselineRoleComesFromTheRunsNotTheModelName() {
    List<RunSummary> runs = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      runs.add(run("Wave-DGARec", RunSummary.Role.BASELINE, s, 0.05 + 0.001 * s, 0.1));
      runs.add(run("BPR", RunSummary.Role.PROPOSED, s, 0.03 + 0.002 * s, 0.1));
    }
    Element table = render(runs).selectFirst("table.lb");
    assertEquals("ref", table.selectFirst("tr[data-system=Wave-DGARec] .mark-ref").text());
    assertFalse(table.select("tr[data-system=BPR] .p").isEmpty());
  }

  private static RunSummary run(String model, RunSummary.Role role, int seed, double recall, double ndcg) {
    return new RunSummary(model + seed, "d", "leave-one-out", new RunSummary.Evaluation("full", "", null), model, "",
        "", role, seed, "fixed", Map.of("Recall@10", recall, "NDCG@10", ndcg), null, null, null, null, null);
  }

  private static Document render(List<RunSummary> runs) {
    return Jsoup.parse(new HtmlRenderer().render(new ReportBuilder(ReportSettings.defaults()).build(runs), "t"));
  }

  /** mean ± sd (n − 1) to 4 decimals, computed here independently of the report. */
  private static String meanSd(List<Double> v) {
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.size();
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return String.format(Locale.ROOT, "%.4f ± %.4f", mean, Math.sqrt(ss / (v.size() - 1)));
  }
}
