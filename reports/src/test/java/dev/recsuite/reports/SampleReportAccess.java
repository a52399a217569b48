package dev.recsuite.reports;

import org.jsoup.nodes.Document;

/** Access to the once-built sample report from tests in other packages. */
public final class SampleReportAccess {
  private SampleReportAccess() {}

  public static Document document() {
    return SampleReport.DOC;
  }

  public static ReportView view() {
    return SampleReport.VIEW;
  }

  public static String html() {
    return SampleReport.HTML;
  }
}
