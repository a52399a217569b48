package dev.recsuite.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Renders the sample report (synthetic runs, all papers) to {@code target/sample-report/report.html}, the page
 * the README's screenshot command opens, and checks that it is one self-contained page.
 */
class SampleReportTest {
  static final Path OUT = Path.of("target", "sample-report", "report.html");

  @Test
  void sampleReportRendersAsOneSelfContainedPage() throws Exception {
    ReportView view = new ReportBuilder(ReportSettings.defaults().withTitle("recsuite sample report (synthetic runs)"))
        .build(SampleRuns.matrix());
    List<Path> written = ReportWriter.write(view, OUT);
    assertTrue(written.contains(OUT.toAbsolutePath()));
    String html = Files.readString(OUT);
    Document doc = Jsoup.parse(html);

    assertEquals(5, doc.select("table.lb").size(), "one leaderboard per dataset × protocol × mode");
    assertEquals(5, doc.select("section#papers > div.paper").size(), "one view per paper");
    assertTrue(doc.select("script").isEmpty(), "no JavaScript");
    assertTrue(doc.select("link[rel=stylesheet], img, iframe, object").isEmpty(), "nothing fetched");
    for (Element e : doc.select("[href], [src]")) {
      String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
      assertFalse(ref.contains("://"), "no network reference: " + ref);
    }
    assertFalse(html.contains("${"), "no unresolved template expression");
    assertTrue(doc.select("svg").size() >= 10, "plots are inline SVG");
    assertTrue(Files.exists(OUT.toAbsolutePath().resolveSibling("report-tables").resolve("tables.tex")));
  }
}
