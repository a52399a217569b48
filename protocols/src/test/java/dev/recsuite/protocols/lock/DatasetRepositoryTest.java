package dev.recsuite.protocols.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.api.UnavailableException;
import dev.recsuite.protocols.data.DataFormatException;
import dev.recsuite.protocols.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock is enforced: files, statistics and content are checked, and every mismatch shows both values. */
class DatasetRepositoryTest {
  private static final String INTER = "userID\titemID\tx_label\n0\t0\t0\n0\t1\t1\n1\t1\t0\n1\t2\t2\n";

  @TempDir
  Path home;
  Path data;

  @BeforeEach
  void setUp() throws IOException {
    data = home.resolve("src").resolve("tiny");
    Files.createDirectories(data);
    Files.writeString(data.resolve("tiny.inter"), INTER);
  }

  private DatasetRepository repo(String expected, String sha, long size) throws IOException {
    String lock = """
        version: 1
        datasets:
          tiny:
            format: mmrec
            dir: tiny
            files:
              - {path: tiny.inter, size: %d, sha256: %s}
            layout: {interactions: tiny.inter}
            expected: %s
        """.formatted(size, sha, expected);
    Files.writeString(home.resolve("datasets.lock"), lock);
    return new DatasetRepository(home, DatasetsLock.read(home.resolve("datasets.lock")), List.of(home.resolve("src")));
  }

  private String sha() {
    return FileDigest.sha256(data.resolve("tiny.inter"));
  }

  @Test
  void loadsWhenEverythingMatches() throws IOException {
    Dataset d = repo("{users: 2, items: 3, interactions: 4}", sha(), INTER.length()).load("tiny");
    assertEquals(4, d.nInteractions());
  }

  @Test
  void hashMismatchNamesTheFileAndShowsBothValues() throws IOException {
    String locked = sha();
    DatasetRepository r = repo("{users: 2, items: 3, interactions: 4}", locked, INTER.length());
    Files.writeString(data.resolve("tiny.inter"), INTER.replace("1\t2\t2", "1\t0\t2")); // same size, other bytes
    var e = assertThrows(LockMismatchException.class, () -> r.load("tiny"));
    String actual = FileDigest.sha256(data.resolve("tiny.inter"));
    assertTrue(e.getMessage().contains("tiny.inter: SHA-256 " + actual + ", datasets.lock says " + locked), e.getMessage());
  }

  @Test
  void sizeMismatchIsReportedBeforeHashing() throws IOException {
    var e = assertThrows(LockMismatchException.class, () -> repo("{users: 2, items: 3, interactions: 4}", sha(), 999).load("tiny"));
    assertTrue(e.getMessage().contains("size " + INTER.length() + " bytes, datasets.lock says 999"), e.getMessage());
  }

  @Test
  void missingFileIsReported() throws IOException {
    DatasetRepository r = repo("{users: 2, items: 3, interactions: 4}", sha(), INTER.length());
    Files.delete(data.resolve("tiny.inter"));
    var e = assertThrows(LockMismatchException.class, () -> r.load("tiny"));
    assertTrue(e.getMessage().contains("tiny.inter: missing"), e.getMessage());
  }

  @Test
  void wrongExpectedStatisticsShowBothValues() throws IOException {
    var e = assertThrows(LockMismatchException.class, () -> repo("{users: 2, items: 4, interactions: 4}", sha(), INTER.length()).load("tiny"));
    assertTrue(e.getMessage().contains("items: loaded 3, datasets.lock expects 4"), e.getMessage());
  }

  @Test
  void absentDatasetSaysHowToImportIt() throws IOException {
    DatasetRepository r = new DatasetRepository(home, repo("{users: 2, items: 3, interactions: 4}", sha(), INTER.length()).lock(), List.of(home.resolve("nowhere")));
    var e = assertThrows(UnavailableException.class, () -> r.load("tiny"));
    assertTrue(e.getMessage().contains("recsuite datasets import tiny --from DIR"), e.getMessage());
  }

  @Test
  void importVerifiesAndCopiesIntoHomeData() throws IOException {
    DatasetRepository r = repo("{users: 2, items: 3, interactions: 4}", sha(), INTER.length());
    Path target = r.importFrom("tiny", data);
    assertEquals(home.resolve("data").resolve("tiny"), target);
    assertEquals(INTER, Files.readString(target.resolve("tiny.inter")));
    assertTrue(Files.list(home.resolve("data")).noneMatch(p -> p.getFileName().toString().startsWith(".importing")));
  }

  @Test
  void importRefusesACorruptCopy() throws IOException {
    DatasetRepository r = repo("{users: 2, items: 3, interactions: 4}", sha(), INTER.length());
    Files.writeString(data.resolve("tiny.inter"), INTER + "2\t0\t0\n");
    assertThrows(LockMismatchException.class, () -> r.importFrom("tiny", data));
    assertTrue(Files.notExists(home.resolve("data").resolve("tiny")));
  }

  @Test
  void unknownLockKeyNamesLineAndSuggests() throws IOException {
    Files.writeString(home.resolve("datasets.lock"), """
        version: 1
        datasets:
          tiny:
            format: mmrec
            dir: tiny
            expectd: {users: 1, items: 1, interactions: 1}
        """);
    var e = assertThrows(DataFormatException.class, () -> DatasetsLock.read(home.resolve("datasets.lock")));
    assertTrue(e.getMessage().contains("datasets.lock:6") && e.getMessage().contains("unknown key 'expectd'")
        && e.getMessage().contains("did you mean 'expected'?"), e.getMessage());
  }

  @Test
  void unknownDatasetSuggestsTheNearestName() throws IOException {
    DatasetRepository r = repo("{users: 2, items: 3, interactions: 4}", sha(), INTER.length());
    var e = assertThrows(IllegalArgumentException.class, () -> r.load("tinny"));
    assertTrue(e.getMessage().contains("did you mean 'tiny'?"), e.getMessage());
  }

  @Test
  void directoryDigestMatchesSha256sumListing() throws IOException {
    Path d = home.resolve("dir");
    Files.createDirectories(d.resolve("p"));
    Files.writeString(d.resolve("p/b.txt"), "b\n");
    Files.writeString(d.resolve("p/a.txt"), "a\n");
    // Expected value from GNU coreutils: (cd dir && find p -type f | LC_ALL=C sort | xargs sha256sum) | sha256sum
    FileDigest.DirectoryDigest got = FileDigest.digestDirectory(d, d.resolve("p"));
    assertEquals(2, got.files());
    assertEquals(4, got.bytes());
    assertEquals(SHA_OF_LISTING, got.sha256());
  }

  private static final String SHA_OF_LISTING = "5eda1d073b441d9167cb54444d37735b1d50918604060d4450112619e9e2c667";
}
