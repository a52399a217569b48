package dev.recsuite.suite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.suite.run.RunRecord;
import dev.recsuite.suite.store.RunStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in-process: exit codes, messages, and the files a run writes. */
class RecSuiteCliTest {
  record Outcome(int code, String out, String err) {}

  static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RecSuite.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void verifiesTheEmbeddedDataset() {
    Outcome o = run("datasets", "verify", "synthetic-mm");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("synthetic-mm") && o.out().contains("OK"), o.out());
  }

  @Test
  void anUnknownDatasetIsOneClearErrorAndExitCodeOne() {
    Outcome o = run("datasets", "stats", "synthetic-m");
    assertEquals(1, o.code());
    assertTrue(o.err().startsWith("recsuite: error: dataset 'synthetic-m' is not in datasets.lock; did you mean 'synthetic-mm'?"), o.err());
  }

  @Test
  void aUsageErrorExitsWithTwo() {
    assertEquals(2, run("datasets", "import", "ml-100k").code()); // --from is required
  }

  @Test
  void runWritesOneJsonPerRunAndPrintsALeaderboard(@TempDir Path dir) throws Exception {
    Outcome o = run("run", "--epochs", "3", "--protocol", "leave-one-out", "--store", dir.toString(), "--no-progress");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("synthetic-mm | leave-one-out | full"), o.out());
    assertTrue(o.out().contains("MostPop") && o.out().contains("BPR"), o.out());
    assertFalse(o.out().contains("NaN"), "MostPop trains no epochs: its s/epoch is '-', " + o.out());
    List<Path> files;
    try (var s = Files.list(dir.resolve(RunStore.RUNS))) {
      files = s.filter(p -> p.toString().endsWith(".json")).toList();
    }
    assertEquals(2, files.size());
    for (Path f : files) {
      RunRecord r = RunStore.read(f);
      assertEquals(r.id() + ".json", f.getFileName().toString());
      assertEquals("synthetic-mm", r.dataset().name());
      assertTrue(r.test().metrics().get("Recall@20") > 0);
      assertEquals(64, r.protocol().fingerprint().length());
    }
    // a rerun finds the results and does not train again
    Outcome again = run("run", "--epochs", "3", "--protocol", "leave-one-out", "--store", dir.toString(), "--no-progress");
    assertTrue(again.out().contains("0 runs computed"), again.out());
  }
}
