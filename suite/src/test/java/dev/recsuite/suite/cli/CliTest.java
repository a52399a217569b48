package dev.recsuite.suite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.lock.FileDigest;
import dev.recsuite.suite.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: bad input gives one clear message and a non-zero exit; runs list | show | rm. */
class CliTest {
  @TempDir
  Path tmp;

  record Result(int code, String out, String err) {}

  static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RecSuite.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void aTypoInTheExperimentFileIsOneMessageNamingFileLineKeyAndSuggestion() throws IOException {
    Path file = tmp.resolve("typo.yaml");
    Files.writeString(file, """
        datasets: [synthetic-mm]
        protocols: [leave-one-out]
        models:
          MostPop: {}
          BPR:
            embedding_size: 16
            reg_weigth: 0.01
        seeds: [1]
        """);
    Result r = cli("run", file.toString(), "--store", tmp.resolve("store").toString());
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertEquals("recsuite: error: " + file + ":7: unknown key 'models.BPR.reg_weigth'; did you mean 'reg_weight'?\n", r.err());
    assertTrue(new RunStore(tmp.resolve("store")).ids().isEmpty());
  }

  @Test
  void badOverridesAndShardsAreRejectedBeforeAnythingRuns() {
    Result set = cli("run", "--set", "training.epoch=3", "--store", tmp.toString());
    assertEquals(2, set.code());
    assertEquals("recsuite: error: --set training.epoch=3: unknown key 'training.epoch'; did you mean 'epochs'?\n", set.err());
    Result bad = cli("run", "--set", "training.epochs=0", "--store", tmp.toString());
    assertEquals(2, bad.code());
    assertEquals("recsuite: error: --set training.epochs=0: epochs must be >= 1, got 0\n", bad.err());
    Result shard = cli("run", "--shard", "3/2", "--store", tmp.toString());
    assertEquals(1, shard.code());
    assertEquals("recsuite: error: shard must be I/N with 1 <= I <= N, got 3/2\n", shard.err());
    Result missing = cli("run", tmp.resolve("nope.yaml").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().startsWith("recsuite: error: cannot read experiment file " + tmp.resolve("nope.yaml")), missing.err());
  }

  /** A cell the data cannot serve (no x_label for 'shipped') fails the matrix, or with unavailable: skip is not run. */
  @Test
  void unavailableCellsFailOrAreReportedAsNotRun() throws IOException {
    Path file = tmp.resolve("paper.yaml");
    String body = """
        datasets: [synthetic-mm]
        protocols: [leave-one-out, shipped]
        models: [MostPop]
        seeds: [1]
        """;
    Files.writeString(file, body);
    String store = tmp.resolve("store").toString();
    Result strict = cli("run", file.toString(), "--store", store, "--no-progress");
    assertEquals(1, strict.code());
    assertTrue(strict.err().contains("protocol 'shipped' needs a split column (x_label), but dataset 'synthetic-mm' has none"),
        strict.err());
    assertTrue(new RunStore(tmp.resolve("store")).ids().isEmpty(), "nothing runs when a cell is unavailable");

    Files.writeString(file, body + "unavailable: skip\n");
    Result skip = cli("run", file.toString(), "--store", store, "--no-progress");
    assertEquals(0, skip.code(), skip.err());
    assertTrue(skip.out().contains("NOT RUN MostPop synthetic-mm shipped"), skip.out());
    assertTrue(skip.out().contains("1 runs computed, 0 from the store, 1 cell(s) not run (unavailable: skip)."), skip.out());

    Files.writeString(file, body + "unavailable: skp\n");
    Result typo = cli("run", file.toString(), "--store", store);
    assertEquals(2, typo.code());
    assertEquals("recsuite: error: " + file + ":5: unavailable: expected fail or skip, found 'skp'; did you mean 'skip'?\n",
        typo.err());
  }

