package dev.recsuite.suite.matrix;

import dev.recsuite.protocols.split.SplitProtocol;
import dev.recsuite.protocols.train.Trainer;
import dev.recsuite.suite.experiment.ConfigResolver.ModelPoint;
import dev.recsuite.suite.experiment.EvalSettings;
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
 * One model on one dataset under one protocol: its configurations (one, or a grid) and the seeds. With a
 * grid, every configuration runs with the first seed (the trials), the selection rule picks one, and then
 * every seed runs with it; the first seed's run is the chosen trial itself.
 *
 * @param origins {@code training.*}, {@code evaluation.*} and {@code protocol.*} keys to their origins
 */
public record Group(String dataset, String protocolName, SplitProtocol protocol, String model, List<ModelPoint> points,
    List<Long> seeds, Selection rule, Trainer.Config training, EvalSettings eval, Map<String, String> origins) {

  public Group {
    points = List.copyOf(points);
    seeds = List.copyOf(seeds);
  }

  public boolean hasGrid() {
    return points.size() > 1;
  }

  /** Runs that train a model: every trial and every seed but the first (which reuses its trial). */
  public int runs() {
    return hasGrid() ? points.size() + seeds.size() - 1 : seeds.size();
  }

  public String label() {
    return model + " " + dataset + " " + protocolName;
  }

  /** SHA-256 of the grid's configurations, in order: part of the id of a run chosen from it. */
  public String gridKey() {
    StringBuilder sb = new StringBuilder();
    for (ModelPoint p : points) {
      sb.append(new TreeMap<>(RecordBinder.values(p.config()))).append('\n');
    }
    return Sha256.hex(sb.toString()).substring(0, 16);
  }

  public RunSpec spec(ModelPoint point, long seed, Purpose purpose) {
    Map<String, String> all = new LinkedHashMap<>(origins);
    all.putAll(point.origins());
    return new RunSpec(dataset, protocol, model, point.config(), seed, eval, training, all, purpose);
  }

  public RunSpec fixedSpec(long seed) {
    return spec(points.get(0), seed, Purpose.fixed());
  }

  public RunSpec trialSpec(ModelPoint point) {
    return spec(point, seeds.get(0), Purpose.trial(point.label()));
  }

  public RunSpec chosenSpec(ModelPoint point, long seed) {
    return spec(point, seed, Purpose.chosen(rule.key(), gridKey(), point.label()));
  }
}
