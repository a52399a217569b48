package dev.recsuite.baselines.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.tensor.Csr;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.data.FeatureMatrix;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entries worked by hand on tiny graphs. */
class GraphsTest {
  // users 0, 1; items 0, 1, 2. Rows: (0,0) (0,1) (1,1) and a duplicate (0,1).
  static TrainView tiny() {
    return TrainView.ofPairs(2, 3, new int[] {0, 0, 1, 0}, new int[] {0, 1, 1, 1}, Map.of());
  }

  /**
   * Binary degrees: user0 2 (items 0, 1), user1 1, item0 1, item1 2, item2 0. Node ids: users 0, 1; items 2, 3, 4.
   * Â(u0, i0) = 1/sqrt(2*1); Â(u0, i1) = 1/sqrt(2*2) = 0.5; Â(u1, i1) = 1/sqrt(1*2).
   */
  @Test
  void lightGcnAdjacencyEntries() {
    Csr a = InteractionGraph.normalizedAdjacency(tiny(), 0f);
    assertEquals(6, a.nnz()); // the duplicate collapses
    assertEquals(1 / Math.sqrt(2), a.get(0, 2), 1e-7);
    assertEquals(0.5, a.get(0, 3), 1e-7);
    assertEquals(1 / Math.sqrt(2), a.get(1, 3), 1e-7);
    assertEquals(a.get(0, 3), a.get(3, 0), 0);
    assertEquals(0, a.get(4, 0), 0); // item 2 has no edges
    Csr eps = InteractionGraph.normalizedAdjacency(tiny(), 1e-7f);
    assertEquals(1 / Math.sqrt((2 + 1e-7) * (1 + 1e-7)), eps.get(0, 2), 1e-7);
  }

  @Test
  void userItemBlockIsTheUpperRightOfTheAdjacency() {
    Csr a = InteractionGraph.normalizedAdjacency(tiny(), 0f);
    Csr r = InteractionGraph.userItemBlock(a, 2, 3);
    assertEquals(3, r.nnz());
    for (int u = 0; u < 2; u++) {
      for (int i = 0; i < 3; i++) {
        assertEquals(a.get(u, 2 + i), r.get(u, i), 0);
      }
    }
  }

  /**
   * MGCN's A counts the repeated row: A(u0, i1) = 2. Row sums: user0 1 + 2 = 3, user1 1, item0 1, item1 2 + 1 = 3,
   * item2 0. Â(u0, i0) = 1/sqrt(3*1); Â(u0, i1) = 2/sqrt(3*3) = 2/3; Â(u1, i1) = 1/sqrt(1*3); item 2 has no entries.
   */
  @Test
  void countAdjacencyWeighsARepeatedPairByItsCount() {
    Csr a = InteractionGraph.countNormalizedAdjacency(tiny());
    assertEquals(6, a.nnz());
    assertEquals(1 / Math.sqrt(3), a.get(0, 2), 1e-7);
    assertEquals(2.0 / 3, a.get(0, 3), 1e-7);
    assertEquals(1 / Math.sqrt(3), a.get(1, 3), 1e-7);
    assertEquals(a.get(0, 3), a.get(3, 0), 0);
    assertEquals(0, a.get(4, 0), 0);
  }

  /** Mean aggregation counts the duplicate row: user 0 has in-degree 3 (items 0, 1, 1), item 1 in-degree 3. */
  @Test
  void meanAggregationCountsDuplicates() {
    Csr m = InteractionGraph.meanAggregation(tiny());
    assertEquals(1.0 / 3, m.get(0, 2), 1e-7);
    assertEquals(2.0 / 3, m.get(0, 3), 1e-7);
    assertEquals(1.0 / 3, m.get(3, 1), 1e-7);
    assertEquals(2.0 / 3, m.get(3, 0), 1e-7);
  }

  /**
   * Four items on the plane: e0 = (1, 0), e1 = (2, 0) (same direction), e2 = (0, 1), e3 = (1, 1).
   * Cosines with item 0: 1, 1, 0, 1/sqrt(2). Top-2 of item 0: itself and item 1 (tie at 1 broken by the lower
   * index, so 0 before 1). Top-2 of item 2: itself (1) and item 3 (1/sqrt(2)).
   */
  @Test
  void knnByCosineIncludesTheItemAndBreaksTiesByIndex() {
    FeatureMatrix f = new FeatureMatrix(4, 2, new float[] {1, 0, 2, 0, 0, 1, 1, 1});
    ItemKnnGraph.Neighbours nb = ItemKnnGraph.topK(f, 2, CpuBackend.shared());
    assertArrayEquals(new int[] {0, 1}, java.util.Arrays.copyOfRange(nb.cols(), 0, 2));
    assertArrayEquals(new int[] {0, 1}, java.util.Arrays.copyOfRange(nb.cols(), 2, 4)); // item 1 ties with 0 at 1.0: lower index first
    assertArrayEquals(new int[] {2, 3}, java.util.Arrays.copyOfRange(nb.cols(), 4, 6));
    assertEquals(1 / Math.sqrt(2), nb.sims()[5], 1e-6);
    // FREEDOM: every stored value is 1/(k + 1e-7)
    Csr fr = ItemKnnGraph.binaryNormalized(nb);
    for (float v : fr.values()) {
      assertEquals(1 / (2 + 1e-7), v, 1e-7);
    }
    // MGCN: row 2 keeps sims {1, 1/sqrt2}: deg2 = 1 + 0.7071; row 3 keeps {1 (itself), 1/sqrt2 (item 0 or 2)}
    Csr mg = ItemKnnGraph.weightedSymmetricNormalized(nb);
    double deg2 = 1 + 1 / Math.sqrt(2);
    assertEquals(1 / deg2, mg.get(2, 2), 1e-6);
  }

  @Test
  void weightedSumAddsSharedEdges() {
    Csr a = Csr.fromCoo(2, 2, new int[] {0, 1}, new int[] {0, 1}, new float[] {1, 1});
    Csr b = Csr.fromCoo(2, 2, new int[] {0}, new int[] {0}, new float[] {1});
    Csr s = ItemKnnGraph.weightedSum(a, 0.1f, b, 0.9f);
    assertEquals(1.0, s.get(0, 0), 1e-6);
    assertEquals(0.1, s.get(1, 1), 1e-6);
  }
}
