package dev.recsuite.reports.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.reports.ReportBuilder;
import dev.recsuite.reports.ReportSettings;
import dev.recsuite.reports.ReportView;
import dev.recsuite.reports.html.HtmlRenderer;
import dev.recsuite.reports.reference.ReferenceData;
import dev.recsuite.reports.results.ResultIndex;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The cells of a paper table: reproduced mean, interval, difference, colour, marks, on the toy paper. */
class PaperCellTest {
  private static final ReferenceData REFERENCE = new ReferenceData();
  private static final PaperSpec TOY = new PaperSpecLoader(REFERENCE).load("papers-test/toy.yaml");
  /** scipy.stats.t.ppf(0.975, 4), SciPy 1.17.1. */
  private static final double T_975_4 = 2.7764451051977987;

  private static PaperTable table(double tolerance) {
    PaperView v = new PaperViewBuilder(REFERENCE, ReportSettings.defaults().interval(), tolerance).build(TOY,
        ResultIndex.of(ToyRuns.all()));
    return v.tables().get(0);
  }

  /** Cell of (dataset row, model row, metric column) in the toy table: rows D/A, D/B, D/C, Gone/A. */
  private static PaperTable.Cell cell(PaperTable t, int row, String metric) {
    List<String> metrics = List.of("R@10", "T", "G");
    return t.rows().get(row).cells().get(metrics.indexOf(metric));
  }

  @Test
  void reproducedMeanAndStudentIntervalAcrossSeeds() {
    PaperTable.Cell a = cell(table(0.05), 0, "R@10");
    double mean = 0;
    for (double x : ToyRuns.A_RECALL) {
      mean += x;
    }
    mean /= 5;
    double ss = 0;
    for (double x : ToyRuns.A_RECALL) {
      ss += (x - mean) * (x - mean);
    }
    double half = T_975_4 * Math.sqrt(ss / 4) / Math.sqrt(5);
    assertEquals("0.0500", a.reported());
    assertTrue(a.reportedBest());
    assertEquals(String.format(Locale.ROOT, "%.4f", mean), a.reproduced());
    assertEquals(String.format(Locale.ROOT, "[%.4f, %.4f]", mean - half, mean + half), a.interval());
    assertEquals("+0.0%", a.difference());
    assertEquals("within", a.status());
  }

  @Test
  void statusFollowsTheToleranceAndTheInterval() {
    // B: mean 0.046 vs 0.0400 published, +15%; its interval (wide) holds 0.0400.
    PaperTable.Cell b = cell(table(0.05), 1, "R@10");
    assertEquals("+15.0%", b.difference());
    assertEquals("near", b.status());
    assertTrue(b.reportedSecond(), "underlined in the source");
    assertEquals("within", cell(table(0.20), 1, "R@10").status());
    // C: one seed, 0.020 vs 0.0300, −33%; the interval is a bootstrap over users, which does not hold 0.03.
    PaperTable.Cell c = cell(table(0.05), 2, "R@10");
    assertEquals("−33.3%", c.difference());
    assertFalse(c.interval().isEmpty(), "one seed: bootstrap interval across users");
    assertTrue(c.tooltip().contains("percentile bootstrap"), c.tooltip());
    assertEquals("outside", c.status());
    assertTrue(c.testSelected(), "C's configuration was chosen by test score");
  }

  @Test
  void timingsAreNotJudgedButShownAsRatios() {
    PaperTable.Cell t = cell(table(0.05), 0, "T");
    assertEquals("info", t.status());
    assertEquals("1.00", t.reproduced());
    assertEquals("×2.00 vs B (paper ×2.00)", t.difference());
  }

  @Test
  void relativeGainIsComputedFromTheTwoModelsMeans() {
    PaperTable.Cell g = cell(table(0.05), 0, "G");
    assertEquals("25.0%", g.reported());
    assertEquals(String.format(Locale.ROOT, "%.2f%%", 100 * (0.05 / 0.046 - 1)), g.reproduced());
  }

  @Test
  void unavailableDatasetAndUnprintedCellsAreNeverFilledIn() {
    PaperTable t = table(0.05);
    PaperTable.Cell gone = cell(t, 3, "R@10");
    assertEquals("0.0600", gone.reported());
    assertEquals("not run", gone.reproduced());
    assertEquals("notrun", gone.status());
    assertTrue(gone.tooltip().contains("dataset 'Gone' is not available"), gone.tooltip());
    PaperTable.Cell unprinted = cell(t, 2, "T");
    assertEquals("empty", unprinted.status());
    assertEquals("", unprinted.reproduced());
    assertEquals(7, t.published());
    assertEquals(6, t.reproduced());
  }

  @Test
  void theRenderedHtmlCellCarriesTheSameValues() {
    ReportView view = new ReportBuilder(ReportSettings.defaults(), REFERENCE, List.of(TOY)).build(ToyRuns.all());
    Element cell = Jsoup.parse(new HtmlRenderer().render(view, "t"))
        .select("table.paper-table[data-table=T1] tbody tr").get(2).select("td.pc").get(0);
    assertEquals("0.0300", cell.selectFirst(".reported").text());
    assertEquals("0.0200 †", cell.selectFirst(".suite").text());
    assertTrue(cell.hasClass("outside"));
  }

  @Test
  void anUndeclaredNameInAResourceFileIsAnErrorNamingFileAndKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PaperSpecLoader(REFERENCE).load("papers-test/undeclared-model.yaml"));
    assertEquals("papers-test/undeclared-model.yaml: tables[0]: model 'C' is not declared; add it to 'models' (map"
        + " it to a suite name, or to ~ when the suite has no counterpart)", e.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> new PaperSpecLoader(REFERENCE).load("papers-test/unknown-key.yaml"));
    assertTrue(unknown.getMessage().startsWith("papers-test/unknown-key.yaml: tables[0]: unknown key 'colums'"),
        unknown.getMessage());
  }

  @Test
  void everyShippedPaperFileLoads() {
    List<PaperSpec> papers = new PaperSpecLoader(REFERENCE).loadAll();
    assertEquals(List.of("Wave-DGARec", "MM-RACL-KAL", "IMECD", "SD-MTMP", "USERec"),
        papers.stream().map(PaperSpec::paper).toList());
    assertEquals(4, papers.get(0).tables().size());
    assertEquals(List.of("leave-one-out", "shipped"), papers.get(0).protocols().stream()
        .map(PaperSpec.Protocol::name).toList());
  }
}
