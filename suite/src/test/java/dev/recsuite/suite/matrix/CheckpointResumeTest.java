package dev.recsuite.suite.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.suite.cli.RecSuite;
import dev.recsuite.suite.run.RunRecord;
import dev.recsuite.suite.store.CheckpointStore;
import dev.recsuite.suite.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training killed with SIGKILL in the middle continues from its last checkpoint when the run is started again,
 * and its records equal an uninterrupted run's bit for bit (curves, best epochs, metrics, per-user vectors; not
 * timings or provenance). SASRec with two evaluations from one training, so both selections' states are saved.
 */
class CheckpointResumeTest {
  private static final String EXPERIMENT = """
      name: checkpoint-test
      datasets: [synthetic-mm]
      protocols: [leave-one-out]
      models:
        SASRec: {hidden_size: 16, n_layers: 1, inner_size: 32, max_seq_length: 20, train_batch_size: 512}
      seeds: [3]
      training: {epochs: 8, stopping_step: 2, valid_metric: MRR@10}
      evaluation: {ks: [10], mask: none, negatives: 100}
      evaluations:
        full: {}
        uni-100: {mode: sampled}
      """;

  @TempDir
  Path tmp;

  @Test
  void aTrainingKilledPartWayContinuesFromItsCheckpointToTheUninterruptedResults() throws Exception {
    Path experiment = tmp.resolve("checkpoint-test.yaml");
    Files.writeString(experiment, EXPERIMENT);
    Path reference = tmp.resolve("reference");
    MatrixResumeTest.runMatrix(experiment, "--store", reference.toString());

    Path store = tmp.resolve("killed");
    Path checkpoints = store.resolve(CheckpointStore.CHECKPOINTS);
    Path log = tmp.resolve("child.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child = new ProcessBuilder(java, "-Xmx1g", "--add-modules", "jdk.incubator.vector",
        "-Drecsuite.home=" + System.getProperty("recsuite.home", ""), "-cp", cp, RecSuite.class.getName(), "run",
        experiment.toString(), "--store", store.toString(), "--no-progress", "--checkpoint-minutes", "0")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (checkpointCount(checkpoints) == 0 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(child.isAlive(), "the child ended before it could be killed:\n" + Files.readString(log));
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, child.exitValue(), "exit status of a SIGKILLed JVM is 128 + 9");
    assertEquals(List.of(), new RunStore(store).ids(), "killed before any run finished");
    assertEquals(1, checkpointCount(checkpoints));
    String dry = MatrixResumeTest.runMatrix(experiment, "--store", store.toString(), "--dry-run");
    assertTrue(dry.matches("(?s).*continues from its checkpoint: [1-7] epoch\\(s\\) trained.*"), dry);
    int trained = Integer.parseInt(dry.replaceAll("(?s).*continues from its checkpoint: (\\d+) epoch.*", "$1"));
    for (RunRecord r : new RunStore(reference).list()) { // each evaluation's best so far is on its uninterrupted curve
      String name = r.evaluation().mode().equals("full") ? "full" : "uni-100";
      Matcher m = Pattern.compile(name + ": best epoch (\\d+) \\(valid MRR@10 ([0-9.E-]+)\\)").matcher(dry);
      assertTrue(m.find(), name + " progress missing:\n" + dry);
      int best = Integer.parseInt(m.group(1)); // counted from 1
      assertTrue(best >= 1 && best <= trained, dry);
      assertEquals(r.training().epochs().get(best - 1).validMetric(), Double.parseDouble(m.group(2)), 0.0, name + ": " + dry);
    }

    MatrixResumeTest.runMatrix(experiment, "--store", store.toString(), "--checkpoint-minutes", "0");
    MatrixResumeTest.assertSameResults(reference, store);
    for (RunRecord r : new RunStore(store).list()) {
      assertEquals(1, r.training().resumed().size(), r.id());
      assertTrue(r.training().resumed().get(0).epoch() >= 1, r.id());
    }
    for (RunRecord r : new RunStore(reference).list()) {
      assertEquals(null, r.training().resumed(), "an uninterrupted run records no resume");
    }
    assertEquals(0, checkpointCount(checkpoints), "the checkpoint is deleted once the records are stored");
    assertFalse(new RunStore(store).list().isEmpty());
  }

  private static long checkpointCount(Path dir) throws java.io.IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".ckpt")).count();
    }
  }
}
