package dev.recsuite.engine.autodiff;

import dev.recsuite.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * A trainable tensor with its gradient, which lives across tapes: every tape that uses the parameter adds into
 * {@link #grad()}, and the optimiser reads and clears it.
 *
 * <p>The parameter also records which rows received gradient since the last {@link #zeroGrad()}: only row gathers
 * (embedding lookups) mark single rows; any other use marks the whole tensor dense. Lazy (sparse-row) Adam uses this
 * to update only the touched rows of a large embedding table.
 */
public final class Param {
  private final String name;
  private final Tensor value;
  private final Tensor grad;
  private final boolean trainable;
  private final boolean[] rowTouched; // [rows]
  private int[] touchedRows = new int[16];
  private int touchedCount;
  private boolean dense;

  public Param(String name, Tensor value) {
    this(name, value, true);
  }

  /** A parameter; a frozen one ({@code trainable = false}) gets no gradient and is skipped by optimisers. */
  public Param(String name, Tensor value, boolean trainable) {
    this.name = name;
    this.value = value;
    this.grad = Tensor.zeros(value.shape());
    this.trainable = trainable;
    this.rowTouched = new boolean[value.rows()];
  }

  public String name() {
    return name;
  }

  /** The current value; optimisers update it in place. */
  public Tensor value() {
    return value;
  }

  /** The accumulated gradient, same shape as the value. */
  public Tensor grad() {
    return grad;
  }

  public boolean trainable() {
    return trainable;
  }

  /**
   * Clears the gradient and the touch record: only the touched rows when all uses were row gathers, else all of
   * it (also when nothing was recorded, so a gradient written by hand is cleared too).
   */
  public void zeroGrad() {
    float[] g = grad.data();
    int d = value.cols();
    if (dense || touchedCount == 0) {
      Arrays.fill(g, 0f);
    } else {
      for (int i = 0; i < touchedCount; i++) {
        int r = touchedRows[i];
        Arrays.fill(g, r * d, (r + 1) * d, 0f);
      }
    }
    for (int i = 0; i < touchedCount; i++) {
      rowTouched[touchedRows[i]] = false;
    }
    touchedCount = 0;
    dense = false;
  }

  /** True when some use since {@link #zeroGrad()} was not a row gather. */
  public boolean denseGradient() {
    return dense;
  }

  /** Rows that received gradient through gathers, in first-touch order (valid while not dense). */
  public int[] touchedRows() {
    return Arrays.copyOf(touchedRows, touchedCount);
  }

  void markDense() {
    dense = true;
  }

  void markRows(int[] rows) {
    if (dense) {
      return;
    }
    for (int r : rows) {
      if (!rowTouched[r]) {
        rowTouched[r] = true;
        if (touchedCount == touchedRows.length) {
          touchedRows = Arrays.copyOf(touchedRows, touchedCount * 2);
        }
        touchedRows[touchedCount++] = r;
      }
    }
  }

  /** Number of values. */
  public int size() {
    return value.size();
  }

  @Override
  public String toString() {
    return "Param " + name + Arrays.toString(value.shape());
  }
}
