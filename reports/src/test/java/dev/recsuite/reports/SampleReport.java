package dev.recsuite.reports;

import dev.recsuite.reports.html.HtmlRenderer;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The sample report, built once per test JVM: its input runs, view, HTML and parsed document. */
final class SampleReport {
  static final List<dev.recsuite.reports.input.RunSummary> RUNS = SampleRuns.matrix();
  static final ReportView VIEW = new ReportBuilder(ReportSettings.defaults()).build(RUNS);
  static final String HTML = new HtmlRenderer().render(VIEW, "report-tables");
  static final Document DOC = Jsoup.parse(HTML);

  private SampleReport() {}
}
