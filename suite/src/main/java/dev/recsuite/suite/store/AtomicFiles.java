package dev.recsuite.suite.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either nothing or all of it, even if the process is killed with
 * SIGKILL at any instruction: the bytes go to a hidden temporary file in the same folder ({@code .NAME.*.tmp}),
 * are forced to disk, the file is renamed over the target (atomic on POSIX file systems), and the folder is
 * forced so the rename survives a crash. A kill before the rename leaves only a temporary file, which
 * {@link RunStore} ignores.
 */
public final class AtomicFiles {
  /** Suffix of the temporary files; a leftover one is the trace of a killed writer and is ignored. */
  public static final String TEMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  public static void write(Path file, byte[] bytes) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", TEMP_SUFFIX);
      try {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
          ByteBuffer b = ByteBuffer.wrap(bytes);
          while (b.hasRemaining()) {
            ch.write(b);
          }
          ch.force(true);
        }
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          throw new IOException("the file system of " + dir + " cannot rename atomically", e);
        }
        forceDirectory(dir);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Makes the rename durable (POSIX: fsync the folder); a no-op where folders cannot be opened. */
  private static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows and some file systems do not allow it; the rename itself is still atomic.
    }
  }
}
