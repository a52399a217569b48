package dev.recsuite.suite.report;

import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.train.EpochRecord;
import dev.recsuite.reports.input.RunSummary;
import dev.recsuite.suite.experiment.RecordBinder;
import dev.recsuite.suite.registry.ModelRegistry;
import dev.recsuite.suite.run.Efficiency;
import dev.recsuite.suite.run.PerUserCodec;
import dev.recsuite.suite.run.Provenance;
import dev.recsuite.suite.run.RunRecord;
import dev.recsuite.suite.store.RunStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the results store's run records into the report's input ({@link RunSummary}): the one place that knows
 * both formats. Grid trials are left out (only reported runs, {@link RunRecord#isFinal()}, are shown).
 *
 * <ul>
 *   <li><b>Role</b> comes from the model's registry entry: a model whose spec section is in
 *       {@code specs/proposed.md} is proposed, every other registered model a baseline; a model this version's
 *       registry does not know is a baseline and is listed in {@link Result#unknownModels()}.</li>
 *   <li><b>Variant</b> is the model config's {@code variant} value (an ablation, named as its paper prints it), or
 *       "". Runs of one model, variant and selection rule on one dataset, protocol and evaluation whose effective
 *       configurations differ (two experiment files with other settings) would be averaged as seeds of one
 *       system; they get the differing keys appended to their variant instead ({@code reg_weight=0.001}).</li>
 * </ul>
 */
public final class RunSummaries {
  /** The spec file of the papers' proposed models; a registry entry citing it is a proposed model. */
  static final String PROPOSED_SPEC = "specs/proposed.md";
  /** A model-config key naming a model's variant (an ablation) as its paper prints it. */
  static final String VARIANT_KEY = "variant";

  private RunSummaries() {}

  /**
   * @param runs the reported runs
   * @param trials grid trials left out
   * @param unknownModels models this version's registry does not know (shown as baselines)
   */
  public record Result(List<RunSummary> runs, int trials, Set<String> unknownModels) {}

  /** Every reported run of the store. */
  public static Result read(RunStore store) {
    List<String> ids = store.ids();
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("no runs in " + store.root().resolve(RunStore.RUNS)
          + "; run 'recsuite run' first, or give the store with --store DIR");
    }
    List<RunRecord> finals = new ArrayList<>();
    int trials = 0;
    for (String id : ids) {
      RunRecord r = store.read(id);
      if (r.isFinal()) {
        finals.add(r);
      } else {
        trials++;
      }
    }
    Map<String, String> variants = variants(finals);
    List<RunSummary> runs = new ArrayList<>();
    Set<String> unknown = new TreeSet<>();
    for (RunRecord r : finals) {
      ModelSpec<?> spec = ModelRegistry.all().get(r.model());
      if (spec == null) {
        unknown.add(r.model());
      }
      runs.add(of(r, spec, variants.get(r.id())));
    }
    return new Result(runs, trials, unknown);
  }

  /** One record as the report reads it; {@code spec} is the model's registry entry (null when unknown). */
  public static RunSummary of(RunRecord r, ModelSpec<?> spec, String variant) {
    RunSummary.Role role = spec != null && spec.spec().startsWith(PROPOSED_SPEC) ? RunSummary.Role.PROPOSED
        : RunSummary.Role.BASELINE;
    RunRecord.EvaluationInfo ev = r.evaluation();
    return new RunSummary(r.id(), r.dataset().name(), r.protocol().name(),
        new RunSummary.Evaluation(ev.mode(), ev.rule(), ev.candidatesSha256()), r.model(), variant,
        label(modelConfig(r)), role, r.seed(), r.selectionRule(), r.test().metrics(), perUser(r), training(r),
        efficiency(r.efficiency()), new RunSummary.DatasetStats(r.dataset().users(), r.dataset().items(),
            r.dataset().interactions()), provenance(r));
  }

  /** Run id to variant: the {@code variant} key, plus the differing keys where configurations would mix. */
  static Map<String, String> variants(List<RunRecord> finals) {
    Map<List<String>, List<RunRecord>> systems = new LinkedHashMap<>();
    for (RunRecord r : finals) {
      Object v = modelConfig(r).get(VARIANT_KEY);
      if (v != null && v.toString().equals(defaultVariant(r.model()))) {
        v = null; // the model's default behaviour (MMGCN's reference) is the model itself, as papers name it
      }
      systems.computeIfAbsent(List.of(r.dataset().name(), r.protocol().name(), r.evaluation().mode(),
          String.valueOf(r.evaluation().rule()), r.model(), v == null ? "" : v.toString(), r.selectionRule()),
          k -> new ArrayList<>()).add(r);
    }
    Map<String, String> out = new HashMap<>();
    systems.forEach((key, runs) -> {
      Map<String, Map<String, String>> flat = new LinkedHashMap<>();
      runs.forEach(r -> flat.put(r.id(), flatten(r)));
      Set<String> differing = new TreeSet<>();
      for (Map<String, String> a : flat.values()) {
        for (Map<String, String> b : flat.values()) {
          Set<String> keys = new TreeSet<>(a.keySet());
          keys.addAll(b.keySet());
          keys.stream().filter(k -> !String.valueOf(a.get(k)).equals(String.valueOf(b.get(k)))).forEach(differing::add);
        }
      }
      for (RunRecord r : runs) {
        List<String> parts = new ArrayList<>();
        if (!key.get(5).isEmpty()) {
          parts.add(key.get(5));
        }
        differing.forEach(k -> parts.add(k + "=" + flat.get(r.id()).get(k)));
        out.put(r.id(), String.join(", ", parts));
      }
    });
    return out;
  }

  /** The {@code variant} of the model's registered defaults, or "" (none, or not a registered model). */
  private static String defaultVariant(String model) {
    ModelSpec<?> spec = ModelRegistry.all().get(model);
    if (spec == null) {
      return "";
    }
    Object v = RecordBinder.values(spec.defaults()).get(VARIANT_KEY);
    return v == null ? "" : v.toString();
  }

  /** The effective configuration as "key" (model section) or "section.key" to value text, sorted. */
  private static Map<String, String> flatten(RunRecord r) {
    Map<String, String> out = new TreeMap<>();
    RunRecord.EffectiveConfig c = r.config();
    if (c == null) {
      return out;
    }
    section(out, "", c.model());
    section(out, "protocol.", c.protocol());
    section(out, "training.", c.training());
    section(out, "evaluation.", c.evaluation());
    out.remove(VARIANT_KEY);
    return out;
  }

  private static void section(Map<String, String> out, String prefix, Map<String, Object> values) {
    if (values != null) {
      values.forEach((k, v) -> out.put(prefix + k, String.valueOf(v)));
    }
  }

  private static Map<String, Object> modelConfig(RunRecord r) {
    return r.config() == null || r.config().model() == null ? Map.of() : r.config().model();
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
    return new RunSummary.Training(r.selection() == null ? "" : r.selection().metric(), curve,
        r.training().bestEpoch());
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
    String machine = p == null ? "unknown"
        : p.cpu() + ", " + p.threads() + " threads, " + p.os() + " " + p.arch() + ", " + p.jvm();
    List<RunSummary.FileHash> files = r.dataset().files() == null ? List.of()
        : r.dataset().files().stream().map(f -> new RunSummary.FileHash(f.path(), f.sha256())).toList();
    return new RunSummary.Provenance(r.dataset().contentSha256(), files, r.protocol().fingerprint(),
        p == null ? "unknown" : p.gitCommit(), p == null ? null : p.gitDirty(), machine);
  }

  /** "embedding_size=64, reg_weight=0.001", keys sorted; "" for an empty config. */
  private static String label(Map<String, Object> config) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(config).forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(", ", parts);
  }
}
