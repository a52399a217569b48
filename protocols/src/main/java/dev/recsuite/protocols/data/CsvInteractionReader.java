package dev.recsuite.protocols.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads interactions from a delimited file with a header, through Apache Commons CSV (quoting and embedded
 * delimiters handled by the library). MovieLens {@code ratings.csv} is this reader with the columns
 * {@code userId, movieId, rating, timestamp}.
 *
 * @param delimiter field delimiter
 * @param userColumn header name of the user id column
 * @param itemColumn header name of the item id column
 * @param ratingColumn header name of the rating column, or null
 * @param timestampColumn header name of the Unix-time column, or null
 */
public record CsvInteractionReader(char delimiter, String userColumn, String itemColumn, String ratingColumn,
    String timestampColumn) {

  public static CsvInteractionReader movieLensRatings() {
    return new CsvInteractionReader(',', "userId", "movieId", "rating", "timestamp");
  }

  public Dataset read(String name, Path file) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).build();
    boolean hasTime = timestampColumn != null;
    DatasetBuilder b = new DatasetBuilder(name, DatasetBuilder.IdPolicy.MAPPED, ratingColumn != null, hasTime, false, false);
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
      for (String col : new String[] {userColumn, itemColumn, ratingColumn, timestampColumn}) {
        if (col != null && !parser.getHeaderMap().containsKey(col)) {
          throw new DataFormatException(file, 1, "header has no column '" + col + "'; found " + parser.getHeaderNames());
        }
      }
      for (CSVRecord rec : parser) {
        long line = rec.getParser().getCurrentLineNumber();
        if (!rec.isConsistent()) {
          throw new DataFormatException(file, line, "expected " + parser.getHeaderNames().size() + " fields, found " + rec.size());
        }
        float rating = ratingColumn != null ? Fields.parseFloat(file, line, ratingColumn, rec.get(ratingColumn)) : 0f;
        long ts = hasTime ? Fields.parseTimestamp(file, line, rec.get(timestampColumn)) : 0L;
        b.add(rec.get(userColumn).strip(), rec.get(itemColumn).strip(), rating, ts, 0, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return b.build(hasTime ? Chronology.TIMESTAMPS : Chronology.NONE);
  }
}
