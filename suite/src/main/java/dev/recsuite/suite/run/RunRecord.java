package dev.recsuite.suite.run;

import dev.recsuite.protocols.split.LeakAudit;
import dev.recsuite.protocols.train.EpochRecord;
import java.util.List;
import java.util.Map;

/**
 * Everything one finished run produced, as written to its JSON file: what ran (model, effective config,
 * seed, dataset and split identities), how it was evaluated, the training curve, validation and test
 * metrics (means, plus exact per-user test vectors), efficiency and provenance.
 */
public record RunRecord(int schema, String id, String model, Map<String, Object> config, long seed,
    DatasetInfo dataset, ProtocolInfo protocol, EvaluationInfo evaluation, TrainingInfo training,
    Map<String, Double> valid, TestInfo test, Efficiency efficiency, Provenance provenance) {

  public static final int SCHEMA = 1;

  public record DatasetInfo(String name, String contentSha256, int users, int items, long interactions) {}

  public record ProtocolInfo(String name, Map<String, String> params, String fingerprint, LeakAudit.Report audit) {}

  /**
   * @param rule the masking or candidate rule in words
   * @param candidatesSha256 SHA-256 of the sampled candidates, identical for every model of a matrix
   */
  public record EvaluationInfo(String mode, String rule, int[] ks, String ties, String selectionMetric,
      String candidatesSha256) {}

  public record TrainingInfo(List<EpochRecord> epochs, int bestEpoch, String stopReason) {}

  /**
   * @param perUserUsers the evaluated users, {@link PerUserCodec}-encoded
   * @param perUser metric name to its {@link PerUserCodec}-encoded per-user vector, aligned with the users
   */
  public record TestInfo(Map<String, Double> metrics, int users, int skippedColdStart, double tiedShare,
      String perUserUsers, Map<String, String> perUser) {}
}
