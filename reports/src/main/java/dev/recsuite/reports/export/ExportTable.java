package dev.recsuite.reports.export;

import java.util.List;

/**
 * A report table in the two shapes it is exported in: as displayed (for LaTeX: header rows and styled cells,
 * one row per printed row) and as data (for CSV: one column per quantity, numbers at full precision).
 *
 * @param name file name stem, e.g. {@code leaderboard-amazon-baby-leave-one-out-full}
 * @param caption the table's title
 * @param header the displayed column headers (one row)
 * @param rows the displayed cells
 * @param csvHeader the data columns
 * @param csvRows the data rows
 */
public record ExportTable(String name, String caption, List<String> header, List<List<Cell>> rows,
    List<String> csvHeader, List<List<String>> csvRows) {

  public ExportTable {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    csvHeader = List.copyOf(csvHeader);
    csvRows = csvRows.stream().map(List::copyOf).toList();
    for (List<Cell> r : rows) {
      if (r.size() != header.size()) {
        throw new IllegalArgumentException(name + ": a displayed row has " + r.size() + " cells for " + header.size()
            + " columns");
      }
    }
    for (List<String> r : csvRows) {
      if (r.size() != csvHeader.size()) {
        throw new IllegalArgumentException(name + ": a CSV row has " + r.size() + " fields for " + csvHeader.size()
            + " columns");
      }
    }
  }

  /** A displayed cell: its text and whether it is bold (best) or underlined (second best). */
  public record Cell(String text, boolean bold, boolean underline) {
    public static Cell plain(String text) {
      return new Cell(text, false, false);
    }
  }
}
