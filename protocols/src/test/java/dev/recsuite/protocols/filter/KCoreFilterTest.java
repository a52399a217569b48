package dev.recsuite.protocols.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KCoreFilterTest {
  /**
   * Users a, b have items x, y; user c has x, y and z; z is also rated by d, who has only z.
   * 2/2-core by hand: pass 1 drops d (1 interaction); z then has 1 user (c) and is dropped in pass 2;
   * c keeps x, y. Result: users a, b, c; items x, y; 6 interactions. A single non-iterative pass would keep z.
   */
  @Test
  void iteratesUntilStable() {
    Dataset d = TestData.timestamped("k", "a x 1", "a y 2", "b x 3", "b y 4", "c x 5", "c y 6", "c z 7", "d z 8");
    Dataset f = new KCoreFilter(2, 2).apply(d);
    assertEquals(3, f.nUsers());
    assertEquals(2, f.nItems());
    assertEquals(6, f.nInteractions());
  }

  /** Separate thresholds: 1/3-core keeps only items with at least 3 users (MM-RACL-KAL uses 5/20). */
  @Test
  void userAndItemThresholdsAreSeparate() {
    List<String> rows = new ArrayList<>();
    for (String u : new String[] {"u1", "u2", "u3"}) {
      rows.add(u + " pop 1");
    }
    rows.add("u1 rare 2");
    rows.add("u2 rare 3");
    Dataset d = TestData.timestamped("k", rows.toArray(String[]::new));
    Dataset f = new KCoreFilter(1, 3).apply(d);
    assertEquals(1, f.nItems());
    assertEquals(3, f.nInteractions());
    Dataset g = new KCoreFilter(2, 1).apply(d); // users need 2: u3 (1 row) goes, both items stay
    assertEquals(2, g.nUsers());
    assertEquals(4, g.nInteractions());
  }

  @Test
  void rejectsNegativeThresholds() {
    assertThrows(IllegalArgumentException.class, () -> new KCoreFilter(-1, 5));
  }
}
