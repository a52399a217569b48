package dev.recsuite.reports.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The published numbers, read from the copies of {@code ../shared/reference/*.csv} under the classpath folder
 * {@code reference/}. Nothing here retypes a number: every value a paper view prints comes from these rows.
 */
public final class ReferenceData {
  static final String FOLDER = "reference/";
  private static final List<String> COLUMNS = List.of("paper", "table", "dataset", "model", "metric", "value", "unit",
      "raw_text", "marker_in_text", "best_computed", "second_best_computed", "notes", "source");
  private static final List<String> MISSING_COLUMNS = List.of("paper", "item", "kind", "status_in_seed_text",
      "what_the_text_says_instead", "recovered_from_public_sources");

  private final Map<String, List<ReferenceValue>> files = new LinkedHashMap<>();

  /** Reads {@code reference/<file>} (cached). */
  public List<ReferenceValue> file(String file) {
    return files.computeIfAbsent(file, ReferenceData::read);
  }

  /** Rows of {@code file} for one paper and, unless {@code table} is "*", one table. */
  public List<ReferenceValue> rows(String file, String paper, String table) {
    List<ReferenceValue> out = new ArrayList<>();
    for (ReferenceValue v : file(file)) {
      if (v.paper().equals(paper) && ("*".equals(table) || v.table().equals(table))) {
        out.add(v);
      }
    }
    return out;
  }

  /** {@code missing_tables_and_figures.csv}: what each paper refers to without giving numbers. */
  public List<MissingItem> missing(String paper) {
    List<MissingItem> out = new ArrayList<>();
    try (CSVParser p = parse("missing_tables_and_figures.csv", MISSING_COLUMNS)) {
      for (CSVRecord r : p) {
        if (r.get("paper").equals(paper)) {
          out.add(new MissingItem(r.get("item"), r.get("kind"), r.get("status_in_seed_text"),
              r.get("what_the_text_says_instead")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(FOLDER + "missing_tables_and_figures.csv: " + e.getMessage(), e);
    }
    return out;
  }

  /** A table or figure that a paper refers to; {@code says} is what its text states instead of numbers. */
  public record MissingItem(String item, String kind, String status, String says) {}

  private static List<ReferenceValue> read(String file) {
    List<ReferenceValue> out = new ArrayList<>();
    try (CSVParser p = parse(file, COLUMNS)) {
      for (CSVRecord r : p) {
        long line = r.getRecordNumber() + 1;
        String value = r.get("value").trim();
        try {
          Double.parseDouble(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(FOLDER + file + ":" + line + ": value '" + value
              + "' is not a number; expected a decimal such as 0.0382", e);
        }
        out.add(new ReferenceValue(file, line, r.get("paper"), r.get("table"), r.get("dataset"), r.get("model"),
            r.get("metric"), value, r.get("unit"), r.get("raw_text"), r.get("marker_in_text"),
            "yes".equals(r.get("best_computed")), "yes".equals(r.get("second_best_computed")), r.get("notes"),
            r.get("source")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(FOLDER + file + ": " + e.getMessage(), e);
    }
    return List.copyOf(out);
  }

  private static CSVParser parse(String file, List<String> columns) throws IOException {
    InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(FOLDER + file);
    if (in == null) {
      throw new IllegalArgumentException(FOLDER + file + ": no such reference file on the classpath (copy it from"
          + " ../shared/reference/)");
    }
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
    Set<String> header = p.getHeaderMap().keySet();
    if (!header.containsAll(columns)) {
      List<String> missing = new ArrayList<>(columns);
      missing.removeAll(header);
      p.close();
      throw new IllegalArgumentException(FOLDER + file + ":1: header lacks column(s) " + missing + "; expected "
          + columns);
    }
    return p;
  }
}
