package dev.recsuite.suite.run;

import java.util.List;
import java.util.Map;

/** Small hand-made run records for tests of the store and the selection. */
public final class RunRecords {
  private RunRecords() {}

  /** A run with valid and test Recall@20 as given (NaN allowed) and a three-user per-user vector. */
  public static RunRecord withMetrics(String id, double valid, double test) {
    java.util.LinkedHashMap<String, Double> v = new java.util.LinkedHashMap<>();
    v.put("Recall@20", valid);
    return new RunRecord(RunRecord.SCHEMA, id, "BPR", 1, new RunRecord.EffectiveConfig(Map.of("reg_weight", 0.1), Map.of(),
        Map.of(), Map.of(), Map.of()), new RunRecord.SelectionInfo(Purpose.TRIAL, null, "Recall@20", "", null, null),
        null, new RunRecord.DatasetInfo("synthetic-mm", "00", 3, 4, 5, List.of()),
        new RunRecord.ProtocolInfo("leave-one-out", Map.of(), "ff", null),
        new RunRecord.EvaluationInfo("full", "rule", null), new RunRecord.TrainingInfo(List.of(), -1, "test", List.of(), null), v,
        new RunRecord.TestInfo(Map.of("Recall@20", test), 3, 0, 0, PerUserCodec.encode(new int[] {0, 1, 2}),
            Map.of("Recall@20", PerUserCodec.encode(new double[] {0.5, 0.0, 1.0}))),
        null, new Provenance("v", "c", false, "j", "o", "a", "cpu", 2, 1L, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z"));
  }
}
