package dev.recsuite.suite.experiment;

import java.util.List;
import java.util.Optional;

/**
 * A validated experiment file, with its {@code --set} overrides applied: which datasets, protocols (with
 * parameters), models (with hyper-parameters, possibly grids) and seeds make the run matrix, how grids are
 * decided, and the training and evaluation sections. Values are kept as {@link ConfigNode}s, with their
 * locations, until {@link ConfigResolver} binds them per dataset.
 *
 * @param source the file as the user named it, or {@link ExperimentLoader#BUILT_IN}
 * @param sha256 SHA-256 of the file's text
 * @param overrides the {@code --set KEY=VALUE} arguments, in order
 * @param document the normalised document: {@code datasets} a list, {@code protocols} and {@code models}
 *     mappings of name to parameters
 */
public record Experiment(String name, String source, String sha256, List<String> overrides, ConfigNode.Mapping document,
    List<Long> seeds, Selection selection) {

  /**
   * {@code unavailable: skip}: cells whose dataset is not installed, or lacks what the protocol or model needs,
   * are reported as not run instead of failing the matrix (a paper's full table where only some data is here).
   */
  public boolean skipUnavailable() {
    return document.get("unavailable").map(n -> ((ConfigNode.Scalar) n).text().equals("skip")).orElse(false);
  }

  public List<String> datasets() {
    return ((ConfigNode.Sequence) document.get("datasets").orElseThrow()).items().stream()
        .map(n -> ((ConfigNode.Scalar) n).text()).toList();
  }

  /** Protocol name to its parameters (an empty mapping for the defaults). */
  public ConfigNode.Mapping protocols() {
    return (ConfigNode.Mapping) document.get("protocols").orElseThrow();
  }

  /** Model name (as registered) to its hyper-parameters (an empty mapping for the defaults). */
  public ConfigNode.Mapping models() {
    return (ConfigNode.Mapping) document.get("models").orElseThrow();
  }

  /**
   * {@code evaluations}, if given: name to overrides of the {@code evaluation} section. Every trained model is
   * evaluated under each (one training per seed serves all of them; see {@code Trainer.fitJointly}).
   */
  public Optional<ConfigNode.Mapping> evaluations() {
    return section("evaluations");
  }

  /** The {@code training}, {@code evaluation} or {@code evaluations} section, if given. */
  public Optional<ConfigNode.Mapping> section(String key) {
    return document.get(key).map(n -> (ConfigNode.Mapping) n);
  }
}
