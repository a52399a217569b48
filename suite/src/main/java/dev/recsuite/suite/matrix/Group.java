package dev.recsuite.suite.matrix;

import dev.recsuite.protocols.split.SplitProtocol;
import dev.recsuite.protocols.train.Trainer;
import dev.recsuite.suite.experiment.ConfigResolver.EvalChoice;
import dev.recsuite.suite.experiment.ConfigResolver.ModelPoint;
import dev.recsuite.suite.experiment.RecordBinder;
import dev.recsuite.suite.experiment.Selection;
import dev.recsuite.suite.experiment.Sha256;
import dev.recsuite.suite.run.Purpose;
import dev.recsuite.suite.run.RunSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One model on one dataset under one protocol: its configurations (one, or a grid), the seeds, and the
 * evaluations. With a grid, every configuration runs with the first seed (the trials), the selection rule
 * picks one, and then every seed runs with it; the first seed's run is the chosen trial itself. A grid group
 * has one evaluation (its selection is per evaluation); a fixed configuration trains once per seed and is
 * evaluated under each of its evaluations ({@code Trainer.fitJointly}), a run record per evaluation.
 *
 * @param origins {@code training.*} and {@code protocol.*} keys to their origins
 */
public record Group(String dataset, String protocolName, SplitProtocol protocol, String model, List<ModelPoint> points,
    List<Long> seeds, Selection rule, Trainer.Config training, List<EvalChoice> evals, Map<String, String> origins) {

  public Group {
    points = List.copyOf(points);
    seeds = List.copyOf(seeds);
    evals = List.copyOf(evals);
    if (points.size() > 1 && evals.size() != 1) {
      throw new IllegalArgumentException("a grid group has one evaluation, got " + evals.size());
    }
  }

  public boolean hasGrid() {
    return points.size() > 1;
  }

  /** Run records the group writes: every trial and every seed but the first (which reuses its trial). */
  public int runs() {
    return hasGrid() ? points.size() + seeds.size() - 1 : seeds.size() * evals.size();
  }

  public String label() {
    return model + " " + dataset + " " + protocolName + evalLabel(evals.size() == 1 ? evals.get(0) : null);
  }

  /** The label of one of the group's evaluations. */
  public String label(EvalChoice e) {
    return model + " " + dataset + " " + protocolName + evalLabel(e);
  }

  private static String evalLabel(EvalChoice e) {
    return e == null || e.name().isEmpty() ? "" : " [" + e.name() + "]";
  }

  /** SHA-256 of the grid's configurations, in order: part of the id of a run chosen from it. */
  public String gridKey() {
    StringBuilder sb = new StringBuilder();
    for (ModelPoint p : points) {
      sb.append(new TreeMap<>(RecordBinder.values(p.config()))).append('\n');
    }
    return Sha256.hex(sb.toString()).substring(0, 16);
  }

  public RunSpec spec(ModelPoint point, long seed, Purpose purpose, EvalChoice e) {
    Map<String, String> all = new LinkedHashMap<>(origins);
    all.putAll(e.origins());
    all.putAll(point.origins());
    return new RunSpec(dataset, protocol, model, point.config(), seed, e.settings(), training, all, purpose);
  }

  /** One spec per evaluation: one training serves them all. */
  public List<RunSpec> fixedSpecs(long seed) {
    return evals.stream().map(e -> spec(points.get(0), seed, Purpose.fixed(), e)).toList();
  }

  public RunSpec trialSpec(ModelPoint point) {
    return spec(point, seeds.get(0), Purpose.trial(point.label()), evals.get(0));
  }

  public RunSpec chosenSpec(ModelPoint point, long seed) {
    return spec(point, seed, Purpose.chosen(rule.key(), gridKey(), point.label()), evals.get(0));
  }
}
