package dev.recsuite.suite.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.train.EpochRecord;
import dev.recsuite.reports.input.RunSummary;
import dev.recsuite.suite.run.Efficiency;
import dev.recsuite.suite.run.PerUserCodec;
import dev.recsuite.suite.run.Provenance;
import dev.recsuite.suite.run.Purpose;
import dev.recsuite.suite.run.RunRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store-to-report conversion: every field lands where the report reads it. */
class RunSummariesTest {

  private static RunRecord record(String id, Map<String, Object> model, String rule) {
    return record(id, "Wave-DGARec", model, rule);
  }

  private static RunRecord record(String id, String modelName, Map<String, Object> model, String rule) {
    double[] ndcg = {0.5, Double.NaN, 0.25};
    return new RunRecord(RunRecord.SCHEMA, id, modelName, 7, new RunRecord.EffectiveConfig(model, Map.of(),
        Map.of("epochs", 30), Map.of(), Map.of()),
        new RunRecord.SelectionInfo(Purpose.FINAL, rule, "NDCG@10", "", null, null), null,
        new RunRecord.DatasetInfo("amazon-baby", "c0ffee", 3, 10, 40,
            List.of(new RunRecord.FileHash("baby.inter", "f11e"))),
        new RunRecord.ProtocolInfo("shipped", Map.of(), "fp1", null),
        new RunRecord.EvaluationInfo("full", "masked", null),
        new RunRecord.TrainingInfo(List.of(new EpochRecord(0, 0.9, 1.5, 0.1, 0.2),
            new EpochRecord(1, 0.7, 1.4, 0.2, 0.2)), 1, "max epochs", List.of(), null),
        Map.of(), new RunRecord.TestInfo(Map.of("NDCG@10", 0.375), 3, 0, 0.0, PerUserCodec.encode(new int[] {4, 5, 6}),
            Map.of("NDCG@10", PerUserCodec.encode(ndcg))),
        new Efficiency(2, 1.4, 1.4, 1.4, 2.9, 0.2, 0.1, 30, 1234, 1L << 20, 1L << 21, "run", 3.5),
        new Provenance("v2", "deadbeef", false, "JVM 17", "Linux 6", "amd64", "EPYC", 2, 1L << 30, "t0", "t1"));
  }

  @Test
  void aRecordBecomesARunSummary() {
    ModelSpec<?> proposed = new ModelSpec<>("Wave-DGARec", "multimodal", "specs/proposed.md §1", Record.class, null,
        null);
    RunSummary s = RunSummaries.of(record("abc", Map.of("variant", "w/o Wavelet", "embedding_size", 64),
        "test-as-mmrec"), proposed, "w/o Wavelet");
    assertEquals("abc", s.runId());
    assertEquals("amazon-baby", s.dataset());
    assertEquals("shipped", s.protocol());
    assertEquals("full", s.evaluation().mode());
    assertEquals(RunSummary.Role.PROPOSED, s.role());
    assertEquals("w/o Wavelet", s.variant());
    assertEquals("embedding_size=64, variant=w/o Wavelet", s.configLabel());
    assertEquals(7, s.seed());
    assertEquals(RunSummary.TEST_AS_MMREC, s.selectionRule());
    assertEquals(0.375, s.testMetrics().get("NDCG@10"));
    assertArrayEquals(new int[] {4, 5, 6}, s.perUser().users());
    assertArrayEquals(new double[] {0.5, Double.NaN, 0.25}, s.perUser().values().get("NDCG@10"));
    assertEquals("NDCG@10", s.training().metric());
    assertEquals(0.2, s.training().curve().get(1).validMetric());
    assertEquals(1, s.training().bestEpoch());
    assertEquals(1234, s.efficiency().parameters());
    assertEquals(1L << 21, s.efficiency().peakRssBytes());
    assertEquals(40, s.datasetStats().interactions());
    assertEquals("c0ffee", s.provenance().datasetContentSha256());
    assertEquals(List.of(new RunSummary.FileHash("baby.inter", "f11e")), s.provenance().datasetFiles());
    assertEquals("fp1", s.provenance().splitFingerprint());
    assertEquals("deadbeef", s.provenance().gitCommit());
    assertEquals("EPYC, 2 threads, Linux 6 amd64, JVM 17", s.provenance().machine());
  }

  @Test
  void aModelCitingTheBaselinesSpecOrUnknownToTheRegistryIsABaseline() {
    ModelSpec<?> baseline = new ModelSpec<>("X", "general", "specs/baselines.md §3.1", Record.class, null, null);
    assertEquals(RunSummary.Role.BASELINE, RunSummaries.of(record("a", Map.of(), "fixed"), baseline, "").role());
    assertEquals(RunSummary.Role.BASELINE, RunSummaries.of(record("a", Map.of(), "fixed"), null, "").role());
  }

  @Test
  void variantsNameAblationsAndSeparateRunsWhoseConfigurationsDiffer() {
    Map<String, String> v = RunSummaries.variants(List.of(record("a", Map.of("reg_weight", 0.1), "fixed"),
        record("b", Map.of("reg_weight", 0.01), "fixed"), record("c", Map.of("variant", "w/o Contrast"), "fixed"),
        record("d", Map.of("reg_weight", 0.1), "validation")));
    assertEquals("reg_weight=0.1", v.get("a"));
    assertEquals("reg_weight=0.01", v.get("b"));
    assertEquals("w/o Contrast", v.get("c"));
    assertEquals("", v.get("d"), "alone in its system (another selection rule): nothing to tell apart");
  }

  /** MMGCN's default variant (MMRec's reference behaviour) is plain "MMGCN", as papers print it; the fix is named. */
  @Test
  void aModelsDefaultVariantIsTheModelItself() {
    Map<String, String> v = RunSummaries.variants(List.of(record("r", "MMGCN", Map.of("variant", "reference"), "fixed"),
        record("c", "MMGCN", Map.of("variant", "corrected"), "fixed")));
    assertEquals("", v.get("r"));
    assertEquals("corrected", v.get("c"));
  }
}
