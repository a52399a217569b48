package dev.recsuite.protocols.lock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 of files and of whole folders, as pinned in {@code datasets.lock}. */
public final class FileDigest {
  private FileDigest() {}

  /** What a pinned folder looks like on disk; see {@link LockEntry.LockedDirectory} for the hash rule. */
  public record DirectoryDigest(int files, long bytes, String sha256) {}

  public static String sha256(Path file) {
    MessageDigest md = newDigest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Hashes the {@code sha256sum} listing ("HASH  relative/path\n" per file, sorted by path in byte order)
   * of every regular file under {@code dir}, with paths relative to {@code base}.
   */
  public static DirectoryDigest digestDirectory(Path base, Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted((a, b) -> compareBytes(rel(base, a), rel(base, b))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    MessageDigest md = newDigest();
    long bytes = 0;
    for (Path f : files) {
      md.update((sha256(f) + "  " + rel(base, f) + "\n").getBytes(StandardCharsets.UTF_8));
      try {
        bytes += Files.size(f);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stat " + f + ": " + e.getMessage(), e);
      }
    }
    return new DirectoryDigest(files.size(), bytes, HexFormat.of().formatHex(md.digest()));
  }

  private static String rel(Path base, Path f) {
    return base.relativize(f).toString().replace('\\', '/');
  }

  private static int compareBytes(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.compareUnsigned(x, y);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
