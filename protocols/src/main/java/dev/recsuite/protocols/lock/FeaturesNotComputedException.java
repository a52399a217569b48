package dev.recsuite.protocols.lock;

import dev.recsuite.protocols.api.UnavailableException;
import java.nio.file.Path;
import java.util.List;

/**
 * A dataset whose {@code datasets.lock} entry pins item features that have not been computed on this machine
 * yet. The suite computes them itself ({@code recsuite features MODALITY DATASET}); they are never committed.
 */
public final class FeaturesNotComputedException extends UnavailableException {
  private final List<String> modalities;

  public FeaturesNotComputedException(String dataset, List<String> modalities, List<Path> searched) {
    super("dataset '" + dataset + "': features " + modalities + " pinned in datasets.lock have not been computed yet"
        + " (looked in " + searched + "); run: "
        + String.join(" && ", modalities.stream().map(m -> "recsuite features " + m + " " + dataset).toList()));
    this.modalities = List.copyOf(modalities);
  }

  public List<String> modalities() {
    return modalities;
  }
}
