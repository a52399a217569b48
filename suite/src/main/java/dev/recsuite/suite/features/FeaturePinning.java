package dev.recsuite.suite.features;

import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.data.Npy;
import dev.recsuite.protocols.lock.DatasetsLock;
import dev.recsuite.protocols.lock.FeatureInputDigest;
import dev.recsuite.protocols.lock.FileDigest;
import dev.recsuite.protocols.lock.LockFileEditor;
import dev.recsuite.protocols.lock.LockedFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a computed feature file and pins it in {@code datasets.lock}: a feature not yet in the lock is added;
 * one that matches the lock is reported as reproduced; one that differs is kept aside as {@code FILE.unpinned}
 * and the lock is left alone, unless the caller asks to update it.
 */
public final class FeaturePinning {
  /** What happened to the lock. */
  public enum Outcome { PINNED, REPRODUCED, UPDATED, DIFFERS }

  /** @param differences what differs from the lock (empty unless DIFFERS or UPDATED) */
  public record Result(Outcome outcome, Path file, LockedFeature record, List<String> differences) {}

  private FeaturePinning() {}

  /**
   * @param featureDir where the dataset's computed features live
   * @param datasetDir the dataset's folder (for folder inputs)
   * @param itemOfRow internal item id of each file row
   */
  public static Result pin(Path lockFile, String dataset, Dataset d, int[] itemOfRow, Path datasetDir, Path featureDir,
      ComputedFeature f, boolean updateLock) {
    try {
      Files.createDirectories(featureDir);
      Path target = featureDir.resolve(f.fileName());
      Path tmp = featureDir.resolve(f.fileName() + ".tmp");
      Npy.write(tmp, f.rows());
      LockedFeature record = new LockedFeature(f.fileName(), f.encoder(),
          new LockedFeature.Inputs(f.fields(), FeatureInputDigest.of(d, f.fields(), itemOfRow, datasetDir)), f.params(),
          LockedFeature.EXTERNAL_ID_ASCENDING, f.missing(),
          new LockedFeature.Output(f.rows().rows(), f.rows().cols(), "<f4", Files.size(tmp), FileDigest.sha256(tmp)));
      LockedFeature locked = DatasetsLock.read(lockFile).entry(dataset).features().get(f.modality());
      List<String> diffs = locked == null ? List.of() : differences(locked, record);
      Outcome outcome;
      if (locked == null) {
        outcome = Outcome.PINNED;
      } else if (diffs.isEmpty()) {
        outcome = Outcome.REPRODUCED;
      } else {
        outcome = updateLock ? Outcome.UPDATED : Outcome.DIFFERS;
      }
      if (outcome == Outcome.DIFFERS) {
        Path aside = featureDir.resolve(f.fileName() + ".unpinned");
        Files.move(tmp, aside, StandardCopyOption.REPLACE_EXISTING);
        return new Result(outcome, aside, record, diffs);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      if (outcome != Outcome.REPRODUCED) {
        LockFileEditor.putFeature(lockFile, dataset, f.modality(), record);
      }
      return new Result(outcome, target, record, diffs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write features into " + featureDir + ": " + e.getMessage(), e);
    }
  }

  static List<String> differences(LockedFeature locked, LockedFeature now) {
    List<String> d = new ArrayList<>();
    compare(d, "file", locked.file(), now.file());
    compare(d, "encoder", locked.encoder(), now.encoder());
    compare(d, "inputs", locked.inputs(), now.inputs());
    compare(d, "params", locked.params(), now.params());
    compare(d, "missing", locked.missing(), now.missing());
    compare(d, "output", locked.output(), now.output());
    return d;
  }

  private static void compare(List<String> out, String what, Object locked, Object now) {
    if (!Objects.equals(locked, now)) {
      out.add(what + ": datasets.lock has " + locked + ", this run gives " + now);
    }
  }
}
