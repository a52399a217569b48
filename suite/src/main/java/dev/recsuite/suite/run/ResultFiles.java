package dev.recsuite.suite.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Reads and writes run records as JSON. Writes are atomic: the bytes go to a temporary file in the same
 * folder, are forced to disk, and the file is renamed into place, so a reader (or a run killed at any
 * moment) never sees a partial result.
 */
public final class ResultFiles {
  private ResultFiles() {}

  public static ObjectMapper json() {
    return new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // NaN is written as the string "NaN" and read back
  }

  public static void writeAtomically(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
      try {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
          ch.write(java.nio.ByteBuffer.wrap(bytes));
          ch.force(true);
        }
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          throw new IOException("the file system of " + file.getParent() + " cannot rename atomically", e);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public static void write(Path file, RunRecord record) {
    try {
      writeAtomically(file, json().writeValueAsBytes(record));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise run " + record.id() + ": " + e.getMessage(), e);
    }
  }

  public static RunRecord read(Path file) {
    try {
      return json().readValue(file.toFile(), RunRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read run record " + file + ": " + e.getMessage(), e);
    }
  }
}
