package dev.recsuite.suite.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.lock.DatasetsLock;
import dev.recsuite.protocols.lock.LockEntry;
import dev.recsuite.suite.run.RunRecord;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed store {@code archive/} (README, "The archive"): the records there are what the reports of the
 * real-data matrices are built from, so each must read, be named by its own id, and have run on exactly the data
 * {@code datasets.lock} pins. A record copied from a store built on other files, or edited into another name,
 * fails here.
 */
class ArchiveTest {
  private static final Path HOME = Path.of(System.getProperty("recsuite.home", ".."));

  @Test
  void everyArchivedRecordIsNamedByItsIdAndRanOnLockedData() {
    RunStore archive = new RunStore(HOME.resolve("archive"));
    DatasetsLock lock = DatasetsLock.read(HOME.resolve(DatasetsLock.FILE_NAME));
    List<String> ids = archive.ids();
    assertFalse(ids.isEmpty(), "archive/runs holds no run records");
    assertTrue(archive.leftoverTemporaryFiles().isEmpty(), "temporary files in archive/runs");
    for (String id : ids) {
      RunRecord r = archive.read(id);
      assertEquals(id, r.id(), "archive/runs/" + id + ".json holds run " + r.id());
      LockEntry entry = lock.entry(r.dataset().name());
      assertEquals(entry.contentSha256(), r.dataset().contentSha256(),
          "run " + id + " ran on '" + r.dataset().name() + "' content other than the lock pins");
      Map<String, String> pinned = pinnedFiles(lock, r.dataset().name());
      for (RunRecord.FileHash f : r.dataset().files()) {
        assertEquals(pinned.get(f.path()), f.sha256(), "run " + id + ": file " + f.path() + " is not the locked one");
      }
      assertNotNull(r.test().perUser(), "run " + id + " has no per-user vectors (the paired tests need them)");
    }
  }

  /** Path to SHA-256 of the files of a dataset and of the datasets it extends. */
  private static Map<String, String> pinnedFiles(DatasetsLock lock, String name) {
    Map<String, String> out = new HashMap<>();
    for (String n = name; n != null; n = lock.entry(n).base()) {
      for (LockEntry.LockedFile f : lock.entry(n).files()) {
        out.putIfAbsent(f.path(), f.sha256());
      }
    }
    return out;
  }
}
