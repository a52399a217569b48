package dev.recsuite.suite.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.data.ExternalIdOrder;
import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.protocols.lock.DatasetRepository;
import dev.recsuite.protocols.lock.DatasetsLock;
import dev.recsuite.protocols.lock.FileDigest;
import dev.recsuite.protocols.lock.LockedFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A computed feature is pinned once, reproduced after, and never silently re-pinned when it differs. */
class FeaturePinningTest {
  @TempDir
  Path home;

  private Path lockFile;
  private Path dataDir;
  private Dataset d;
  private int[] itemOfRow;
  private DatasetRepository repo;

  @BeforeEach
  void setUp() throws IOException {
    dataDir = home.resolve("data").resolve("toy");
    Files.createDirectories(dataDir);
    Path inter = dataDir.resolve("u.data");
    Files.writeString(inter, "1\t2\t5\t100\n2\t1\t4\t200\n");
    lockFile = home.resolve(DatasetsLock.FILE_NAME);
    Files.writeString(lockFile, "version: 1\ndatasets:\n  toy:\n    format: movielens-udata\n    dir: toy\n"
        + "    files:\n      - {path: u.data, size: " + Files.size(inter) + ", sha256: " + FileDigest.sha256(inter) + "}\n"
        + "    layout: {interactions: u.data}\n    expected: {users: 2, items: 2, interactions: 2}\n");
    repo = new DatasetRepository(home, DatasetsLock.read(lockFile), List.of(home.resolve("data")));
    d = repo.load("toy");
    itemOfRow = ExternalIdOrder.itemOfRow(d);
  }

  private FeaturePinning.Result pin(int maxTokens, boolean update) {
    ComputedFeature f = new ComputedFeature("text", "text_feat.npy", new FeatureMatrix(2, 1, new float[] {1, 2}),
        new LockedFeature.Encoder("toy", "1", "ab".repeat(32), Map.of()), List.of(), Map.of("max_tokens", maxTokens),
        null, List.of());
    return FeaturePinning.pin(lockFile, "toy", d, itemOfRow, dataDir, repo.featureDir("toy"), f, update);
  }

  @Test
  void pinsThenReproducesThenRefusesADifferentRunUnlessAsked() throws IOException {
    assertEquals(FeaturePinning.Outcome.PINNED, pin(256, false).outcome());
    assertEquals(FeaturePinning.Outcome.REPRODUCED, pin(256, false).outcome());
    String pinned = Files.readString(lockFile);

    FeaturePinning.Result differs = pin(128, false);
    assertEquals(FeaturePinning.Outcome.DIFFERS, differs.outcome());
    assertTrue(differs.file().toString().endsWith("text_feat.npy.unpinned"));
    assertTrue(differs.differences().get(0).startsWith("params:"), differs.differences().toString());
    assertEquals(pinned, Files.readString(lockFile), "the lock is left alone");

    assertEquals(FeaturePinning.Outcome.UPDATED, pin(128, true).outcome());
    assertEquals(Map.of("max_tokens", 128), DatasetsLock.read(lockFile).entry("toy").features().get("text").params());
  }
}
