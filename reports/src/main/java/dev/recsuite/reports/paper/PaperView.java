package dev.recsuite.reports.paper;

import dev.recsuite.reports.claims.ClaimView;
import dev.recsuite.reports.reference.ReferenceData;
import java.util.List;

/**
 * One paper's section of the report: what it is, the protocols it is reproduced under, its name mapping, its
 * tables beside the suite's values, its claims, and what it refers to without numbers.
 */
public record PaperView(String anchor, String paper, String title, String citation, String source, String hardware,
    String significance, List<ProtocolRow> protocols, List<MappingRow> datasets, List<PaperTable> tables,
    List<ClaimView> claims, List<ReferenceData.MissingItem> missing, List<String> notes) {

  /** A protocol with the number of runs on the paper's datasets under it. */
  public record ProtocolRow(String name, String note, int runs) {}

  /** A paper dataset and the suite dataset it maps to ("" when unavailable). */
  public record MappingRow(String paperName, String suiteName) {}
}
