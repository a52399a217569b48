package dev.recsuite.protocols.data;

/**
 * A dense row-major float matrix of item features: row i belongs to the item with internal id i.
 *
 * @param data [rows * cols], row-major
 */
public record FeatureMatrix(int rows, int cols, float[] data) {
  public FeatureMatrix {
    if (rows < 0 || cols <= 0) {
      throw new IllegalArgumentException("feature matrix shape must be rows >= 0, cols > 0; got " + rows + "x" + cols);
    }
    if (data.length != (long) rows * cols) {
      throw new IllegalArgumentException(
          "feature matrix " + rows + "x" + cols + " needs " + (long) rows * cols + " values, got " + data.length);
    }
  }

  public float get(int row, int col) {
    return data[row * cols + col];
  }

  /** The rows at the given indices, in that order (used when item ids are re-indexed after filtering). */
  public FeatureMatrix selectRows(int[] rowIds) {
    float[] out = new float[rowIds.length * cols];
    for (int r = 0; r < rowIds.length; r++) {
      System.arraycopy(data, rowIds[r] * cols, out, r * cols, cols);
    }
    return new FeatureMatrix(rowIds.length, cols, out);
  }
}
