package dev.recsuite.engine.ops;

import dev.recsuite.engine.parallel.WorkerPool;
import dev.recsuite.engine.tensor.Csr;

/**
 * Partial selection of the k best columns of each row of a score matrix: indices in descending score order, ties
 * broken by the lower column index (so the result is fully determined; {@code torch.topk} leaves tie order open,
 * specs/baselines.md §1). NaN ranks as -infinity. Optional exclusions skip columns per row (a user's training items)
 * without writing to the scores. When fewer than k columns remain, the tail is filled with index -1 and score
 * -infinity.
 *
 * <p>Each row keeps a k-entry heap of the worst kept (score, index) at its root; a column is compared with the root
 * only, so the scan is one pass over the row with O(log k) work on the rare replacements.
 */
public final class TopK {
  private TopK() {}

  /** Top k of every row; no exclusions. */
  public static void select(WorkerPool pool, float[] scores, int rows, int cols, int k, int[] outIdx, float[] outScores) {
    select(pool, scores, rows, cols, k, (int[][]) null, outIdx, outScores);
  }

  /** Top k of every row, skipping the columns in {@code exclude[r]} (sorted ascending, or null for none). */
  public static void select(WorkerPool pool, float[] scores, int rows, int cols, int k, int[][] exclude, int[] outIdx,
      float[] outScores) {
    if (exclude != null && exclude.length != rows) {
      throw new IllegalArgumentException("exclusion lists for " + exclude.length + " rows, scores have " + rows);
    }
    pool.forRange(rows, 16, (r0, r1) -> {
      float[] hs = new float[k];
      int[] hi = new int[k];
      for (int r = r0; r < r1; r++) {
        int[] ex = exclude == null ? null : exclude[r];
        row(scores, r * cols, cols, k, ex, 0, ex == null ? 0 : ex.length, hs, hi, outIdx, outScores, r * k);
      }
    });
  }

  /**
   * Top k of every row, where row r excludes the columns of row {@code userOfRow[r]} of {@code exclude} (a user x
   * item training matrix, whose rows are sorted by construction).
   */
  public static void select(WorkerPool pool, float[] scores, int rows, int cols, int k, Csr exclude, int[] userOfRow,
      int[] outIdx, float[] outScores) {
    if (userOfRow.length != rows) {
      throw new IllegalArgumentException("userOfRow has " + userOfRow.length + " entries, scores have " + rows + " rows");
    }
    int[] ptr = exclude.rowPtr();
    int[] col = exclude.colIdx();
    pool.forRange(rows, 16, (r0, r1) -> {
      float[] hs = new float[k];
      int[] hi = new int[k];
      for (int r = r0; r < r1; r++) {
        int u = userOfRow[r];
        row(scores, r * cols, cols, k, col, ptr[u], ptr[u + 1], hs, hi, outIdx, outScores, r * k);
      }
    });
  }

  /** Columns ex[exLo .. exHi) are skipped (sorted ascending). */
  private static void row(float[] s, int off, int cols, int k, int[] ex, int exLo, int exHi, float[] hs, int[] hi,
      int[] outIdx, float[] outScores, int outOff) {
    int size = 0;
    int e = exLo;
    int next = e < exHi ? ex[e] : Integer.MAX_VALUE;
    float rootScore = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < cols; c++) {
      if (c == next) {
        e++;
        while (e < exHi && ex[e] <= c) {
          e++;
        }
        next = e < exHi ? ex[e] : Integer.MAX_VALUE;
        continue;
      }
      float v = s[off + c];
      if (v != v) {
        v = Float.NEGATIVE_INFINITY;
      }
      if (size < k) {
        hs[size] = v;
        hi[size] = c;
        siftUp(hs, hi, size);
        size++;
        rootScore = hs[0];
      } else if (v > rootScore) { // columns come in increasing order, so an equal score never wins
        hs[0] = v;
        hi[0] = c;
        siftDown(hs, hi, size);
        rootScore = hs[0];
      }
    }
    // Pop worst-first into the tail of the output.
    for (int p = k - 1; p >= size; p--) {
      outIdx[outOff + p] = -1;
      outScores[outOff + p] = Float.NEGATIVE_INFINITY;
    }
    for (int p = size - 1; p >= 0; p--) {
      outIdx[outOff + p] = hi[0];
      outScores[outOff + p] = hs[0];
      hs[0] = hs[p];
      hi[0] = hi[p];
      siftDown(hs, hi, p);
    }
  }

  /** True if (s1, i1) ranks below (s2, i2). */
  private static boolean worse(float s1, int i1, float s2, int i2) {
    return s1 < s2 || (s1 == s2 && i1 > i2);
  }

  private static void siftUp(float[] hs, int[] hi, int pos) {
    float s = hs[pos];
    int i = hi[pos];
    while (pos > 0) {
      int parent = (pos - 1) >>> 1;
      if (!worse(s, i, hs[parent], hi[parent])) {
        break;
      }
      hs[pos] = hs[parent];
      hi[pos] = hi[parent];
      pos = parent;
    }
    hs[pos] = s;
    hi[pos] = i;
  }

  private static void siftDown(float[] hs, int[] hi, int size) {
    if (size == 0) {
      return;
    }
    float s = hs[0];
    int i = hi[0];
    int pos = 0;
    while (true) {
      int child = 2 * pos + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && worse(hs[child + 1], hi[child + 1], hs[child], hi[child])) {
        child++;
      }
      if (!worse(hs[child], hi[child], s, i)) {
        break;
      }
      hs[pos] = hs[child];
      hi[pos] = hi[child];
      pos = child;
    }
    hs[pos] = s;
    hi[pos] = i;
  }
}
