package dev.recsuite.protocols.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.data.ExternalIdOrder;
import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.protocols.data.Npy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Features pinned in datasets.lock load with their dataset, rows mapped by external id, and a changed encoder,
 * input or output stops the load with a message naming it. The data is a four-interaction MovieLens-style
 * file whose items appear in the order 30, 10, 20, so internal ids differ from the external-id row order.
 */
class LockedFeaturesTest {
  @TempDir
  Path home;

  private Path lockFile;
  private Path dataDir;
  private static final LockedFeature.Encoder ENCODER =
      new LockedFeature.Encoder("toy-encoder", "1", "aa".repeat(32), Map.of("tokenizer_sha256", "bb".repeat(32)));

  @BeforeEach
  void setUp() throws IOException {
    dataDir = home.resolve("data").resolve("toy");
    Files.createDirectories(dataDir);
    Files.writeString(dataDir.resolve("u.data"), "1\t30\t5\t100\n1\t10\t4\t200\n2\t20\t3\t150\n2\t30\t1\t160\n");
    Files.writeString(dataDir.resolve("items.tsv"), "itemID\ttitle\n10\tTen\n20\tTwenty\n30\tThirty\n");
    writeLock();
  }

  private void writeLock() throws IOException {
    String lock = "version: 1\n"
        + "datasets:\n"
        + "  toy:\n"
        + "    format: movielens-udata\n"
        + "    dir: toy\n"
        + "    files:\n"
        + "      - {path: u.data, size: " + Files.size(dataDir.resolve("u.data")) + ", sha256: "
        + FileDigest.sha256(dataDir.resolve("u.data")) + "}\n"
        + "    layout: {interactions: u.data}\n"
        + "    expected: {users: 2, items: 3, interactions: 4}\n"
        + "\n"
        + "  toy-mm:\n"
        + "    format: movielens-udata\n"
        + "    dir: toy\n"
        + "    base: toy\n"
        + "    files:\n"
        + "      - {path: items.tsv, size: " + Files.size(dataDir.resolve("items.tsv")) + ", sha256: "
        + FileDigest.sha256(dataDir.resolve("items.tsv")) + "}\n"
        + "    layout: {item_text: items.tsv}\n"
        + "    expected: {users: 2, items: 3, interactions: 4}\n";
    lockFile = home.resolve(DatasetsLock.FILE_NAME);
    String old = Files.exists(lockFile) ? Files.readString(lockFile) : null;
    if (old != null && old.contains("features:")) {
      lock += old.substring(old.indexOf("    features:"));
    }
    Files.writeString(lockFile, lock);
  }

  private DatasetRepository repo(EncoderCatalog encoders) {
    return new DatasetRepository(home, DatasetsLock.read(lockFile), List.of(home.resolve("data")), encoders);
  }

