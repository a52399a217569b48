package dev.recsuite.protocols.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recsuite.protocols.testing.TestData;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetTest {
  @Test
  void userRowsFollowTimestampThenFileOrder() {
    Dataset d = TestData.timestamped("t", "u a 30", "u b 10", "u c 30", "u d 20");
    assertArrayEquals(new int[] {1, 3, 0, 2}, d.userRows(0)); // ties at t=30 keep file order (0 before 2)
  }

  @Test
  void selectReindexesAndKeepsFeatureRowsAligned() {
    DatasetBuilder b = new DatasetBuilder("f", DatasetBuilder.IdPolicy.NUMERIC, false, false, false, false);
    b.add("0", "0", 0, 0, 0, null);
    b.add("1", "2", 0, 0, 0, null);
    b.add("2", "1", 0, 0, 0, null);
    b.feature("img", new FeatureMatrix(3, 1, new float[] {10, 11, 12}));
    Dataset d = b.build(Chronology.NONE);
    Dataset s = d.select(new boolean[] {false, true, true});
    assertEquals(2, s.nUsers());
    assertEquals(2, s.nItems());
    // old items 1 and 2 become 0 and 1 (ascending old id), features follow
    assertArrayEquals(new float[] {11, 12}, s.feature("img").data());
    assertEquals("2", s.itemKey(s.item(0)));
  }

  @Test
  void countsRepeatedPairs() {
    Dataset d = TestData.timestamped("r", "u a 1", "u a 2", "v a 3", "u a 4");
    assertEquals(2, d.repeatedPairs());
  }

  @Test
  void contentHashesSeeEveryColumn() {
    Dataset a = TestData.timestamped("a", "u a 1", "u b 2");
    Dataset b = TestData.timestamped("a", "u a 1", "u b 3");
    assertNotEquals(a.interactionsSha256(), b.interactionsSha256());
    assertEquals(a.interactionsSha256(), TestData.timestamped("other-name", "u a 1", "u b 2").interactionsSha256());
    Dataset f = a.withFeatures(Map.of("text", new FeatureMatrix(2, 1, new float[] {1, 2})));
    assertEquals(a.interactionsSha256(), f.interactionsSha256());
    assertNotEquals(a.contentSha256(), f.contentSha256());
  }

  @Test
  void rejectsFeaturesThatDoNotCoverTheItems() {
    Dataset a = TestData.timestamped("a", "u a 1", "u b 2");
    var e = assertThrows(IllegalArgumentException.class, () -> a.withFeatures(Map.of("text", new FeatureMatrix(3, 1, new float[3]))));
    assertEquals("a: feature 'text' has 3 rows, the dataset has 2 items", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> a.feature("image"));
  }
}
