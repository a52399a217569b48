package dev.recsuite.reports.paper;

import dev.recsuite.reports.export.ExportTable;
import java.util.List;

/**
 * One paper table as the report prints it under one protocol: header rows as printed (with spanning group
 * headers), row labels with their spans, and a cell per printed value.
 *
 * @param anchor the HTML id
 * @param protocol the suite protocol the reproduced values come from ("" for protocol-independent tables)
 * @param fixedNote dimensions that are constant in the table, e.g. "Dataset: Amazon-Fashion (not available)"
 * @param published how many published values the table prints
 * @param reproduced how many of them the suite reproduced
 */
public record PaperTable(String anchor, String id, String caption, String protocol, String protocolNote,
    String fixedNote, List<List<HeaderCell>> header, List<Row> rows, int published, int reproduced,
    ExportTable export) {

  /** A header or row-label cell. {@code sub} is a second, smaller line (e.g. the suite dataset it maps to). */
  public record HeaderCell(String text, String sub, int colspan, int rowspan) {}

  /**
   * @param labels the row-label cells to print on this row (outer labels only on the first row they span)
   * @param attributes printed text columns
   * @param source the paper line of the row's number, for prose tables ("" otherwise)
   */
  public record Row(List<HeaderCell> labels, List<String> attributes, List<Cell> cells, String source) {}

  /**
   * One printed value beside the suite's.
   *
   * @param reported the published value as printed ("" when the paper printed none here)
   * @param reportedBest the value is the table's best in its column group (computed by the transcriber)
   * @param reportedSecond second best (underlined in the paper, or computed)
   * @param reproduced the suite's mean in the paper's unit, or "not run"
   * @param interval the confidence interval, "[lo, hi]", or ""
   * @param difference the relative difference to the published value, or a ratio for hardware-dependent cells
   * @param status within, near (outside the tolerance but inside the interval), outside, info (not judged),
   *     notrun, nopub (no published value), empty
   * @param tooltip where the published value comes from and what ran
   */
  public record Cell(String reported, boolean reportedBest, boolean reportedSecond, String reproduced,
      String interval, String difference, String status, String tooltip, boolean testSelected) {}
}
