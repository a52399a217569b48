package dev.recsuite.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.recsuite.reports.html.HtmlRenderer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same runs give the same page, whatever order they arrive in. */
class DeterminismTest {
  @Test
  void sameRunsInAnotherOrderGiveTheSameHtml() {
    List<dev.recsuite.reports.input.RunSummary> shuffled = new ArrayList<>(SampleReport.RUNS);
    Collections.reverse(shuffled);
    String again = new HtmlRenderer().render(new ReportBuilder(ReportSettings.defaults()).build(shuffled),
        "report-tables");
    String[] a = SampleReport.HTML.split("\n");
    String[] b = again.split("\n");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      assertEquals(a[i], b[i], "line " + (i + 1));
    }
    assertEquals(a.length, b.length);
  }
}
