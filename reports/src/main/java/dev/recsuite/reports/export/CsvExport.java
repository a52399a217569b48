package dev.recsuite.reports.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a table's data shape as RFC 4180 CSV (Apache Commons CSV), with a header row. */
public final class CsvExport {
  private CsvExport() {}

  public static String of(ExportTable t) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(
        t.csvHeader().toArray(String[]::new)).build())) {
      for (List<String> row : t.csvRows()) {
        p.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
