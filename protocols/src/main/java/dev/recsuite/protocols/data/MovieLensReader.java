package dev.recsuite.protocols.data;

import java.nio.file.Path;

/** GroupLens MovieLens files: ML-100K {@code u.data} and ml-latest {@code ratings.csv}. */
public final class MovieLensReader {
  private MovieLensReader() {}

  /** {@code u.data}: tab-separated {@code user item rating timestamp}, no header. */
  public static Dataset readUData(String name, Path file) {
    DatasetBuilder b = new DatasetBuilder(name, DatasetBuilder.IdPolicy.MAPPED, true, true, false, false);
    SequenceFileReader.forEachLine(file, (lineNo, line) -> {
      String[] f = line.split("\t", -1);
      if (f.length != 4) {
        throw new DataFormatException(file, lineNo, "expected 4 tab-separated fields (user, item, rating, timestamp), found " + f.length);
      }
      b.add(Fields.integerId(file, lineNo, "user", f[0]), Fields.integerId(file, lineNo, "item", f[1]),
          Fields.parseFloat(file, lineNo, "rating", f[2]), Fields.parseTimestamp(file, lineNo, f[3]), 0, null);
    });
    return b.build(Chronology.TIMESTAMPS);
  }

  /** {@code ratings.csv}: header {@code userId,movieId,rating,timestamp}. */
  public static Dataset readRatingsCsv(String name, Path file) {
    return CsvInteractionReader.movieLensRatings().read(name, file);
  }
}
