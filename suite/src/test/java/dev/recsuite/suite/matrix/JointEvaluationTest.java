package dev.recsuite.suite.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recsuite.suite.run.RunRecord;
import dev.recsuite.suite.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluations:} trains each model and seed once and evaluates it under full ranking and under sampled
 * candidates. Each of its records must equal, bit for bit, the record of a run made with that evaluation
 * alone (same id, metrics, per-user vectors, curve, best epoch): early stopping is per evaluation, so the
 * two selections may stop at different epochs, and the test checks that they do for at least one run.
 */
class JointEvaluationTest {
  private static final String BASE = """
      name: joint
      datasets: [synthetic-mm]
      protocols: [leave-one-out]
      models:
        MostPop: {}
        BPR: {embedding_size: 8}
        SASRec: {hidden_size: 8, inner_size: 16, n_layers: 1, n_heads: 1, max_seq_length: 10}
        GRU4Rec: {embedding_size: 8, hidden_size: 8, max_seq_length: 10}
      seeds: [1]
      training: {epochs: 6, stopping_step: 1, valid_metric: MRR@10}
      evaluation: {ks: [10], mask: none, negatives: 30}
      """;

  @TempDir
  Path tmp;

  @Test
  void eachEvaluationOfOneTrainingEqualsItsOwnRun() throws IOException {
    Path joint = tmp.resolve("joint");
    Path alone = tmp.resolve("alone");
    String out = run(BASE + "evaluations:\n  full: {}\n  uni-30: {mode: sampled}\n", joint);
    assertTrue(out.contains("8 runs computed, 0 from the store"), out);
    run(BASE, alone);
    run(BASE, alone, "--set", "evaluation.mode=sampled");

    RunStore j = new RunStore(joint);
    RunStore a = new RunStore(alone);
    assertEquals(a.ids(), j.ids());
    assertEquals(8, j.ids().size());
    boolean stopsDiffer = false;
    for (String id : j.ids()) {
      assertEquals(comparable(a.file(id)), comparable(j.file(id)), "run " + id);
      RunRecord r = j.read(id);
      assertEquals(1, r.training().sharedWith().size(), id);
      RunRecord twin = j.read(r.training().sharedWith().get(0));
      assertEquals(List.of(id), twin.training().sharedWith());
      assertTrue(!twin.evaluation().mode().equals(r.evaluation().mode()) && twin.seed() == r.seed()
          && twin.model().equals(r.model()));
      stopsDiffer |= r.training().epochs().size() != twin.training().epochs().size();
      assertTrue(a.read(id).training().sharedWith().isEmpty());
    }
    assertTrue(stopsDiffer, "no run stopped at a different epoch under the two evaluations; the test exercises nothing");

    String again = run(BASE + "evaluations:\n  full: {}\n  uni-30: {mode: sampled}\n", alone);
    assertTrue(again.contains("0 runs computed, 8 from the store"), again);
  }

  private static JsonNode comparable(Path file) throws IOException {
    ObjectNode n = (ObjectNode) RunStore.json().readTree(file.toFile());
    n.remove(List.of("efficiency", "provenance", "experiment"));
    ((ObjectNode) n.path("training")).remove("shared_with");
    for (JsonNode epoch : n.path("training").path("epochs")) {
      ((ObjectNode) epoch).remove(List.of("train_seconds", "eval_seconds"));
    }
    ((ObjectNode) n.path("config").path("origins")).removeAll(); // the separate runs' values come from --set
    return n;
  }

  private String run(String experiment, Path store, String... extra) throws IOException {
    Path file = Files.createTempFile(tmp, "exp", ".yaml");
    Files.writeString(file, experiment);
    List<String> args = new ArrayList<>(List.of("--store", store.toString()));
    args.addAll(List.of(extra));
    return MatrixResumeTest.runMatrix(file, args.toArray(String[]::new));
  }
}
