package dev.recsuite.suite.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recsuite.suite.cli.RecSuite;
import dev.recsuite.suite.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The done-when tests for the store: a matrix of 2 models x 2 protocols x 3 seeds on the default
 * data (BPR with a 2-point grid, so the selection state is exercised too) is killed with SIGKILL part-way in a
 * child JVM and resumed, and it is sharded 1/2 + 2/2; both must give results bit-for-bit equal (metrics,
 * per-user vectors, curves, ids; not timings or provenance) to an uninterrupted run.
 */
class MatrixResumeTest {
  private static final String EXPERIMENT = """
      name: resume-test
      datasets: [synthetic-mm]
      protocols: [leave-one-out, temporal-ratio]
      models:
        MostPop: {}
        BPR: {embedding_size: 8, reg_weight: [1.0e-3, 1.0e-5]}
      seeds: [1, 2, 3]
      training: {epochs: 2}
      evaluation: {ks: [10, 20]}
      """;
  /** Runs written by the matrix: per protocol 3 MostPop + 2 trials + 3 chosen BPR seeds. */
  private static final int FILES = 16;

  @TempDir
  static Path tmp;
  static Path experiment;
  static Path reference;

  @BeforeAll
  static void uninterruptedRun() throws IOException {
    experiment = tmp.resolve("resume-test.yaml");
    Files.writeString(experiment, EXPERIMENT);
    reference = tmp.resolve("reference");
    String out = run("--store", reference.toString());
    assertTrue(out.contains("14 runs computed, 0 from the store"), out);
    assertEquals(FILES, new RunStore(reference).ids().size());
  }

  private static String run(String... extra) {
    return runMatrix(experiment, extra);
  }

  /** {@code recsuite run EXPERIMENT --no-progress EXTRA...}, which must succeed; returns its output. */
  static String runMatrix(Path experiment, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", experiment.toString(), "--no-progress"));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RecSuite.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    assertEquals(0, code, out + "\n" + err);
    return out.toString();
  }

  @Test
  void killedWithSigkillPartWayAndResumedGivesBitIdenticalResults() throws Exception {
    Path store = tmp.resolve("killed");
    Path log = tmp.resolve("child.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child = new ProcessBuilder(java, "-Xmx1g", "-Drecsuite.home=" + System.getProperty("recsuite.home", ""),
        "-cp", cp, RecSuite.class.getName(), "run", experiment.toString(), "--store", store.toString(), "--no-progress")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    RunStore s = new RunStore(store);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    // Past MostPop and both BPR trials of the first protocol: the kill lands around the grid selection.
    while (s.ids().size() < 5 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(child.isAlive(), "the child ended before it could be killed:\n" + Files.readString(log));
    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, child.exitValue(), "exit status of a SIGKILLed JVM is 128 + 9");

    List<String> before = s.ids();
    assertTrue(before.size() >= 5 && before.size() < FILES, "killed part-way: " + before.size() + " runs");
    Map<String, byte[]> bytes = new HashMap<>();
    for (String id : before) {
      s.read(id); // every visible run is complete, valid JSON
      bytes.put(id, Files.readAllBytes(s.file(id)));
    }

    String out = run("--store", store.toString());
    assertTrue(out.contains(" from the store"), out);
    assertFalse(out.contains("0 from the store"), out);
    for (String id : before) {
      assertTrue(Arrays.equals(bytes.get(id), Files.readAllBytes(s.file(id))), "finished run " + id + " was rewritten");
    }
    assertSameResults(reference, store);
  }

  @Test
  void shardsMergedByCopyingEqualTheUnshardedRun() throws IOException {
    Path a = tmp.resolve("shard1");
    Path b = tmp.resolve("shard2");
    run("--store", a.toString(), "--shard", "1/2");
    run("--store", b.toString(), "--shard", "2/2");
    List<String> idsA = new RunStore(a).ids();
    List<String> idsB = new RunStore(b).ids();
    assertFalse(idsA.isEmpty());
    assertFalse(idsB.isEmpty());
    assertTrue(idsA.stream().noneMatch(idsB::contains), "shards overlap");

    Path merged = tmp.resolve("merged");
    Files.createDirectories(merged.resolve(RunStore.RUNS));
    for (Path shard : List.of(a, b)) {
      for (String id : new RunStore(shard).ids()) {
        Files.copy(new RunStore(shard).file(id), new RunStore(merged).file(id));
      }
    }
    assertSameResults(reference, merged);
    String out = run("--store", merged.toString());
    assertTrue(out.contains("0 runs computed, 14 from the store"), out);
  }

  /** Same run ids, and per run the same JSON once timings, provenance and the record of resumes are left out. */
  static void assertSameResults(Path expected, Path actual) throws IOException {
    RunStore e = new RunStore(expected);
    RunStore a = new RunStore(actual);
    assertEquals(e.ids(), a.ids());
    for (String id : e.ids()) {
      assertEquals(comparable(e.file(id)), comparable(a.file(id)), "run " + id);
    }
  }

  private static JsonNode comparable(Path file) throws IOException {
    ObjectNode n = (ObjectNode) RunStore.json().readTree(file.toFile());
    n.remove(List.of("efficiency", "provenance"));
    ((ObjectNode) n.path("training")).remove("resumed");
    for (JsonNode epoch : n.path("training").path("epochs")) {
      ((ObjectNode) epoch).remove(List.of("train_seconds", "eval_seconds"));
    }
    assertTrue(n.path("test").path("per_user").size() > 0, file + " has per-user vectors");
    return n;
  }
}