  /** Writes a feature whose row r holds the external id of row r in every column, and pins it. */
  private Dataset pinFeature() {
    DatasetRepository repo = repo(EncoderCatalog.NONE);
    Dataset d = repo.load("toy-mm", DatasetRepository.FeaturePolicy.SKIP);
    int[] itemOfRow = ExternalIdOrder.itemOfRow(d);
    float[] data = new float[3 * 2];
    for (int r = 0; r < 3; r++) {
      data[2 * r] = Float.parseFloat(d.itemKey(itemOfRow[r]));
      data[2 * r + 1] = -data[2 * r];
    }
    Path dir = repo.featureDir("toy-mm");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Path file = dir.resolve("text_feat.npy");
    Npy.write(file, new FeatureMatrix(3, 2, data));
    LockedFeature f = new LockedFeature("text_feat.npy", ENCODER,
        new LockedFeature.Inputs(List.of("title"), FeatureInputDigest.of(d, List.of("title"), itemOfRow, dataDir)),
        Map.of("max_tokens", 256), LockedFeature.EXTERNAL_ID_ASCENDING, null,
        new LockedFeature.Output(3, 2, "<f4", size(file), FileDigest.sha256(file)));
    LockFileEditor.putFeature(lockFile, "toy-mm", "text", f);
    return d;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void externalIdOrderIsNumericNotFirstAppearance() {
    Dataset d = repo(EncoderCatalog.NONE).load("toy");
    assertEquals("30", d.itemKey(0), "internal ids follow first appearance in u.data");
    int[] itemOfRow = ExternalIdOrder.itemOfRow(d);
    assertEquals(List.of("10", "20", "30"), List.of(d.itemKey(itemOfRow[0]), d.itemKey(itemOfRow[1]), d.itemKey(itemOfRow[2])));
  }

  @Test
  void pinnedFeaturesLoadWithTheDatasetMappedByExternalId() {
    pinFeature();
    Dataset d = repo(EncoderCatalog.NONE).load("toy-mm");
    FeatureMatrix m = d.feature("text");
    for (int i = 0; i < d.nItems(); i++) {
      assertEquals(Float.parseFloat(d.itemKey(i)), m.get(i, 0), "row of internal item " + i);
    }
  }

  @Test
  void aMatchingEncoderPasses() {
    pinFeature();
    EncoderCatalog same = name -> Optional.of(ENCODER);
    assertEquals(2, repo(same).load("toy-mm").feature("text").cols());
  }

  @Test
  void aChangedEncoderIsDetected() {
    pinFeature();
    EncoderCatalog changed = name -> Optional.of(new LockedFeature.Encoder("toy-encoder", "1", "cc".repeat(32),
        ENCODER.components()));
    LockMismatchException e = assertThrows(LockMismatchException.class, () -> repo(changed).load("toy-mm"));
    assertTrue(e.getMessage().contains("encoder changed: SHA-256 " + "cc".repeat(32) + " in this build, datasets.lock says "
        + "aa".repeat(32)), e.getMessage());
  }

  @Test
  void aChangedInputTextIsDetectedEvenWhenTheFileHashWasUpdated() throws IOException {
    pinFeature();
    Files.writeString(dataDir.resolve("items.tsv"), "itemID\ttitle\n10\tTen\n20\tTwenty-one\n30\tThirty\n");
    writeLock(); // the dataset's own file record now matches the new items.tsv; the feature record does not
    LockMismatchException e = assertThrows(LockMismatchException.class, () -> repo(EncoderCatalog.NONE).load("toy-mm"));
    assertTrue(e.getMessage().contains("feature text") && e.getMessage().contains("input changed: SHA-256 of [title]"),
        e.getMessage());
  }

  @Test
  void aChangedOutputFileIsDetected() throws IOException {
    pinFeature();
    Path file = repo(EncoderCatalog.NONE).locateFeature("toy-mm", "text").orElseThrow();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 1;
    Files.write(file, bytes);
    LockMismatchException e = assertThrows(LockMismatchException.class, () -> repo(EncoderCatalog.NONE).load("toy-mm"));
    assertTrue(e.getMessage().contains("output changed") && e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void featuresNotComputedYetSayWhatToRun() throws IOException {
    pinFeature();
    Files.delete(repo(EncoderCatalog.NONE).locateFeature("toy-mm", "text").orElseThrow());
    FeaturesNotComputedException e =
        assertThrows(FeaturesNotComputedException.class, () -> repo(EncoderCatalog.NONE).load("toy-mm"));
    assertEquals(List.of("text"), e.modalities());
    assertTrue(e.getMessage().contains("run: recsuite features text toy-mm"), e.getMessage());
    assertEquals(3, repo(EncoderCatalog.NONE).load("toy-mm", DatasetRepository.FeaturePolicy.SKIP).nItems());
  }

  @Test
  void editingTheLockKeepsEveryOtherLineAndReplacesTheRecord() throws IOException {
    String before = Files.readString(lockFile, StandardCharsets.UTF_8);
    pinFeature();
    String once = Files.readString(lockFile, StandardCharsets.UTF_8);
    assertTrue(once.startsWith(before.stripTrailing()), "the original text is kept, the block appended:\n" + once);
    pinFeature(); // the same record again: replaced in place, not duplicated
    String twice = Files.readString(lockFile, StandardCharsets.UTF_8);
    assertEquals(once, twice);
    assertEquals(1, twice.split("      text:", -1).length - 1);
    LockedFeature back = DatasetsLock.read(lockFile).entry("toy-mm").features().get("text");
    assertEquals(ENCODER, back.encoder());
    assertEquals(Map.of("max_tokens", 256), back.params());
  }

  @Test
  void npyRoundTripKeepsEveryBitAndTheRowOrder() {
    float[] data = {0f, -0f, 1.5f, Float.MIN_VALUE, Float.MAX_VALUE, -3.25e-7f};
    Path file = home.resolve("m.npy");
    Npy.write(file, new FeatureMatrix(3, 2, data));
    FeatureMatrix back = Npy.read(file);
    assertEquals(3, back.rows());
    assertEquals(2, back.cols());
    for (int i = 0; i < data.length; i++) {
      assertEquals(Float.floatToRawIntBits(data[i]), Float.floatToRawIntBits(back.data()[i]), "value " + i);
    }
  }
}
