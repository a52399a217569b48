package dev.recsuite.suite.experiment;

import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.config.NearestName;
import dev.recsuite.protocols.metrics.MetricSet;
import dev.recsuite.protocols.metrics.UserMetric;
import dev.recsuite.protocols.split.SplitProtocol;
import dev.recsuite.protocols.train.Trainer;
import dev.recsuite.suite.registry.ModelRegistry;
import dev.recsuite.suite.registry.ProtocolRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds an experiment's settings for one dataset, layer by layer (lowest first): suite defaults
 * ({@code Trainer.Config.defaults()}, {@code EvalSettings.defaults()}, protocol defaults) &lt; dataset layer
 * ({@link DatasetLayer}) &lt; model defaults ({@code Config.defaults()}) &lt; experiment file &lt;
 * {@code --set}. Each section draws only on the layers that can set it; every value keeps its origin.
 */
public final class ConfigResolver {
  private ConfigResolver() {}

  /** One configuration of a model (one grid point), bound and validated. */
  public record ModelPoint(int index, String label, Record config, Map<String, String> origins) {}

  /** A protocol with its parameters bound. */
  public record ProtocolChoice(SplitProtocol protocol, Map<String, String> origins) {}

  /**
   * One evaluation of the experiment: the {@code evaluation} section, or one entry of {@code evaluations}
   * (its overrides on top of that section).
   *
   * @param name the entry's name, "" for the plain {@code evaluation} section
   * @param origins {@code evaluation.*} keys to their origins
   */
  public record EvalChoice(String name, EvalSettings settings, Map<String, String> origins) {}

  /**
   * Everything an experiment runs on one dataset.
   *
   * @param evals the evaluations every trained model gets (one unless the experiment lists {@code evaluations})
   * @param origins {@code training.*} keys to their origins
   */
  public record Resolved(Trainer.Config training, List<EvalChoice> evals, Map<String, String> origins,
      Map<String, ProtocolChoice> protocols, Map<String, List<ModelPoint>> models) {}

  public static Resolved resolve(Experiment exp, Optional<ConfigNode.Mapping> datasetLayer) {
    ConfigNode.Mapping dl = datasetLayer.orElse(null);
    var training = RecordBinder.bind(Trainer.Config.class, Trainer.Config.defaults(),
        Location.of(Location.Layer.SUITE, "Trainer.Config.defaults()"),
        Arrays.asList(sub(dl, "training"), exp.section("training").orElse(null)), "training");
    List<EvalChoice> evals = new ArrayList<>();
    var named = exp.evaluations();
    if (named.isEmpty()) {
      evals.add(eval("", null, training.value(), dl, exp));
    } else {
      named.get().entries().forEach((name, e) -> evals.add(eval(name, (ConfigNode.Mapping) e.value(), training.value(), dl, exp)));
    }
    Map<String, String> origins = new LinkedHashMap<>();
    training.origins().forEach((k, v) -> origins.put("training." + k, v));

    Map<String, ProtocolChoice> protocols = new LinkedHashMap<>();
    for (var e : exp.protocols().entries().entrySet()) {
      protocols.put(e.getKey(), protocol(ProtocolRegistry.entry(e.getKey()), sub(sub(dl, "protocols"), e.getKey()),
          (ConfigNode.Mapping) e.getValue().value()));
    }
    Map<String, List<ModelPoint>> models = new LinkedHashMap<>();
    for (var e : exp.models().entries().entrySet()) {
      models.put(e.getKey(), points(ModelRegistry.get(e.getKey()), (ConfigNode.Mapping) e.getValue().value()));
    }
    return new Resolved(training.value(), List.copyOf(evals), origins, protocols, models);
  }

  private static EvalChoice eval(String name, ConfigNode.Mapping overrides, Trainer.Config training,
      ConfigNode.Mapping dl, Experiment exp) {
    var bound = RecordBinder.bind(EvalSettings.class, EvalSettings.defaults(),
        Location.of(Location.Layer.SUITE, "EvalSettings.defaults()"),
        Arrays.asList(sub(dl, "evaluation"), exp.section("evaluation").orElse(null), overrides),
        name.isEmpty() ? "evaluation" : "evaluations." + name);
    checkValidMetric(training, bound.value(), dl, exp);
    Map<String, String> origins = new LinkedHashMap<>();
    bound.origins().forEach((k, v) -> origins.put("evaluation." + k, v));
    return new EvalChoice(name, bound.value(), origins);
  }

  private static <P extends Record & SplitProtocol> ProtocolChoice protocol(ProtocolRegistry.Entry<P> entry,
      ConfigNode.Mapping datasetParams, ConfigNode.Mapping experimentParams) {
    var bound = RecordBinder.bind(entry.type(), entry.defaults(),
        Location.of(Location.Layer.SUITE, "protocol " + entry.name() + " defaults"),
        Arrays.asList(datasetParams, experimentParams), "protocols." + entry.name());
    Map<String, String> origins = new LinkedHashMap<>();
    bound.origins().forEach((k, v) -> origins.put("protocol." + k, v));
    return new ProtocolChoice(bound.value(), origins);
  }

  private static <C extends Record> List<ModelPoint> points(ModelSpec<C> ms, ConfigNode.Mapping section) {
    List<ModelPoint> out = new ArrayList<>();
    for (Grid.Point p : Grid.expand(ms.configType(), section)) {
      var bound = RecordBinder.bind(ms.configType(), ms.defaults(),
          Location.of(Location.Layer.MODEL, ms.name() + ".Config.defaults()"), List.of(p.values()), "models." + ms.name());
      Map<String, String> origins = new LinkedHashMap<>();
      bound.origins().forEach((k, v) -> origins.put("model." + k, v));
      out.add(new ModelPoint(p.index(), p.label(), bound.value(), origins));
    }
    return out;
  }

  /** The selection metric must be one the evaluation computes, or early stopping would fail mid-run. */
  private static void checkValidMetric(Trainer.Config t, EvalSettings e, ConfigNode.Mapping dl, Experiment exp) {
    List<String> names = MetricSet.standard(e.ks()).stream().map(UserMetric::name).toList();
    for (String n : names) {
      if (n.equalsIgnoreCase(t.validMetric())) {
        return;
      }
    }
    Location at = Location.of(Location.Layer.SUITE, "Trainer.Config.defaults()");
    for (ConfigNode.Mapping layer : Arrays.asList(sub(dl, "training"), exp.section("training").orElse(null))) {
      if (layer != null && layer.entry("valid_metric").isPresent()) {
        at = layer.entry("valid_metric").get().value().location();
      }
    }
    throw new ConfigException(at, "training.valid_metric '" + t.validMetric() + "' is not computed"
        + NearestName.hint(t.validMetric(), names) + " (with evaluation.ks " + Arrays.toString(e.ks()) + ": "
        + String.join(", ", names) + ")");
  }

  private static ConfigNode.Mapping sub(ConfigNode.Mapping m, String key) {
    return m == null ? null : (ConfigNode.Mapping) m.get(key).orElse(null);
  }
}
