package dev.recsuite.suite.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.suite.run.RunRecord;
import dev.recsuite.suite.run.RunRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
  @TempDir
  Path dir;

  @Test
  void atomicWriteReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
    Path f = dir.resolve("a").resolve("x.json");
    AtomicFiles.write(f, "first".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(f, "second".getBytes(StandardCharsets.UTF_8));
    assertEquals("second", Files.readString(f));
    try (Stream<Path> s = Files.list(f.getParent())) {
      assertEquals(List.of(f), s.toList());
    }
  }

  @Test
  void writtenRecordsReadBackEqualAndAreListedById() {
    RunStore store = new RunStore(dir);
    RunRecord a = RunRecords.withMetrics("aaaaaaaaaaaaaaaaaaa1", 0.25, 0.20);
    RunRecord b = RunRecords.withMetrics("bbbbbbbbbbbbbbbbbbb2", Double.NaN, 0.10);
    store.write(b);
    store.write(a);
    assertEquals(List.of(a.id(), b.id()), store.ids());
    RunRecord back = store.read(b.id());
    assertTrue(Double.isNaN(back.valid().get("Recall@20")));
    assertEquals(b.test().metrics(), back.test().metrics());
    assertArrayEquals(new double[] {0.5, 0.0, 1.0}, dev.recsuite.suite.run.PerUserCodec.decodeDoubles(back.test().perUser().get("Recall@20")));
  }

  @Test
  void aLeftoverTemporaryFileOfAKilledWriterIsNotARun() throws IOException {
    RunStore store = new RunStore(dir);
    String id = "0123456789abcdef0123";
    Path runs = dir.resolve(RunStore.RUNS);
    Files.createDirectories(runs);
    // What a writer killed before its rename leaves: a hidden, partial temporary file.
    Path tmp = runs.resolve("." + id + ".json.8312.tmp");
    Files.writeString(tmp, "{\"schema\": 2, \"id\": \"" + id + "\", \"mod");
    assertFalse(store.contains(id));
    assertEquals(List.of(), store.ids());
    assertEquals(List.of(tmp), store.leftoverTemporaryFiles());
    store.write(RunRecords.withMetrics(id, 0.3, 0.2));
    assertEquals(List.of(id), store.ids());
    assertEquals(0.3, store.read(id).valid().get("Recall@20"));
  }

  @Test
  void otherFilesInTheFolderAreIgnored() throws IOException {
    Files.createDirectories(dir.resolve(RunStore.RUNS));
    Files.writeString(dir.resolve(RunStore.RUNS).resolve("notes.json"), "{}");
    Files.writeString(dir.resolve(RunStore.RUNS).resolve("README"), "x");
    assertEquals(List.of(), new RunStore(dir).ids());
  }

  @Test
  void prefixesResolveUniquelyAndRemoveDeletes() {
    RunStore store = new RunStore(dir);
    store.write(RunRecords.withMetrics("abc0000000000000000a", 0.1, 0.1));
    store.write(RunRecords.withMetrics("abc1000000000000000b", 0.1, 0.1));
    assertEquals("abc1000000000000000b", store.resolve("abc1"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> store.resolve("abc")).getMessage().contains("ambiguous"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> store.resolve("ffff")).getMessage().startsWith("no run 'ffff'"));
    assertTrue(store.remove("abc1000000000000000b"));
    assertEquals(List.of("abc0000000000000000a"), store.ids());
    assertThrows(IllegalArgumentException.class, () -> store.file("../../etc/passwd"));
  }
}
