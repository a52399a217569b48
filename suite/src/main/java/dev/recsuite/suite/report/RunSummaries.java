package dev.recsuite.suite.report;

import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.train.EpochRecord;
import dev.recsuite.reports.input.RunSummary;
import dev.recsuite.suite.registry.ModelRegistry;
import dev.recsuite.suite.run.Efficiency;
import dev.recsuite.suite.run.PerUserCodec;
import dev.recsuite.suite.run.Provenance;
import dev.recsuite.suite.run.ResultFiles;
import dev.recsuite.suite.run.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Turns stored run records into the report's input ({@link RunSummary}): the one place that knows both the
 * results store's format and the report's. A model's role comes from its registry entry: a model whose spec
 * section is in {@code specs/proposed.md} is proposed, every other registered model a baseline; a model the
 * registry does not know (a run from another version) is a baseline and is listed in {@link Result#unknownModels}.
 */
public final class RunSummaries {
  /** The spec file of the papers' proposed models; a registry entry citing it is a proposed model. */
  static final String PROPOSED_SPEC = "specs/proposed.md";
  /** An effective-config key naming a model's variant (an ablation) as its paper prints it. */
  static final String VARIANT_KEY = "variant";

  private RunSummaries() {}

  /** The runs read, and the models that had to be assumed baselines. */
  public record Result(List<RunSummary> runs, Set<String> unknownModels) {}

  /** Every run file ({@code *.json}, at any depth, hidden temporary files skipped) under {@code store}. */
  public static Result read(Path store) {
    if (!Files.isDirectory(store)) {
      throw new IllegalArgumentException("results store " + store + " is not a folder; run 'recsuite run' first or"
          + " give --store DIR");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(store)) {
      files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + store + ": " + e.getMessage(), e);
    }
    List<RunSummary> runs = new ArrayList<>();
    Set<String> unknown = new TreeSet<>();
    for (Path f : files) {
      RunRecord r = ResultFiles.read(f);
      if (r.id() == null || r.test() == null) {
        throw new IllegalArgumentException(f + ": not a run record (no id or no test results)");
      }
      ModelSpec<?> spec = ModelRegistry.all().get(r.model());
      if (spec == null) {
        unknown.add(r.model());
      }
      runs.add(of(r, spec));
    }
    return new Result(runs, unknown);
  }

  /** One record as the report reads it; {@code spec} is the model's registry entry, or null when unknown. */
  public static RunSummary of(RunRecord r, ModelSpec<?> spec) {
    RunSummary.Role role = spec != null && spec.spec().startsWith(PROPOSED_SPEC) ? RunSummary.Role.PROPOSED
        : RunSummary.Role.BASELINE;
    Object variant = r.config() == null ? null : r.config().get(VARIANT_KEY);
    RunRecord.EvaluationInfo ev = r.evaluation();
    return new RunSummary(r.id(), r.dataset().name(), r.protocol().name(),
        new RunSummary.Evaluation(ev.mode(), ev.rule(), ev.candidatesSha256()), r.model(),
        variant == null ? "" : variant.toString(), configLabel(r.config()), role, r.seed(), "fixed",
        r.test().metrics(), perUser(r), training(r), efficiency(r.efficiency()), new RunSummary.DatasetStats(
            r.dataset().users(), r.dataset().items(), r.dataset().interactions()), provenance(r));
  }

  private static RunSummary.PerUser perUser(RunRecord r) {
    if (r.test().perUserUsers() == null || r.test().perUser() == null) {
      return RunSummary.PerUser.EMPTY;
    }
    int[] users = PerUserCodec.decodeInts(r.test().perUserUsers());
    Map<String, double[]> values = new HashMap<>();
    r.test().perUser().forEach((metric, encoded) -> values.put(metric, PerUserCodec.decodeDoubles(encoded)));
    return new RunSummary.PerUser(users, values);
  }

  private static RunSummary.Training training(RunRecord r) {
    if (r.training() == null || r.training().epochs() == null) {
      return RunSummary.Training.NONE;
    }
    List<RunSummary.EpochPoint> curve = new ArrayList<>();
    for (EpochRecord e : r.training().epochs()) {
      curve.add(new RunSummary.EpochPoint(e.epoch(), e.loss(), e.validMetric()));
    }
    return new RunSummary.Training(r.evaluation().selectionMetric(), curve, r.training().bestEpoch());
  }

  private static RunSummary.Efficiency efficiency(Efficiency e) {
    if (e == null) {
      return RunSummary.Efficiency.UNKNOWN;
    }
    return new RunSummary.Efficiency(e.epochs(), e.epochSecondsMedian(), e.epochSecondsMin(), e.epochSecondsMax(),
        e.parameters(), e.peakHeapBytes(), e.peakRssBytes(), e.testEvalSeconds(), e.usersPerSecond());
  }

  private static RunSummary.Provenance provenance(RunRecord r) {
    Provenance p = r.provenance();
    String machine = p == null ? "unknown" : p.cpu() + ", " + p.threads() + " threads, " + p.os() + " " + p.arch()
        + ", " + p.jvm();
    return new RunSummary.Provenance(r.dataset().contentSha256(), List.of(), r.protocol().fingerprint(),
        p == null ? "unknown" : p.gitCommit(), p == null ? null : p.gitDirty(), machine);
  }

  /** "embedding_size=64, reg_weight=0.001", keys sorted; "" for an empty config. */
  private static String configLabel(Map<String, Object> config) {
    if (config == null || config.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    new java.util.TreeMap<>(config).forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(", ", parts);
  }
}