  /**
   * A multimodal model on a dataset without item features is not run, and this is known before training: the
   * dry run lists the cell as not run, not as to do, and the cell's seeds count as one cell.
   */
  @Test
  void multimodalModelsOnDataWithoutFeaturesAreNotRunAndTheDryRunSaysSo() throws IOException {
    Path home = tmp.resolve("home");
    Path inter = home.resolve("data").resolve("tiny").resolve("tiny.inter");
    Files.createDirectories(inter.getParent());
    Files.writeString(inter, "userID\titemID\tx_label\n0\t0\t0\n0\t1\t1\n1\t1\t0\n1\t2\t2\n");
    Files.writeString(home.resolve("datasets.lock"), """
        version: 1
        datasets:
          tiny:
            format: mmrec
            dir: tiny
            files:
              - {path: tiny.inter, size: %d, sha256: %s}
            layout: {interactions: tiny.inter}
            expected: {users: 2, items: 3, interactions: 4}
        """.formatted(Files.size(inter), FileDigest.sha256(inter)));
    Path file = tmp.resolve("mm.yaml");
    Files.writeString(file, """
        datasets: [tiny]
        protocols: [shipped]
        models: [MostPop, VBPR]
        seeds: [1, 2]
        unavailable: skip
        """);
    String store = tmp.resolve("store").toString();
    String priorHome = System.getProperty("recsuite.home");
    System.setProperty("recsuite.home", home.toString());
    try {
      Result dry = cli("run", file.toString(), "--store", store, "--dry-run");
      assertEquals(0, dry.code(), dry.err());
      String reason = "NOT RUN VBPR tiny shipped: model 'VBPR' is multimodal, but dataset 'tiny' has no item features";
      assertTrue(dry.out().contains(reason), dry.out());
      assertEquals(1, dry.out().split("NOT RUN", -1).length - 1, "one line for the cell, not one per seed: " + dry.out());
      assertEquals(2, dry.out().split(" todo ", -1).length - 1, "MostPop's two seeds only: " + dry.out());

      Result run = cli("run", file.toString(), "--store", store, "--no-progress");
      assertEquals(0, run.code(), run.err());
      assertTrue(run.out().contains("2 runs computed, 0 from the store, 1 cell(s) not run (unavailable: skip)."), run.out());
    } finally {
      if (priorHome == null) {
        System.clearProperty("recsuite.home");
      } else {
        System.setProperty("recsuite.home", priorHome);
      }
    }
  }

  @Test
  void runsListShowAndRm() {
    String store = tmp.resolve("store").toString();
    List<String> common = List.of("--store", store, "--no-progress", "--model", "MostPop", "--protocol", "leave-one-out");
    Result dry = cli(concat(List.of("run", "--dry-run"), common));
    assertEquals(0, dry.code(), dry.err());
    assertTrue(dry.out().contains(" todo  MostPop synthetic-mm leave-one-out seed 999"), dry.out());

    Result run = cli(concat(List.of("run"), common));
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("1 runs computed, 0 from the store."), run.out());
    String id = new RunStore(Path.of(store)).ids().get(0);
    Result again = cli(concat(List.of("run", "--dry-run"), common));
    assertTrue(again.out().contains(id + " done  MostPop"), again.out());

    Result list = cli("runs", "list", "--store", store);
    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().contains(id + "  MostPop    synthetic-mm   leave-one-out       999  final/fixed"), list.out());
    assertTrue(list.out().contains("1 run(s) in " + store), list.out());

    Result show = cli("runs", "show", id.substring(0, 6), "--store", store);
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("run " + id + ": MostPop on synthetic-mm under leave-one-out, seed 999"), show.out());
    assertTrue(show.out().contains("protocol.min_interactions          3                      suite: protocol leave-one-out defaults"),
        show.out());
    assertTrue(show.out().contains("training.epochs                    1000                   suite: Trainer.Config.defaults()"),
        show.out());
    Result json = cli("runs", "show", "--json", id, "--store", store);
    assertTrue(json.out().contains("\"id\" : \"" + id + "\""), json.out());

    Result unknown = cli("runs", "show", "ffff", "--store", store);
    assertEquals(1, unknown.code());
    assertTrue(unknown.err().startsWith("recsuite: error: no run 'ffff'"), unknown.err());

    Result rm = cli("runs", "rm", id, "--store", store);
    assertEquals(0, rm.code(), rm.err());
    assertEquals("removed " + id + " (MostPop synthetic-mm leave-one-out seed 999, final)\n", rm.out());
    assertTrue(new RunStore(Path.of(store)).ids().isEmpty());
  }

  @Test
  void keysListsEveryKeyWithItsDefaultFromTheRecords() {
    Result r = cli("keys");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("models.BPR (specs/baselines.md §3.1; a list for a hyper-parameter is a grid):\n"
        + "  embedding_size:        64\n  reg_weight:            1.0E-4\n"), r.out());
    assertTrue(r.out().contains("protocols.temporal-ratio:\n  train_ratio:           0.8\n"), r.out());
    assertTrue(r.out().contains("  stopping_step:         20\n"), r.out());
  }

  private static String[] concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
  }
}
