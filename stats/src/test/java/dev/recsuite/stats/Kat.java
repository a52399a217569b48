package dev.recsuite.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Known-answer files under {@code src/test/resources/kat/}, written by {@code src/test/python/generate_kat.py}.
 * Every row names its source library, the exact call and the versions in its last three columns.
 */
public final class Kat {
  private Kat() {}

  /** The rows of {@code kat/<name>}, header excluded; fails if the file lacks the provenance columns. */
  public static List<CSVRecord> rows(String name) {
    try (InputStream in = Kat.class.getResourceAsStream("/kat/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource kat/" + name);
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
          .parse(reader).getRecords();
      assertTrue(!rows.isEmpty() && rows.get(0).isMapped("source") && rows.get(0).isMapped("command")
          && rows.get(0).isMapped("version"), "kat/" + name + " needs source, command and version columns");
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A space-separated vector cell ("0.1 0.2 inf"), parsed with Python's spellings of the infinities. */
  public static double[] vector(String cell) {
    return Arrays.stream(cell.trim().split(" ")).mapToDouble(Kat::number).toArray();
  }

  /** A number cell as Python's repr writes it ("inf", "-inf" and "nan" included). */
  public static double number(String cell) {
    return switch (cell) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(cell);
    };
  }

  /** Where a row came from, for assertion messages: "kat/x.csv case=…: scipy.stats.…(…) [scipy 1.17.1, …]". */
  public static String provenance(CSVRecord row) {
    return "row " + row.getRecordNumber() + " (" + row.get(0) + "): " + row.get("command") + " [" + row.get("version")
        + "]";
  }

  /** |actual − expected| ≤ relTol · |expected| (exact equality for infinities and zero). */
  public static void assertRelative(double expected, double actual, double relTol, String message) {
    if (Double.isInfinite(expected) || expected == 0) {
      assertEquals(expected, actual, 0.0, message);
    } else {
      assertEquals(expected, actual, relTol * Math.abs(expected), message);
    }
  }
}
