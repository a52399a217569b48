package dev.recsuite.reports.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.reports.ReportView;
import dev.recsuite.reports.ReportWriter;
import dev.recsuite.reports.SampleReportAccess;
import dev.recsuite.reports.leaderboard.LeaderboardView;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and LaTeX exports: the same tables as the page, written beside it. */
class ExportTest {

  private static final ExportTable SMALL = new ExportTable("small", "A & B: 50% of #1_x", List.of("System", "NDCG@10"),
      List.of(List.of(ExportTable.Cell.plain("A†"), new ExportTable.Cell("0.0612 ± 0.0011▲", true, false)),
          List.of(ExportTable.Cell.plain("B"), new ExportTable.Cell("0.0598 ± 0.0009", false, true))),
      List.of("system", "mean"), List.of(List.of("A, the \"first\"", "0.0612"), List.of("B", "0.0598")));

  @Test
  void csvRoundTripsThroughCommonsCsv() throws Exception {
    try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(CsvExport.of(SMALL)))) {
      List<CSVRecord> rows = p.getRecords();
      assertEquals(List.of("system", "mean"), p.getHeaderNames());
      assertEquals("A, the \"first\"", rows.get(0).get("system"));
      assertEquals("0.0598", rows.get(1).get("mean"));
    }
  }

  @Test
  void latexEscapesTextAndMarksBestAndSecond() {
    String tex = LatexExport.of(SMALL);
    assertTrue(tex.contains("\\caption{A \\& B: 50\\% of \\#1\\_x}"), tex);
    assertTrue(tex.contains("A$^\\dagger$ & \\textbf{0.0612 $\\pm$ 0.0011$^\\blacktriangle$} \\\\"), tex);
    assertTrue(tex.contains("B & \\underline{0.0598 $\\pm$ 0.0009} \\\\"), tex);
    assertTrue(tex.contains("\\begin{tabular}{lr}"), tex);
  }

  @Test
  void aRowOfTheWrongWidthIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ExportTable("bad", "", List.of("a", "b"),
        List.of(List.of(ExportTable.Cell.plain("x"))), List.of("a"), List.of()));
  }

  @Test
  void theWriterPutsEveryTableBesideThePageAsCsvAndLatex(@TempDir Path dir) throws Exception {
    ReportView view = SampleReportAccess.view();
    Path html = dir.resolve("out.html");
    ReportWriter.write(view, html);
    Path folder = dir.resolve("out-tables");
    String all = Files.readString(folder.resolve("tables.tex"));
    for (ExportTable t : view.exports()) {
      assertTrue(Files.exists(folder.resolve(t.name() + ".csv")), t.name());
      assertTrue(all.contains("\\input{" + t.name() + "}"), t.name());
    }
    // The leaderboard CSV holds the same means as the page, at full precision.
    LeaderboardView lb = view.sections().get(0).leaderboard();
    try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(Files.newBufferedReader(folder.resolve(lb.export().name() + ".csv")))) {
      List<CSVRecord> rows = p.getRecords();
      assertEquals(lb.rows().size(), rows.size());
      for (int i = 0; i < rows.size(); i++) {
        String shown = lb.rows().get(i).cells().get(0).text();
        double mean = Double.parseDouble(rows.get(i).get("Recall@10 mean"));
        assertEquals(shown.split(" ")[0], String.format(java.util.Locale.ROOT, "%.4f", mean));
      }
    }
    assertTrue(Files.readString(html).contains("href=\"out-tables/" + lb.export().name() + ".csv\""));
  }
}
