package dev.recsuite.suite.run;

import dev.recsuite.protocols.split.LeakAudit;
import dev.recsuite.protocols.train.EpochRecord;
import dev.recsuite.protocols.train.Resume;
import java.util.List;
import java.util.Map;

/**
 * Everything one finished run produced, as written to its JSON file: what ran (model, effective config with
 * the origin of each value, seed, why it ran), the dataset and split identities, how it was evaluated, the
 * training curve and best epoch, validation and test metrics (means, plus exact per-user test vectors),
 * efficiency and provenance.
 */
public record RunRecord(int schema, String id, String model, long seed, EffectiveConfig config, SelectionInfo selection,
    ExperimentRef experiment, DatasetInfo dataset, ProtocolInfo protocol, EvaluationInfo evaluation,
    TrainingInfo training, Map<String, Double> valid, TestInfo test, Efficiency efficiency, Provenance provenance) {

  public static final int SCHEMA = 2;

  /**
   * The effective configuration, by section, with keys as in experiment files.
   *
   * @param origins {@code section.key} to where its value came from, e.g. {@code model.reg_weight ->
   *     "experiment: experiments/smoke.yaml:14"} or {@code training.epochs -> "suite: Trainer.Config.defaults()"}
   */
  public record EffectiveConfig(Map<String, Object> model, Map<String, Object> protocol, Map<String, Object> training,
      Map<String, Object> evaluation, Map<String, String> origins) {}

  /**
   * Why the run was made and how its configuration was chosen. Reports must mark {@code rule =
   * test-as-mmrec}: that configuration was picked by its test score (MMRec's rule, specs/baselines.md §2.3).
   *
   * @param role {@code final} (a reported result) or {@code trial} (a grid point, first seed)
   * @param rule {@code fixed} (no grid), {@code validation} or {@code test-as-mmrec}; absent for trials
   * @param metric the selection metric (also the early-stopping metric)
   * @param point the grid point of this configuration ("" without a grid)
   * @param trials every grid point's trial, for a configuration chosen from a grid
   * @param chosenTrial the trial whose configuration was chosen (its run is this run's first seed)
   */
  public record SelectionInfo(String role, String rule, String metric, String point, List<Trial> trials,
      String chosenTrial) {}

  /** One grid trial as the selection saw it: its run, grid point, and values of the selection metric. */
  public record Trial(String runId, String point, Double valid, Double test) {}

  /**
   * @param source the experiment file as given (or the built-in default)
   * @param sha256 SHA-256 of its text
   * @param overrides the {@code --set} arguments, in order
   */
  public record ExperimentRef(String name, String source, String sha256, List<String> overrides) {}

  /** @param files the locked files the dataset was read from, with their SHA-256 (none for generated data) */
  public record DatasetInfo(String name, String contentSha256, int users, int items, long interactions,
      List<FileHash> files) {}

  public record FileHash(String path, String sha256) {}

  public record ProtocolInfo(String name, Map<String, String> params, String fingerprint, LeakAudit.Report audit) {}

  /**
   * @param rule the masking or candidate rule in words
   * @param candidatesSha256 SHA-256 of the sampled candidates, identical for every model of a matrix
   */
  public record EvaluationInfo(String mode, String rule, String candidatesSha256) {}

  /**
   * @param bestEpoch 0-based; -1 for a model fit on construction
   * @param sharedWith the runs of the same training evaluated under the experiment's other {@code evaluations}
   *     (empty, or absent in older records, when the run trained alone); the curve is this run's own, and its
   *     efficiency wall time and peak memory are the shared process's
   */
  /** @param resumed each continuation from a checkpoint (null: trained in one process) */
  public record TrainingInfo(List<EpochRecord> epochs, int bestEpoch, String stopReason, List<String> sharedWith,
      List<Resume> resumed) {}

  /**
   * @param perUserUsers the evaluated users, {@link PerUserCodec}-encoded
   * @param perUser metric name to its {@link PerUserCodec}-encoded per-user vector, aligned with the users
   */
  public record TestInfo(Map<String, Double> metrics, int users, int skippedColdStart, double tiedShare,
      String perUserUsers, Map<String, String> perUser) {}

  /** This run's results under another id and purpose (a grid trial reported as the chosen configuration). */
  public RunRecord as(String newId, SelectionInfo newSelection, ExperimentRef newExperiment) {
    return new RunRecord(schema, newId, model, seed, config, newSelection, newExperiment, dataset, protocol, evaluation,
        training, valid, test, efficiency, provenance);
  }

  public boolean isFinal() {
    return selection == null || Purpose.FINAL.equals(selection.role());
  }

  /** The selection rule, or "fixed" when the configuration was not chosen from a grid. */
  public String selectionRule() {
    return selection == null || selection.rule() == null ? Purpose.FIXED : selection.rule();
  }
}
