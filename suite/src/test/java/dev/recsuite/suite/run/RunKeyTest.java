package dev.recsuite.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.recsuite.suite.experiment.Sha256;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunKeyTest {
  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static RunKey base() {
    return new RunKey("recsuite-0.2", "BPR", map("embedding_size", 64, "reg_weight", 1e-4), "synthetic-mm", "c0ce",
        "leave-one-out", map("min_interactions", 3), "dbac", 999, map("mode", "full", "ks", List.of(5, 10)),
        map("epochs", 1000, "valid_metric", "Recall@20"), "final:fixed");
  }

  @Test
  void theIdIsStableAcrossProcessesAndMapOrder() {
    RunKey a = base();
    // The same key with its maps filled in another order: canonical JSON sorts keys.
    RunKey b = new RunKey("recsuite-0.2", "BPR", map("reg_weight", 1e-4, "embedding_size", 64), "synthetic-mm", "c0ce",
        "leave-one-out", map("min_interactions", 3), "dbac", 999, map("ks", List.of(5, 10), "mode", "full"),
        map("valid_metric", "Recall@20", "epochs", 1000), "final:fixed");
    assertEquals(a.id(), b.id());
    assertEquals(20, a.id().length());
    // Pinned: a change here changes every stored run's id, so make it on purpose (and bump CODE_VERSION).
    assertEquals("{\"code_version\":\"recsuite-0.2\",\"dataset\":\"synthetic-mm\",\"dataset_sha256\":\"c0ce\","
        + "\"evaluation\":{\"ks\":[5,10],\"mode\":\"full\"},\"model\":\"BPR\",\"model_config\":{\"embedding_size\":64,"
        + "\"reg_weight\":1.0E-4},\"protocol\":\"leave-one-out\",\"protocol_params\":{\"min_interactions\":3},"
        + "\"purpose\":\"final:fixed\",\"seed\":999,\"split_fingerprint\":\"dbac\",\"training\":{\"epochs\":1000,"
        + "\"valid_metric\":\"Recall@20\"}}", a.canonical());
    assertEquals(Sha256.hex(a.canonical()).substring(0, 20), a.id());
  }

  @Test
  void everyInputChangesTheId() {
    RunKey k = base();
    List<RunKey> variants = List.of(
        new RunKey("recsuite-0.3", k.model(), k.modelConfig(), k.dataset(), k.datasetSha256(), k.protocol(), k.protocolParams(),
            k.splitFingerprint(), k.seed(), k.evaluation(), k.training(), k.purpose()),
        new RunKey(k.codeVersion(), "LightGCN", k.modelConfig(), k.dataset(), k.datasetSha256(), k.protocol(), k.protocolParams(),
            k.splitFingerprint(), k.seed(), k.evaluation(), k.training(), k.purpose()),
        new RunKey(k.codeVersion(), k.model(), map("embedding_size", 64, "reg_weight", 1e-3), k.dataset(), k.datasetSha256(),
            k.protocol(), k.protocolParams(), k.splitFingerprint(), k.seed(), k.evaluation(), k.training(), k.purpose()),
        new RunKey(k.codeVersion(), k.model(), k.modelConfig(), "ml-100k", k.datasetSha256(), k.protocol(), k.protocolParams(),
            k.splitFingerprint(), k.seed(), k.evaluation(), k.training(), k.purpose()),
        new RunKey(k.codeVersion(), k.model(), k.modelConfig(), k.dataset(), "c0cf", k.protocol(), k.protocolParams(),
            k.splitFingerprint(), k.seed(), k.evaluation(), k.training(), k.purpose()),
        new RunKey(k.codeVersion(), k.model(), k.modelConfig(), k.dataset(), k.datasetSha256(), "temporal-ratio",
            k.protocolParams(), k.splitFingerprint(), k.seed(), k.evaluation(), k.training(), k.purpose()),
        new RunKey(k.codeVersion(), k.model(), k.modelConfig(), k.dataset(), k.datasetSha256(), k.protocol(),
            map("min_interactions", 2), k.splitFingerprint(), k.seed(), k.evaluation(), k.training(), k.purpose()),
        new RunKey(k.codeVersion(), k.model(), k.modelConfig(), k.dataset(), k.datasetSha256(), k.protocol(), k.protocolParams(),
            "dbad", k.seed(), k.evaluation(), k.training(), k.purpose()),
        new RunKey(k.codeVersion(), k.model(), k.modelConfig(), k.dataset(), k.datasetSha256(), k.protocol(), k.protocolParams(),
            k.splitFingerprint(), 1000, k.evaluation(), k.training(), k.purpose()),
        new RunKey(k.codeVersion(), k.model(), k.modelConfig(), k.dataset(), k.datasetSha256(), k.protocol(), k.protocolParams(),
            k.splitFingerprint(), k.seed(), map("mode", "full", "ks", List.of(5, 20)), k.training(), k.purpose()),
        new RunKey(k.codeVersion(), k.model(), k.modelConfig(), k.dataset(), k.datasetSha256(), k.protocol(), k.protocolParams(),
            k.splitFingerprint(), k.seed(), k.evaluation(), map("epochs", 999, "valid_metric", "Recall@20"), k.purpose()),
        new RunKey(k.codeVersion(), k.model(), k.modelConfig(), k.dataset(), k.datasetSha256(), k.protocol(), k.protocolParams(),
            k.splitFingerprint(), k.seed(), k.evaluation(), k.training(), "trial"),
        new RunKey(k.codeVersion(), k.model(), k.modelConfig(), k.dataset(), k.datasetSha256(), k.protocol(), k.protocolParams(),
            k.splitFingerprint(), k.seed(), k.evaluation(), k.training(), "final:test-as-mmrec:ab12"));
    Set<String> ids = new HashSet<>();
    ids.add(k.id());
    for (RunKey v : variants) {
      assertNotEquals(k.id(), v.id(), v.canonical());
      ids.add(v.id());
    }
    assertEquals(variants.size() + 1, ids.size());
  }

  @Test
  void purposeKeysSeparateTrialsFixedAndChosenRuns() {
    assertEquals("final:fixed", Purpose.fixed().key());
    assertEquals("trial", Purpose.trial("reg_weight=0.1").key());
    assertEquals("trial", Purpose.trial("reg_weight=0.01").key()); // the configuration is in the key already
    assertEquals("final:validation:ab12", Purpose.chosen("validation", "ab12", "reg_weight=0.1").key());
    assertNotEquals(Purpose.chosen("validation", "ab12", "x").key(), Purpose.chosen("test-as-mmrec", "ab12", "x").key());
  }
}
