package dev.recsuite.protocols.lock;

import dev.recsuite.protocols.data.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares one computed feature file with its {@link LockedFeature} record. Each problem names the feature,
 * what differs, both values, and how to fix it.
 */
final class FeatureCheck {
  private FeatureCheck() {}

  static List<String> problems(String modality, LockedFeature f, Path file, Dataset d, int[] itemOfRow, Path datasetDir,
      EncoderCatalog encoders) {
    List<String> problems = new ArrayList<>();
    String where = "feature " + modality + " (" + file + ")";
    String recompute = "; recompute with: recsuite features " + modality + " " + d.name();
    if (!LockedFeature.EXTERNAL_ID_ASCENDING.equals(f.rowOrder())) {
      problems.add(where + ": row_order '" + f.rowOrder() + "' is not known (known: " + LockedFeature.EXTERNAL_ID_ASCENDING + ")");
    }
    LockedFeature.Output out = f.output();
    if (out.rows() != d.nItems()) {
      problems.add(where + ": datasets.lock says " + out.rows() + " rows, the dataset has " + d.nItems() + " items");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stat " + file, e);
    }
    String sha = FileDigest.sha256(file);
    if (size != out.size() || !sha.equalsIgnoreCase(out.sha256())) {
      problems.add(where + ": output changed: " + size + " bytes, SHA-256 " + sha + "; datasets.lock says " + out.size()
          + " bytes, SHA-256 " + out.sha256() + recompute + " (or restore the file)");
    }
    String inputs = FeatureInputDigest.of(d, f.inputs().fields(), itemOfRow, datasetDir);
    if (!inputs.equalsIgnoreCase(f.inputs().sha256())) {
      problems.add(where + ": input changed: SHA-256 of " + f.inputs().fields() + " is " + inputs + ", datasets.lock says "
          + f.inputs().sha256() + " (the features were computed from other data)" + recompute + " --update-lock");
    }
    encoders.current(f.encoder().name()).ifPresent(now -> {
      List<String> diffs = encoderDiffs(f.encoder(), now);
      if (!diffs.isEmpty()) {
        problems.add(where + ": encoder changed: " + String.join("; ", diffs) + recompute + " --update-lock");
      }
    });
    return problems;
  }

  private static List<String> encoderDiffs(LockedFeature.Encoder locked, LockedFeature.Encoder now) {
    List<String> diffs = new ArrayList<>();
    if (!locked.version().equals(now.version())) {
      diffs.add("version '" + now.version() + "' in this build, datasets.lock says '" + locked.version() + "'");
    }
    if (!locked.sha256().equalsIgnoreCase(now.sha256())) {
      diffs.add("SHA-256 " + now.sha256() + " in this build, datasets.lock says " + locked.sha256());
    }
    if (!Objects.equals(locked.components(), now.components())) {
      diffs.add("components " + now.components() + " in this build, datasets.lock says " + locked.components());
    }
    return diffs;
  }
}
