package dev.recsuite.protocols.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads time-ordered sequence files without timestamps; the result has {@link Chronology#ORDERED}.
 * <ul>
 *   <li>S3Rec/ICLRec format: one line per user, {@code user item1 item2 ...}, items in time order.</li>
 *   <li>SASRec format: one {@code user item} pair per line, each user's lines in time order.</li>
 * </ul>
 * Both formats use integer ids; a token that is not an integer is rejected as corruption.
 */
public final class SequenceFileReader {
  private SequenceFileReader() {}

  public static Dataset readS3Rec(String name, Path file) {
    DatasetBuilder b = new DatasetBuilder(name, DatasetBuilder.IdPolicy.MAPPED, false, false, false, false);
    forEachLine(file, (lineNo, line) -> {
      String[] f = line.strip().split("\\s+");
      if (f.length < 2) {
        throw new DataFormatException(file, lineNo, "expected 'user item1 item2 ...', found " + f.length + " field(s)");
      }
      String user = Fields.integerId(file, lineNo, "user", f[0]);
      for (int k = 1; k < f.length; k++) {
        b.add(user, Fields.integerId(file, lineNo, "item", f[k]), 0f, 0L, 0, null);
      }
    });
    return b.build(Chronology.ORDERED);
  }

  public static Dataset readSasRec(String name, Path file) {
    DatasetBuilder b = new DatasetBuilder(name, DatasetBuilder.IdPolicy.MAPPED, false, false, false, false);
    forEachLine(file, (lineNo, line) -> {
      String[] f = line.strip().split("\\s+");
      if (f.length != 2) {
        throw new DataFormatException(file, lineNo, "expected 'user item', found " + f.length + " field(s)");
      }
      b.add(Fields.integerId(file, lineNo, "user", f[0]), Fields.integerId(file, lineNo, "item", f[1]), 0f, 0L, 0, null);
    });
    return b.build(Chronology.ORDERED);
  }

  interface LineHandler {
    void accept(long lineNo, String line);
  }

  static void forEachLine(Path file, LineHandler h) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (!line.isBlank()) {
          h.accept(lineNo, line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
