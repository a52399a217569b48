package dev.recsuite.protocols.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.data.Chronology;
import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.protocols.data.Npy;
import dev.recsuite.protocols.split.ShippedSplit;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.protocols.testing.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The project's own datasets.lock against the real data in ../shared/datasets. Expected counts come from
 * ../shared/datasets/README.md ("every dataset below was checked by counting"), not from the lock, so a
 * wrong lock entry fails here too. Without the folder, these tests are skipped with a message.
 */
class LockedDatasetsTest {
  private static DatasetRepository repo() {
    return DatasetRepository.open(TestData.home());
  }

  private static void assumeShared(String name) {
    boolean present = TestData.sharedDatasets() != null && repo().isAvailable(name);
    if (!present) {
      System.err.println("SKIPPED: dataset '" + name + "' is not present (../shared/datasets absent)");
    }
    Assumptions.assumeTrue(present, "../shared/datasets absent: real-data test for '" + name + "' skipped");
  }

  @ParameterizedTest(name = "{0}: {1} users, {2} items, {3} interactions")
  @CsvSource({
      "amazon-baby, 19445, 7050, 160792",
      "amazon-beauty, 22363, 12101, 198502",
      "amazon-toys, 19412, 11924, 167597",
      "amazon-sports, 35598, 18357, 296337",
      "amazon-clothing, 39387, 23033, 278677",
      "amazon-games, 31013, 23715, 287107",
      "ml-100k, 943, 1682, 100000",
      "ml-100k-recbole, 943, 1682, 100000",
      "ml-latest-small, 610, 9724, 100836",
      "ml-100k-mm, 943, 1682, 100000"})
  void realDatasetsLoadWithTheirPublishedCounts(String name, int users, int items, int interactions) {
    assumeShared(name);
    // suite-computed features are checked in ml100kMmFeaturesLoadByExternalId; CI does not compute them
    Dataset d = repo().load(name, DatasetRepository.FeaturePolicy.SKIP);
    assertEquals(users, d.nUsers());
    assertEquals(items, d.nItems());
    assertEquals(interactions, d.nInteractions());
  }

  /** ../shared/datasets/README.md: x_label 0 train (119,674), 1 valid (20,559), 2 test (20,559); no chronology. */
  @Test
  void babyShippedSplitHasTheReadmeCounts() {
    assumeShared("amazon-baby");
    Dataset d = repo().load("amazon-baby");
    assertEquals(Chronology.NONE, d.chronology());
    Split s = new ShippedSplit().apply(d);
    assertEquals(119674, s.train().length);
    assertEquals(20559, s.valid().length);
    assertEquals(20559, s.test().length);
    assertEquals(0, s.audit().droppedRows());
  }

  @Test
  void ml100kMmCarriesItemText() {
    assumeShared("ml-100k-mm");
    Dataset d = repo().load("ml-100k-mm", DatasetRepository.FeaturePolicy.SKIP);
    int toyStory = -1;
    for (int i = 0; i < d.nItems(); i++) {
      if (d.itemKey(i).equals("1")) {
        toyStory = i;
      }
    }
    assertEquals("Toy Story (1995)", d.itemText().get("title")[toyStory]);
  }

  /**
   * When `recsuite features text|image ml-100k-mm` has been run here, the pinned files load with the dataset:
   * file row r (external ids ascending: "1", "2", ...) lands on the internal id of that external id.
   */
  @Test
  void ml100kMmFeaturesLoadByExternalId() {
    assumeShared("ml-100k-mm");
    DatasetRepository r = repo();
    boolean computed = r.locateFeature("ml-100k-mm", "text").isPresent() && r.locateFeature("ml-100k-mm", "image").isPresent();
    if (!computed) {
      System.err.println("SKIPPED: ml-100k-mm features not computed here (run: recsuite features text|image ml-100k-mm)");
    }
    Assumptions.assumeTrue(computed, "ml-100k-mm features not computed");
    Dataset d = r.load("ml-100k-mm");
    FeatureMatrix text = d.feature("text");
    assertEquals(384, text.cols());
    assertEquals(855, d.feature("image").cols());
    FeatureMatrix file = Npy.read(r.locateFeature("ml-100k-mm", "text").orElseThrow());
    for (int i = 0; i < d.nItems(); i++) {
      int row = Integer.parseInt(d.itemKey(i)) - 1; // ML-100K ids are 1..1682
      assertEquals(file.get(row, 0), text.get(i, 0), "item " + d.itemKey(i));
    }
  }

  /** The embedded default data is generated, so it is always checked: counts and the pinned content hash. */
  @Test
  void syntheticDefaultMatchesItsLock() {
    Dataset d = repo().load("synthetic-mm");
    assertEquals(2000, d.nUsers());
    assertEquals(1000, d.nItems());
    assertEquals(30000, d.nInteractions());
    assertEquals(repo().lock().entry("synthetic-mm").contentSha256(), d.contentSha256());
    assertEquals(64, d.feature("image").cols());
    assertEquals(48, d.feature("text").cols());
    assertTrue(d.itemText().containsKey("title"));
  }
}
