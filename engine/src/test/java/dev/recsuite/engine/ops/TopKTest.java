package dev.recsuite.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.recsuite.engine.parallel.WorkerPool;
import dev.recsuite.engine.tensor.Csr;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {
  private static final WorkerPool POOL = new WorkerPool(2);

  @Test
  void descendingWithTiesToLowerIndex() {
    float[] s = {0.5f, 0.9f, 0.5f, Float.NaN, 0.9f, -1e10f};
    int[] idx = new int[4];
    float[] val = new float[4];
    TopK.select(POOL, s, 1, 6, 4, idx, val);
    assertArrayEquals(new int[] {1, 4, 0, 2}, idx);
    assertArrayEquals(new float[] {0.9f, 0.9f, 0.5f, 0.5f}, val);
  }

  @Test
  void exclusionsSkipColumnsAndShortRowsArePadded() {
    float[] s = {3, 2, 1, 0};
    int[] idx = new int[3];
    float[] val = new float[3];
    TopK.select(POOL, s, 1, 4, 3, new int[][] {{0, 2, 3}}, idx, val);
    assertArrayEquals(new int[] {1, -1, -1}, idx);
    assertArrayEquals(new float[] {2, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, val);
  }

  @Test
  void agreesWithFullSortOnRandomScoresWithTies() {
    int rows = 37;
    int cols = 1001;
    int k = 20;
    SplittableRandom r = new SplittableRandom(3);
    float[] s = new float[rows * cols];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.nextInt(200) / 8f; // many exact ties
    }
    int[][] ex = new int[rows][];
    int[] cr = new int[0];
    int[] cc = new int[0];
    for (int u = 0; u < rows; u++) {
      ex[u] = r.ints(r.nextInt(30), 0, cols).distinct().sorted().toArray();
      int[] u0 = new int[ex[u].length];
      Arrays.fill(u0, u);
      cr = IntStream.concat(IntStream.of(cr), IntStream.of(u0)).toArray();
      cc = IntStream.concat(IntStream.of(cc), IntStream.of(ex[u])).toArray();
    }
    int[] idx = new int[rows * k];
    float[] val = new float[rows * k];
    TopK.select(POOL, s, rows, cols, k, ex, idx, val);
    for (int u = 0; u < rows; u++) {
      final int uu = u;
      int[] expected = IntStream.range(0, cols).filter(c -> Arrays.binarySearch(ex[uu], c) < 0).boxed()
          .sorted(Comparator.<Integer>comparingDouble(c -> -s[uu * cols + c]).thenComparingInt(c -> c))
          .limit(k).mapToInt(Integer::intValue).toArray();
      assertArrayEquals(expected, Arrays.copyOfRange(idx, u * k, (u + 1) * k), "row " + u);
    }
    // the CSR exclusion form (a user x item training matrix, rows picked per score row) gives the same answer
    Csr train = Csr.fromCoo(rows, cols, cr, cc, new float[cr.length]);
    int[] idx2 = new int[rows * k];
    TopK.select(POOL, s, rows, cols, k, train, IntStream.range(0, rows).toArray(), idx2, new float[rows * k]);
    assertArrayEquals(idx, idx2);
  }
}
