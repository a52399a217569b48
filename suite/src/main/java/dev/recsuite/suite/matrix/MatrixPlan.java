package dev.recsuite.suite.matrix;

import dev.recsuite.suite.experiment.ConfigNode;
import dev.recsuite.suite.experiment.ConfigResolver;
import dev.recsuite.suite.experiment.ConfigResolver.EvalChoice;
import dev.recsuite.suite.experiment.Experiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The run matrix of an experiment: datasets x protocols x models (each with its grid) x seeds, in that
 * order, bound and validated before anything runs.
 */
public record MatrixPlan(Experiment experiment, List<Group> groups) {

  /**
   * A unit of work for sharding: one seed of a fixed configuration, or a whole grid group (its seeds need
   * the selection, which needs all of its trials).
   */
  public record Unit(Group group, List<Long> seeds) {
    public int runs() {
      return group.hasGrid() ? group.runs() : seeds.size() * group.evals().size();
    }
  }

  /** @param datasetLayer the dataset layer of each dataset ({@code configs/datasets/NAME.yaml}, if any) */
  public static MatrixPlan of(Experiment exp, Function<String, Optional<ConfigNode.Mapping>> datasetLayer) {
    List<Group> groups = new ArrayList<>();
    for (String dataset : exp.datasets()) {
      ConfigResolver.Resolved r = ConfigResolver.resolve(exp, datasetLayer.apply(dataset));
      for (var p : r.protocols().entrySet()) {
        Map<String, String> origins = new LinkedHashMap<>(r.origins());
        origins.putAll(p.getValue().origins());
        for (var m : r.models().entrySet()) {
          // a grid selects per evaluation, so each evaluation is its own group; a fixed configuration trains once
          List<List<EvalChoice>> evalGroups = m.getValue().size() > 1 ? r.evals().stream().map(List::of).toList()
              : List.of(r.evals());
          for (List<EvalChoice> evals : evalGroups) {
            groups.add(new Group(dataset, p.getKey(), p.getValue().protocol(), m.getKey(), m.getValue(), exp.seeds(),
                exp.selection(), r.training(), evals, origins));
          }
        }
      }
    }
    return new MatrixPlan(exp, groups);
  }

  public List<Unit> units() {
    List<Unit> out = new ArrayList<>();
    for (Group g : groups) {
      if (g.hasGrid()) {
        out.add(new Unit(g, g.seeds()));
      } else {
        for (long s : g.seeds()) {
          out.add(new Unit(g, List.of(s)));
        }
      }
    }
    return out;
  }

  public int runs() {
    return groups.stream().mapToInt(Group::runs).sum();
  }
}
