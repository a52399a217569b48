package dev.recsuite.engine.ops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API bodies of {@link Simd}; loaded only when the incubator module is present. */
final class VectorKernels {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int W = S.length();
  private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());

  private VectorKernels() {}

  /** Lanes per vector. */
  static int width() {
    return W;
  }

  static boolean available() {
    float[] y = new float[W + 1];
    axpy(2f, new float[W + 1], 0, y, 0, W + 1);
    return true;
  }

  static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
    int j = 0;
    int bound = n - W;
    for (; j <= bound; j += W) {
      FloatVector xv = FloatVector.fromArray(S, x, xo + j);
      FloatVector yv = FloatVector.fromArray(S, y, yo + j);
      yv.add(xv.mul(a)).intoArray(y, yo + j);
    }
    for (; j < n; j++) {
      y[yo + j] += a * x[xo + j];
    }
  }

  static void add(float[] x, int xo, float[] y, int yo, int n) {
    int j = 0;
    int bound = n - W;
    for (; j <= bound; j += W) {
      FloatVector.fromArray(S, y, yo + j).add(FloatVector.fromArray(S, x, xo + j)).intoArray(y, yo + j);
    }
    for (; j < n; j++) {
      y[yo + j] += x[xo + j];
    }
  }

  static void axpy4(float a0, float a1, float a2, float a3, float[] b, int bo, float[] c, int c0, int ldc, int n) {
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    int j = 0;
    int bound = n - W;
    for (; j <= bound; j += W) {
      FloatVector bv = FloatVector.fromArray(S, b, bo + j);
      FloatVector.fromArray(S, c, c0 + j).add(bv.mul(a0)).intoArray(c, c0 + j);
      FloatVector.fromArray(S, c, c1 + j).add(bv.mul(a1)).intoArray(c, c1 + j);
      FloatVector.fromArray(S, c, c2 + j).add(bv.mul(a2)).intoArray(c, c2 + j);
      FloatVector.fromArray(S, c, c3 + j).add(bv.mul(a3)).intoArray(c, c3 + j);
    }
    for (; j < n; j++) {
      float bv = b[bo + j];
      c[c0 + j] += a0 * bv;
      c[c1 + j] += a1 * bv;
      c[c2 + j] += a2 * bv;
      c[c3 + j] += a3 * bv;
    }
  }

  /**
   * One CSR row: y[yo .. yo+d) (+)= sum_e val[e] * x[col[e] * d ..], with the row kept in eight vector registers
   * per 8*W-column chunk, so y is read and written once per chunk instead of once per nonzero. The adds happen in
   * nonzero order per element, as in the scalar loop.
   */
  static void spmmRow(float[] val, int[] col, int e0, int e1, float[] x, int d, float[] y, int yo, boolean accumulate) {
    int c = 0;
    for (; c + 8 * W <= d; c += 8 * W) {
      FloatVector a0;
      FloatVector a1;
      FloatVector a2;
      FloatVector a3;
      FloatVector a4;
      FloatVector a5;
      FloatVector a6;
      FloatVector a7;
      int o = yo + c;
      if (accumulate) {
        a0 = FloatVector.fromArray(S, y, o);
        a1 = FloatVector.fromArray(S, y, o + W);
        a2 = FloatVector.fromArray(S, y, o + 2 * W);
        a3 = FloatVector.fromArray(S, y, o + 3 * W);
        a4 = FloatVector.fromArray(S, y, o + 4 * W);
        a5 = FloatVector.fromArray(S, y, o + 5 * W);
        a6 = FloatVector.fromArray(S, y, o + 6 * W);
        a7 = FloatVector.fromArray(S, y, o + 7 * W);
      } else {
        a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = FloatVector.zero(S);
      }
      for (int e = e0; e < e1; e++) {
        float v = val[e];
        int xo = col[e] * d + c;
        a0 = a0.add(FloatVector.fromArray(S, x, xo).mul(v));
        a1 = a1.add(FloatVector.fromArray(S, x, xo + W).mul(v));
        a2 = a2.add(FloatVector.fromArray(S, x, xo + 2 * W).mul(v));
        a3 = a3.add(FloatVector.fromArray(S, x, xo + 3 * W).mul(v));
        a4 = a4.add(FloatVector.fromArray(S, x, xo + 4 * W).mul(v));
        a5 = a5.add(FloatVector.fromArray(S, x, xo + 5 * W).mul(v));
        a6 = a6.add(FloatVector.fromArray(S, x, xo + 6 * W).mul(v));
        a7 = a7.add(FloatVector.fromArray(S, x, xo + 7 * W).mul(v));
      }
      a0.intoArray(y, o);
      a1.intoArray(y, o + W);
      a2.intoArray(y, o + 2 * W);
      a3.intoArray(y, o + 3 * W);
      a4.intoArray(y, o + 4 * W);
      a5.intoArray(y, o + 5 * W);
      a6.intoArray(y, o + 6 * W);
      a7.intoArray(y, o + 7 * W);
    }
    for (; c + W <= d; c += W) {
      int o = yo + c;
      FloatVector a = accumulate ? FloatVector.fromArray(S, y, o) : FloatVector.zero(S);
      for (int e = e0; e < e1; e++) {
        a = a.add(FloatVector.fromArray(S, x, col[e] * d + c).mul(val[e]));
      }
      a.intoArray(y, o);
    }
    for (; c < d; c++) {
      float a = accumulate ? y[yo + c] : 0f;
      for (int e = e0; e < e1; e++) {
        a += val[e] * x[col[e] * d + c];
      }
      y[yo + c] = a;
    }
  }

  /** Adam on [lo, hi); see {@link Simd#adam}. Vector sqrt is correctly rounded, as (float) Math.sqrt is. */
  static void adam(float[] th, float[] g, float[] m, float[] v, int lo, int hi, float stepSize, float bc2Sqrt,
      float b1c, float b2, float b2c, float eps, float wd) {
    int j = lo;
    for (; j <= hi - W; j += W) {
      FloatVector gj = FloatVector.fromArray(S, g, j);
      FloatVector t = FloatVector.fromArray(S, th, j);
      if (wd != 0f) {
        gj = gj.add(t.mul(wd));
      }
      FloatVector mo = FloatVector.fromArray(S, m, j);
      FloatVector mj = mo.add(gj.sub(mo).mul(b1c));
      FloatVector vj = FloatVector.fromArray(S, v, j).mul(b2).add(gj.mul(b2c).mul(gj));
      mj.intoArray(m, j);
      vj.intoArray(v, j);
      t.sub(mj.div(vj.sqrt().div(bc2Sqrt).add(eps)).mul(stepSize)).intoArray(th, j);
    }
    Simd.adamScalar(th, g, m, v, j, hi, stepSize, bc2Sqrt, b1c, b2, b2c, eps, wd);
  }

  /** Dropout's keep mask for elements i .. i+W-1: the same integer hash as {@link Dropout#keep}. */
  private static VectorMask<Float> keepMask(int i, int seed, int threshold) {
    IntVector h = IntVector.zero(I).addIndex(1).add(i).mul(0x9E3779B9).lanewise(VectorOperators.XOR, seed);
    h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16)).mul(0x85EBCA6B);
    h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 13)).mul(0xC2B2AE35);
    h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16));
    return h.lanewise(VectorOperators.LSHR, 8).compare(VectorOperators.GE, threshold).cast(S);
  }

  /** y = keep ? x * scale : 0 on [lo, hi), vector part only; returns where the scalar tail starts. */
  static int dropout(float[] x, float[] y, int lo, int hi, int seed, int threshold, float scale) {
    int i = lo;
    FloatVector zero = FloatVector.zero(S);
    for (; i <= hi - W; i += W) {
      zero.blend(FloatVector.fromArray(S, x, i).mul(scale), keepMask(i, seed, threshold)).intoArray(y, i);
    }
    return i;
  }

  /** gx += gy * scale where kept, on [lo, hi), vector part only; returns where the scalar tail starts. */
  static int dropoutBackward(float[] gy, float[] gx, int lo, int hi, int seed, int threshold, float scale) {
    int i = lo;
    for (; i <= hi - W; i += W) {
      FloatVector old = FloatVector.fromArray(S, gx, i);
      old.blend(old.add(FloatVector.fromArray(S, gy, i).mul(scale)), keepMask(i, seed, threshold)).intoArray(gx, i);
    }
    return i;
  }

  private static FloatVector expNeg(FloatVector x) {
    x = x.max(-87f);
    FloatVector k = x.mul(Simd.LOG2E).add(Simd.ROUND);
    FloatVector n = k.sub(Simd.ROUND);
    FloatVector r = x.sub(n.mul(Simd.LN2_HI)).sub(n.mul(Simd.LN2_LO));
    FloatVector p = FloatVector.broadcast(S, 1.98412698e-4f);
    p = p.mul(r).add(1.38888889e-3f);
    p = p.mul(r).add(8.33333333e-3f);
    p = p.mul(r).add(4.16666667e-2f);
    p = p.mul(r).add(1.66666667e-1f);
    p = p.mul(r).add(0.5f);
    p = p.mul(r).add(1f);
    p = p.mul(r).add(1f);
    // n sits in the low mantissa bits of k = n + 1.5 * 2^23 (JDK 17 does not intrinsify float-to-int conversion)
    IntVector bits = k.reinterpretAsInts().sub(Simd.ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23);
    return p.mul(bits.reinterpretAsFloats());
  }

  private static FloatVector expOrZero(FloatVector x) {
    return expNeg(x).blend(0f, x.compare(VectorOperators.LT, -87f));
  }

  /** Returns the first index not done (the scalar tail starts there). */
  static int leakyRelu(float[] x, float[] y, int lo, int hi, float slope) {
    int i = lo;
    for (; i <= hi - W; i += W) {
      FloatVector v = FloatVector.fromArray(S, x, i);
      v.mul(slope).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, i);
    }
    return i;
  }

  static int leakyReluBackward(float[] x, float[] gy, float[] gx, int lo, int hi, float slope) {
    int i = lo;
    for (; i <= hi - W; i += W) {
      FloatVector g = FloatVector.fromArray(S, gy, i);
      FloatVector d = g.mul(slope).blend(g, FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f));
      FloatVector.fromArray(S, gx, i).add(d).intoArray(gx, i);
    }
    return i;
  }

  static int expShifted(float[] x, int xo, float shift, float[] y, int yo, int n) {
    int k = 0;
    for (; k <= n - W; k += W) {
      expOrZero(FloatVector.fromArray(S, x, xo + k).sub(shift)).intoArray(y, yo + k);
    }
    return k;
  }

  static int logSoftmaxBackward(float[] y, float[] gy, float s, float[] gx, int o, int n) {
    int k = 0;
    for (; k <= n - W; k += W) {
      FloatVector e = expOrZero(FloatVector.fromArray(S, y, o + k)).mul(s);
      FloatVector.fromArray(S, gx, o + k).add(FloatVector.fromArray(S, gy, o + k).sub(e)).intoArray(gx, o + k);
    }
    return k;
  }

  /** max of x[o .. o+n), n >= W. */
  static float max(float[] x, int o, int n) {
    FloatVector m = FloatVector.fromArray(S, x, o);
    int k = W;
    for (; k <= n - W; k += W) {
      m = m.max(FloatVector.fromArray(S, x, o + k));
    }
    float r = m.reduceLanes(VectorOperators.MAX);
    for (; k < n; k++) {
      r = Math.max(r, x[o + k]);
    }
    return r;
  }

  static int crossEntropyBackward(float[] x, float lse, int t, float g, float[] gx, int o, int n) {
    int k = 0;
    FloatVector zero = FloatVector.zero(S);
    for (; k <= n - W; k += W) {
      FloatVector e = expOrZero(FloatVector.fromArray(S, x, o + k).sub(lse)).mul(g);
      FloatVector gy = t >= k && t < k + W ? zero.withLane(t - k, g) : zero;
      FloatVector.fromArray(S, gx, o + k).add(gy.sub(e)).intoArray(gx, o + k);
    }
    return k;
  }

  static int countAboveEqual(float[] s, int off, int n, boolean[] skipA, boolean[] skipB, float target, int[] counts) {
    int k = 0;
    int greater = 0;
    int equal = 0;
    int nan = 0;
    for (; k <= n - W; k += W) {
      FloatVector x = FloatVector.fromArray(S, s, off + k);
      VectorMask<Float> keep = VectorMask.fromArray(S, skipA, k).or(VectorMask.fromArray(S, skipB, k)).not();
      greater += x.compare(VectorOperators.GT, target).and(keep).trueCount();
      equal += x.compare(VectorOperators.EQ, target).and(keep).trueCount();
      nan += x.compare(VectorOperators.NE, x).and(keep).trueCount();
    }
    counts[0] += greater;
    counts[1] += equal;
    counts[2] += nan;
    return k;
  }

  private static FloatVector phi(FloatVector x, FloatVector g) {
    FloatVector z = x.abs().mul(Simd.SQRT1_2);
    FloatVector t = FloatVector.broadcast(S, 1f).div(z.mul(0.3275911f).add(1f));
    FloatVector poly = FloatVector.broadcast(S, 1.061405429f);
    poly = poly.mul(t).sub(1.453152027f);
    poly = poly.mul(t).add(1.421413741f);
    poly = poly.mul(t).sub(0.284496736f);
    poly = poly.mul(t).add(0.254829592f);
    FloatVector erfAbs = FloatVector.broadcast(S, 1f).sub(poly.mul(t).mul(g));
    FloatVector signed = erfAbs.blend(erfAbs.neg(), x.compare(VectorOperators.LT, 0f));
    return signed.mul(0.5f).add(0.5f);
  }

  static int gelu(float[] x, float[] y, int lo, int hi) {
    int i = lo;
    for (; i <= hi - W; i += W) {
      FloatVector v = FloatVector.fromArray(S, x, i);
      v.mul(phi(v, expNeg(v.mul(-0.5f).mul(v)))).intoArray(y, i);
    }
    return i;
  }

  static int geluBackward(float[] x, float[] gy, float[] gx, int lo, int hi) {
    int i = lo;
    for (; i <= hi - W; i += W) {
      FloatVector v = FloatVector.fromArray(S, x, i);
      FloatVector g = expNeg(v.mul(-0.5f).mul(v));
      FloatVector d = phi(v, g).add(v.mul(g).mul(Simd.INV_SQRT_2PI));
      FloatVector.fromArray(S, gx, i).add(FloatVector.fromArray(S, gy, i).mul(d)).intoArray(gx, i);
    }
    return i;
  }
}
