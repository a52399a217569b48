package dev.recsuite.engine.tensor;

import java.util.Arrays;

/**
 * A dense float tensor: one flat row-major {@code float[]} and a shape. The last dimension is contiguous, so a
 * tensor of shape {@code [a, b, c]} is also a {@code [a*b, c]} matrix ({@link #rows()} x {@link #cols()}), which is
 * how the kernels see it.
 *
 * <p>The array is shared, not copied: {@link #reshape} and {@link #of} are views, and a tensor produced on a
 * {@code Tape} lives in the tape's buffer pool until {@code Tape.reset()}. Call {@link #copy()} to keep a value.
 */
public final class Tensor {
  private final float[] data;
  private final int[] shape;

  private Tensor(float[] data, int[] shape) {
    this.data = data;
    this.shape = shape;
  }

  /** Wraps {@code data} (not copied) with the given shape; the product of the shape must equal data.length. */
  public static Tensor of(float[] data, int... shape) {
    int[] s = shape.clone();
    long n = checkShape(s);
    if (n != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(s) + " holds " + n + " values but the array has " + data.length);
    }
    return new Tensor(data, s);
  }

  /** A new zero tensor. */
  public static Tensor zeros(int... shape) {
    int[] s = shape.clone();
    long n = checkShape(s);
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("shape " + Arrays.toString(s) + " has " + n + " values, more than a Java array holds");
    }
    return new Tensor(new float[(int) n], s);
  }

  /** A scalar (shape {@code [1]}). */
  public static Tensor scalar(float v) {
    return new Tensor(new float[] {v}, new int[] {1});
  }

  /** Number of values for a shape, with a clear error for a non-positive dimension. */
  public static long checkShape(int[] shape) {
    if (shape.length == 0) {
      throw new IllegalArgumentException("a tensor needs at least one dimension (use [1] for a scalar)");
    }
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      n *= d;
    }
    return n;
  }

  /** The backing array (row-major, length {@link #size()}); writes are visible through every view. */
  public float[] data() {
    return data;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public int dim(int axis) {
    return shape[axis < 0 ? shape.length + axis : axis];
  }

  public int size() {
    return data.length;
  }

  /** Size of the last dimension. */
  public int cols() {
    return shape[shape.length - 1];
  }

  /** Product of all dimensions but the last: the row count of the matrix view. */
  public int rows() {
    int c = cols();
    return c == 0 ? 0 : data.length / c;
  }

  public boolean sameShape(Tensor o) {
    return Arrays.equals(shape, o.shape);
  }

  public boolean hasShape(int... s) {
    return Arrays.equals(shape, s);
  }

  /** The value at a full index. */
  public float get(int... idx) {
    return data[offset(idx)];
  }

  public void set(float v, int... idx) {
    data[offset(idx)] = v;
  }

  /** The single value of a one-element tensor. */
  public float item() {
    if (data.length != 1) {
      throw new IllegalStateException("item() needs a one-element tensor, shape is " + Arrays.toString(shape));
    }
    return data[0];
  }

  private int offset(int[] idx) {
    if (idx.length != shape.length) {
      throw new IllegalArgumentException("index of rank " + idx.length + " for shape " + Arrays.toString(shape));
    }
    int off = 0;
    for (int i = 0; i < idx.length; i++) {
      if (idx[i] < 0 || idx[i] >= shape[i]) {
        throw new IndexOutOfBoundsException("index " + Arrays.toString(idx) + " outside shape " + Arrays.toString(shape));
      }
      off = off * shape[i] + idx[i];
    }
    return off;
  }

  /** A view with another shape over the same values; one dimension may be -1 (inferred). */
  public Tensor reshape(int... newShape) {
    return new Tensor(data, resolveShape(data.length, newShape));
  }

  /** Resolves a -1 in a requested shape and checks the element count. */
  public static int[] resolveShape(int size, int... newShape) {
    int[] s = newShape.clone();
    int infer = -1;
    long known = 1;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == -1) {
        if (infer >= 0) {
          throw new IllegalArgumentException("at most one -1 in shape " + Arrays.toString(newShape));
        }
        infer = i;
      } else {
        known *= s[i];
      }
    }
    if (infer >= 0) {
      if (known == 0 || size % known != 0) {
        throw new IllegalArgumentException("cannot infer -1 in " + Arrays.toString(newShape) + " for " + size + " values");
      }
      s[infer] = (int) (size / known);
    }
    if (checkShape(s) != size) {
      throw new IllegalArgumentException("cannot view " + size + " values as " + Arrays.toString(newShape));
    }
    return s;
  }

  /** A deep copy with its own array. */
  public Tensor copy() {
    return new Tensor(data.clone(), shape.clone());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Tensor").append(Arrays.toString(shape)).append(' ');
    int n = Math.min(data.length, 8);
    sb.append('[');
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ", ").append(data[i]);
    }
    return sb.append(data.length > n ? ", ...]" : "]").toString();
  }
}
