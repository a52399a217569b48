package dev.recsuite.engine.ops;

import dev.recsuite.engine.parallel.WorkerPool;

/**
 * Elementwise add, sub, mul and div with broadcasting, forward and backward. Work is split by output rows; the
 * gradient of a broadcast operand (a bias, a per-row scale) is summed in output-row order on one thread, so it is
 * the same for every thread count.
 */
public enum Binary {
  ADD, SUB, MUL, DIV;

  private static final int MIN_CHUNK = 1 << 14;

  /** out = a (op) b with broadcasting; out has the broadcast shape. */
  public void forward(WorkerPool pool, Broadcast bc, float[] a, float[] b, float[] out) {
    if (bc.same) {
      pool.forRange(out.length, MIN_CHUNK, (lo, hi) -> same(a, b, out, lo, hi));
      return;
    }
    if (bc.bScalar) {
      pool.forRange(out.length, MIN_CHUNK, (lo, hi) -> run(a, lo, 1, b, 0, 0, out, lo, hi - lo));
      return;
    }
    int cols = bc.cols;
    pool.forRange(bc.rows, Math.max(1, MIN_CHUNK / Math.max(1, cols)), (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        run(a, bc.aRow(r), bc.aLast, b, bc.bRow(r), bc.bLast, out, r * cols, cols);
      }
    });
  }

  /** Same-shape loops index all three arrays alike, which C2 vectorises. */
  private void same(float[] a, float[] b, float[] o, int lo, int hi) {
    switch (this) {
      case ADD -> { for (int i = lo; i < hi; i++) o[i] = a[i] + b[i]; }
      case SUB -> { for (int i = lo; i < hi; i++) o[i] = a[i] - b[i]; }
      case MUL -> { for (int i = lo; i < hi; i++) o[i] = a[i] * b[i]; }
      case DIV -> { for (int i = lo; i < hi; i++) o[i] = a[i] / b[i]; }
      default -> throw new AssertionError(this);
    }
  }

  private void run(float[] a, int ia, int sa, float[] b, int ib, int sb, float[] o, int io, int n) {
    if (sa == 1 && sb == 1) {
      switch (this) {
        case ADD -> { for (int j = 0; j < n; j++) o[io + j] = a[ia + j] + b[ib + j]; }
        case SUB -> { for (int j = 0; j < n; j++) o[io + j] = a[ia + j] - b[ib + j]; }
        case MUL -> { for (int j = 0; j < n; j++) o[io + j] = a[ia + j] * b[ib + j]; }
        case DIV -> { for (int j = 0; j < n; j++) o[io + j] = a[ia + j] / b[ib + j]; }
        default -> throw new AssertionError(this);
      }
    } else if (sa == 1) {
      float bv = b[ib];
      switch (this) {
        case ADD -> { for (int j = 0; j < n; j++) o[io + j] = a[ia + j] + bv; }
        case SUB -> { for (int j = 0; j < n; j++) o[io + j] = a[ia + j] - bv; }
        case MUL -> { for (int j = 0; j < n; j++) o[io + j] = a[ia + j] * bv; }
        case DIV -> { for (int j = 0; j < n; j++) o[io + j] = a[ia + j] / bv; }
        default -> throw new AssertionError(this);
      }
    } else {
      for (int j = 0; j < n; j++) {
        o[io + j] = apply(a[ia + j * sa], b[ib + j * sb]);
      }
    }
  }

  private float apply(float x, float y) {
    return switch (this) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> x / y;
    };
  }

  /** d(a op b)/da at (x, y). */
  private float da(float x, float y) {
    return switch (this) {
      case ADD, SUB -> 1f;
      case MUL -> y;
      case DIV -> 1f / y;
    };
  }

  /** d(a op b)/db at (x, y). */
  private float db(float x, float y) {
    return switch (this) {
      case ADD -> 1f;
      case SUB -> -1f;
      case MUL -> x;
      case DIV -> -x / (y * y);
    };
  }

  /** ga += gy * d/da, gb += gy * d/db (either grad may be null), reducing over broadcast dimensions. */
  public void backward(WorkerPool pool, Broadcast bc, float[] a, float[] b, float[] gy, float[] ga, float[] gb) {
    if (bc.same && this != DIV) {
      pool.forRange(gy.length, MIN_CHUNK, (lo, hi) -> sameBackward(a, b, gy, ga, gb, lo, hi));
      return;
    }
    int cols = bc.cols;
    int minRows = Math.max(1, MIN_CHUNK / Math.max(1, cols));
    if (ga != null) {
      if (bc.aFull()) {
        pool.forRange(bc.rows, minRows, (r0, r1) -> accumulate(true, bc, a, b, gy, ga, r0, r1));
      } else {
        accumulate(true, bc, a, b, gy, ga, 0, bc.rows);
      }
    }
    if (gb != null) {
      if (bc.bFull()) {
        pool.forRange(bc.rows, minRows, (r0, r1) -> accumulate(false, bc, a, b, gy, gb, r0, r1));
      } else {
        accumulate(false, bc, a, b, gy, gb, 0, bc.rows);
      }
    }
  }

  private void sameBackward(float[] a, float[] b, float[] gy, float[] ga, float[] gb, int lo, int hi) {
    if (ga != null) {
      if (this == MUL) {
        for (int i = lo; i < hi; i++) ga[i] += gy[i] * b[i];
      } else {
        for (int i = lo; i < hi; i++) ga[i] += gy[i];
      }
    }
    if (gb != null) {
      switch (this) {
        case ADD -> { for (int i = lo; i < hi; i++) gb[i] += gy[i]; }
        case SUB -> { for (int i = lo; i < hi; i++) gb[i] -= gy[i]; }
        case MUL -> { for (int i = lo; i < hi; i++) gb[i] += gy[i] * a[i]; }
        default -> throw new AssertionError(this);
      }
    }
  }

  private void accumulate(boolean wrtA, Broadcast bc, float[] a, float[] b, float[] gy, float[] g, int r0, int r1) {
    int cols = bc.cols;
    int sa = bc.aLast;
    int sb = bc.bLast;
    for (int r = r0; r < r1; r++) {
      int ia = bc.aRow(r);
      int ib = bc.bRow(r);
      int io = r * cols;
      int sg = wrtA ? sa : sb;
      int ig = wrtA ? ia : ib;
      if (this == ADD || (this == SUB && wrtA)) {
        if (sg == 1) {
          Simd.add(gy, io, g, ig, cols);
        } else {
          float s = 0f;
          for (int j = 0; j < cols; j++) s += gy[io + j];
          g[ig] += s;
        }
      } else if (this == MUL && sa == 1 && sb == 1) {
        float[] other = wrtA ? b : a;
        int io2 = wrtA ? ib : ia;
        for (int j = 0; j < cols; j++) g[ig + j] += gy[io + j] * other[io2 + j];
      } else {
        for (int j = 0; j < cols; j++) {
          float x = a[ia + j * sa];
          float y = b[ib + j * sb];
          g[ig + j * sg] += gy[io + j] * (wrtA ? da(x, y) : db(x, y));
        }
      }
    }
  }
}
