package dev.recsuite.engine.ops;

import java.util.Arrays;

/**
 * NumPy broadcasting of two shapes (aligned on the right; a dimension of 1 stretches). The result is seen as rows
 * of its last dimension: for each output row the kernels need the offsets of the matching rows of a and b and
 * whether each operand advances along the last dimension (stride 1) or repeats one value (stride 0).
 */
public final class Broadcast {
  final int[] out;
  final int rows;
  final int cols;
  final int aLast;
  final int bLast;
  private final int[] aStride; // per leading output dim, 0 where a is broadcast
  private final int[] bStride;
  private final int[] dims; // leading output dims
  /** Fast paths. */
  final boolean same;
  final boolean bScalar;

  public Broadcast(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    out = new int[rank];
    int[] as = new int[rank];
    int[] bs = new int[rank];
    int sa = 1;
    int sb = 1;
    for (int i = rank - 1; i >= 0; i--) {
      int da = i - (rank - a.length) >= 0 ? a[i - (rank - a.length)] : 1;
      int db = i - (rank - b.length) >= 0 ? b[i - (rank - b.length)] : 1;
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(
            "shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast (dim " + i + ")");
      }
      out[i] = Math.max(da, db);
      as[i] = da == 1 ? 0 : sa;
      bs[i] = db == 1 ? 0 : sb;
      sa *= da;
      sb *= db;
    }
    cols = out[rank - 1];
    long n = 1;
    for (int d : out) {
      n *= d;
    }
    rows = cols == 0 ? 0 : (int) (n / cols);
    aLast = as[rank - 1];
    bLast = bs[rank - 1];
    dims = Arrays.copyOf(out, rank - 1);
    aStride = Arrays.copyOf(as, rank - 1);
    bStride = Arrays.copyOf(bs, rank - 1);
    same = Arrays.equals(a, b);
    bScalar = sb == 1;
  }

  public int[] outShape() {
    return out.clone();
  }

  /** Offset in a of the first element of output row r. */
  int aRow(int r) {
    return rowOffset(r, aStride);
  }

  int bRow(int r) {
    return rowOffset(r, bStride);
  }

  private int rowOffset(int r, int[] stride) {
    int off = 0;
    for (int i = dims.length - 1; i >= 0; i--) {
      int d = dims[i];
      off += (r % d) * stride[i];
      r /= d;
    }
    return off;
  }

  /** True when every element of the operand maps to exactly one output element (no reduction in backward). */
  boolean aFull() {
    return isFull(aStride, aLast);
  }

  boolean bFull() {
    return isFull(bStride, bLast);
  }

  private boolean isFull(int[] stride, int last) {
    if (last == 0 && cols > 1) {
      return false;
    }
    for (int i = 0; i < stride.length; i++) {
      if (stride[i] == 0 && dims[i] > 1) {
        return false;
      }
    }
    return true;
  }
}
