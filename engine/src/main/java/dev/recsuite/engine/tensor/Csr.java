package dev.recsuite.engine.tensor;

import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed sparse row form: row {@code r} holds columns
 * {@code colIdx[rowPtr[r] .. rowPtr[r+1])}, strictly increasing, with their {@code values}.
 *
 * <p>The transpose, needed by the backward pass of {@code A X} ({@code dX = A^T dY}), is built once on first use
 * and cached, so a training loop pays for it once per graph. A matrix built with {@link #symmetric} is its own
 * transpose.
 */
public final class Csr {
  private final int rows;
  private final int cols;
  private final int[] rowPtr; // [rows + 1]
  private final int[] colIdx; // [nnz]
  private final float[] values; // [nnz]
  private volatile Csr transpose;

  private Csr(int rows, int cols, int[] rowPtr, int[] colIdx, float[] values) {
    this.rows = rows;
    this.cols = cols;
    this.rowPtr = rowPtr;
    this.colIdx = colIdx;
    this.values = values;
  }

  /**
   * Builds a CSR matrix from coordinate triples. Entries with the same (row, col) are summed, so a caller that
   * wants binary edges must collapse duplicates first. Input arrays are not modified.
   */
  public static Csr fromCoo(int rows, int cols, int[] r, int[] c, float[] v) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("negative matrix size " + rows + " x " + cols);
    }
    if (r.length != c.length || r.length != v.length) {
      throw new IllegalArgumentException(
          "COO arrays differ in length: rows " + r.length + ", cols " + c.length + ", values " + v.length);
    }
    int n = r.length;
    for (int e = 0; e < n; e++) {
      if (r[e] < 0 || r[e] >= rows || c[e] < 0 || c[e] >= cols) {
        throw new IllegalArgumentException(
            "COO entry " + e + " = (" + r[e] + ", " + c[e] + ") is outside a " + rows + " x " + cols + " matrix");
      }
    }
    // Two stable counting sorts (by column, then by row) order the entries by (row, col) in O(nnz + rows + cols).
    int[] byCol = countingOrder(c, cols, identity(n));
    int[] order = countingOrder(r, rows, byCol);
    int[] rowPtr = new int[rows + 1];
    int[] colIdx = new int[n];
    float[] values = new float[n];
    int nnz = 0;
    int prevR = -1;
    int prevC = -1;
    for (int e : order) {
      if (r[e] == prevR && c[e] == prevC) {
        values[nnz - 1] += v[e];
      } else {
        colIdx[nnz] = c[e];
        values[nnz] = v[e];
        nnz++;
        rowPtr[r[e] + 1]++;
        prevR = r[e];
        prevC = c[e];
      }
    }
    for (int i = 0; i < rows; i++) {
      rowPtr[i + 1] += rowPtr[i];
    }
    return new Csr(rows, cols, rowPtr, Arrays.copyOf(colIdx, nnz), Arrays.copyOf(values, nnz));
  }

  /** Marks a square matrix whose transpose equals itself (checked), so no transpose is stored. */
  public static Csr symmetric(Csr a) {
    Csr t = a.buildTranspose();
    if (a.rows != a.cols || !Arrays.equals(a.rowPtr, t.rowPtr) || !Arrays.equals(a.colIdx, t.colIdx)
        || !Arrays.equals(a.values, t.values)) {
      throw new IllegalArgumentException("matrix " + a.rows + " x " + a.cols + " is not exactly symmetric");
    }
    Csr s = new Csr(a.rows, a.cols, a.rowPtr, a.colIdx, a.values);
    s.transpose = s;
    return s;
  }

  private static int[] identity(int n) {
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    return id;
  }

  private static int[] countingOrder(int[] key, int range, int[] in) {
    int[] start = new int[range + 1];
    for (int e : in) {
      start[key[e] + 1]++;
    }
    for (int i = 0; i < range; i++) {
      start[i + 1] += start[i];
    }
    int[] out = new int[in.length];
    for (int e : in) {
      out[start[key[e]]++] = e;
    }
    return out;
  }

  /** The transpose, built once and cached. */
  public Csr transpose() {
    Csr t = transpose;
    if (t == null) {
      synchronized (this) {
        t = transpose;
        if (t == null) {
          t = buildTranspose();
          t.transpose = this;
          transpose = t;
        }
      }
    }
    return t;
  }

  private Csr buildTranspose() {
    int nnz = colIdx.length;
    int[] tPtr = new int[cols + 1];
    for (int e = 0; e < nnz; e++) {
      tPtr[colIdx[e] + 1]++;
    }
    for (int i = 0; i < cols; i++) {
      tPtr[i + 1] += tPtr[i];
    }
    int[] next = Arrays.copyOf(tPtr, cols);
    int[] tCol = new int[nnz];
    float[] tVal = new float[nnz];
    for (int r = 0; r < rows; r++) {
      for (int e = rowPtr[r]; e < rowPtr[r + 1]; e++) {
        int p = next[colIdx[e]]++;
        tCol[p] = r;
        tVal[p] = values[e];
      }
    }
    return new Csr(cols, rows, tPtr, tCol, tVal);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public int nnz() {
    return colIdx.length;
  }

  /** Row pointers, length rows + 1. Shared, do not modify. */
  public int[] rowPtr() {
    return rowPtr;
  }

  /** Column indices, length nnz. Shared, do not modify. */
  public int[] colIdx() {
    return colIdx;
  }

  /** Values, length nnz. Shared, do not modify. */
  public float[] values() {
    return values;
  }

  /** The entry at (r, c), 0 where none is stored. */
  public float get(int r, int c) {
    int k = Arrays.binarySearch(colIdx, rowPtr[r], rowPtr[r + 1], c);
    return k >= 0 ? values[k] : 0f;
  }

  /** A dense copy, for tests and small matrices. */
  public Tensor toDense() {
    Tensor t = Tensor.zeros(rows, cols);
    float[] d = t.data();
    for (int r = 0; r < rows; r++) {
      for (int e = rowPtr[r]; e < rowPtr[r + 1]; e++) {
        d[r * cols + colIdx[e]] = values[e];
      }
    }
    return t;
  }

  @Override
  public String toString() {
    return "Csr[" + rows + " x " + cols + ", nnz " + nnz() + "]";
  }
}
