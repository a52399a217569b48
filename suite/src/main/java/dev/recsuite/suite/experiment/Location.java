package dev.recsuite.suite.experiment;

/**
 * Where a config value comes from: its layer and its place in that layer (a file and 1-based line, a
 * {@code --set} argument, or a defaults record). Messages print {@code source:line}; stored runs keep
 * {@link #origin()} for every effective value.
 */
public record Location(Layer layer, String source, int line) {

  /** The config layers, lowest first (later layers override earlier ones). */
  public enum Layer {
    /** The suite's defaults: {@code Trainer.Config.defaults()}, {@code EvalSettings.defaults()}, protocol defaults. */
    SUITE,
    /** {@code configs/datasets/NAME.yaml}: per-dataset training, evaluation and protocol settings. */
    DATASET,
    /** The model's {@code Config.defaults()}. */
    MODEL,
    /** The experiment file. */
    EXPERIMENT,
    /** {@code --set key=value} (and its shortcuts) on the command line. */
    CLI
  }

  public static Location of(Layer layer, String source) {
    return new Location(layer, source, 0);
  }

  /** "layer: source[:line]", e.g. {@code experiment: experiments/smoke.yaml:14}. */
  public String origin() {
    return layer.name().toLowerCase(java.util.Locale.ROOT) + ": " + this;
  }

  @Override
  public String toString() {
    return line > 0 ? source + ":" + line : source;
  }
}
