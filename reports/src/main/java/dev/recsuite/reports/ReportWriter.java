package dev.recsuite.reports;

import dev.recsuite.reports.export.CsvExport;
import dev.recsuite.reports.export.ExportTable;
import dev.recsuite.reports.export.LatexExport;
import dev.recsuite.reports.html.HtmlRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a report: the self-contained HTML page, and beside it a folder {@code <name>-tables/} with every table
 * as CSV and as LaTeX, plus {@code tables.tex} that inputs them all. Each file is written to a temporary file and
 * renamed into place, so a reader never sees half a report.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Writes {@code html} and its tables folder; returns every path written. */
  public static List<Path> write(ReportView view, Path html) {
    Path abs = html.toAbsolutePath();
    String stem = abs.getFileName().toString().replaceFirst("\\.html?$", "");
    Path folder = abs.resolveSibling(stem + "-tables");
    List<Path> written = new ArrayList<>();
    StringBuilder all = new StringBuilder("% every table of the report; needs \\usepackage{booktabs,amssymb}\n");
    for (ExportTable t : view.exports()) {
      written.add(atomically(folder.resolve(t.name() + ".csv"), CsvExport.of(t)));
      written.add(atomically(folder.resolve(t.name() + ".tex"), LatexExport.of(t)));
      all.append("\\input{").append(t.name()).append("}\n");
    }
    written.add(atomically(folder.resolve("tables.tex"), all.toString()));
    written.add(atomically(abs, new HtmlRenderer().render(view, folder.getFileName().toString())));
    return written;
  }

  private static Path atomically(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      // Not Files.createTempFile: its owner-only permissions would stay on the renamed file.
      Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
