package dev.recsuite.engine.ops;

/**
 * The few loop bodies that dominate the engine's time, with a Vector API implementation when the JVM was started
 * with {@code --add-modules jdk.incubator.vector} and a scalar one otherwise.
 *
 * <p>Why: HotSpot 17's auto-vectoriser gives up on {@code y[yo + j] += a * x[xo + j]} when the two offsets are
 * run-time values (it cannot rule out overlap), which is the shape of every SpMM, GEMM and scatter row; measured
 * on this machine it runs 3-4x slower than the same loop at offset 0.
 *
 * <p>Both implementations do the same float operations in the same order per element (multiply, then add; no
 * fused multiply-add, no reassociation), so results are bit-identical whichever is used. System property
 * {@code recsuite.simd=false} forces the scalar path.
 */
public final class Simd {
  /** True when the Vector API module is present and not disabled. */
  public static final boolean VECTOR = detect();

  private Simd() {}

  private static boolean detect() {
    if ("false".equalsIgnoreCase(System.getProperty("recsuite.simd", "true"))) {
      return false;
    }
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return false;
    }
    try {
      return VectorKernels.available();
    } catch (Throwable e) { // a JVM without a usable implementation: fall back
      return false;
    }
  }

  /** y[yo .. yo+n) += a * x[xo .. xo+n). */
  public static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
    if (VECTOR) {
      VectorKernels.axpy(a, x, xo, y, yo, n);
      return;
    }
    for (int j = 0; j < n; j++) {
      y[yo + j] += a * x[xo + j];
    }
  }

  /** y[yo .. yo+n) += x[xo .. xo+n). */
  public static void add(float[] x, int xo, float[] y, int yo, int n) {
    if (VECTOR) {
      VectorKernels.add(x, xo, y, yo, n);
      return;
    }
    for (int j = 0; j < n; j++) {
      y[yo + j] += x[xo + j];
    }
  }

  /**
   * Four rows of a GEMM panel: c_r[j] += a_r * b[bo + j] for r = 0..3, j in [0, n), rows of c at c0 + r * ldc.
   */
  public static void axpy4(float a0, float a1, float a2, float a3, float[] b, int bo, float[] c, int c0, int ldc,
      int n) {
    if (VECTOR) {
      VectorKernels.axpy4(a0, a1, a2, a3, b, bo, c, c0, ldc, n);
      return;
    }
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    for (int j = 0; j < n; j++) {
      float bv = b[bo + j];
      c[c0 + j] += a0 * bv;
      c[c1 + j] += a1 * bv;
      c[c2 + j] += a2 * bv;
      c[c3 + j] += a3 * bv;
    }
  }

  /** One CSR row of Y (+)= A X: y[yo .. yo+d) (+)= sum over e in [e0, e1) of val[e] * x[col[e] * d ..]. */
  public static void spmmRow(float[] val, int[] col, int e0, int e1, float[] x, int d, float[] y, int yo,
      boolean accumulate) {
    if (VECTOR) {
      VectorKernels.spmmRow(val, col, e0, e1, x, d, y, yo, accumulate);
      return;
    }
    for (int j = 0; j < d; j++) {
      float a = accumulate ? y[yo + j] : 0f;
      for (int e = e0; e < e1; e++) {
        a += val[e] * x[col[e] * d + j];
      }
      y[yo + j] = a;
    }
  }

  /**
   * One PyTorch Adam update of elements [lo, hi) (see {@code optim.Adam} for the formula): g' = g + wd θ,
   * m += (1 - β1)(g' - m), v = β2 v + (1 - β2) g' g', θ -= step * m / (sqrt(v) / sqrt(bc2) + ε).
   */
  public static void adam(float[] th, float[] g, float[] m, float[] v, int lo, int hi, float stepSize, float bc2Sqrt,
      float b1c, float b2, float b2c, float eps, float wd) {
    if (VECTOR) {
      VectorKernels.adam(th, g, m, v, lo, hi, stepSize, bc2Sqrt, b1c, b2, b2c, eps, wd);
      return;
    }
    adamScalar(th, g, m, v, lo, hi, stepSize, bc2Sqrt, b1c, b2, b2c, eps, wd);
  }

  static void adamScalar(float[] th, float[] g, float[] m, float[] v, int lo, int hi, float stepSize, float bc2Sqrt,
      float b1c, float b2, float b2c, float eps, float wd) {
    for (int j = lo; j < hi; j++) {
      float gj = wd == 0f ? g[j] : g[j] + th[j] * wd;
      float mj = m[j] + (gj - m[j]) * b1c;
      float vj = v[j] * b2 + gj * b2c * gj;
      m[j] = mj;
      v[j] = vj;
      th[j] = th[j] - mj / ((float) Math.sqrt(vj) / bc2Sqrt + eps) * stepSize;
    }
  }

  // GELU, erf form, in float with an exp that both paths compute with the same operations (the vector path must
  // not call Math.exp, whose result it could not reproduce lane by lane).
  static final float LOG2E = 1.442695041f;
  static final float LN2_HI = 0.693359375f; // Cody-Waite split of ln 2
  static final float LN2_LO = -2.12194440e-4f;
  static final float ROUND = 12582912f; // 1.5 * 2^23: x + ROUND - ROUND rounds x to an integer (|x| < 2^22)
  static final int ROUND_BITS = 0x4B400000; // bits of ROUND: bits(n + ROUND) - ROUND_BITS = n
  static final float SQRT1_2 = 0.70710678f;
  static final float INV_SQRT_2PI = 0.39894228f;

  /** e^x for x in [-87, 0]: n = round(x log2 e), r = x - n ln 2, e^r by a degree-7 Taylor polynomial, times 2^n. */
  static float expNeg(float x) {
    x = Math.max(x, -87f);
    float k = x * LOG2E + ROUND;
    float n = k - ROUND;
    float r = x - n * LN2_HI - n * LN2_LO;
    float p = 1.98412698e-4f;
    p = p * r + 1.38888889e-3f;
    p = p * r + 8.33333333e-3f;
    p = p * r + 4.16666667e-2f;
    p = p * r + 1.66666667e-1f;
    p = p * r + 0.5f;
    p = p * r + 1f;
    p = p * r + 1f;
    return p * Float.intBitsToFloat((Float.floatToRawIntBits(k) - (ROUND_BITS - 127)) << 23);
  }

  /**
   * y = x > 0 ? x : slope * x on [lo, hi). The data-dependent branch of the plain loop
   * mispredicts on half the entries of a pre-activation; the vector blend has no branch (MMGCN on Baby spent
   * 15% of an epoch in this loop and its backward).
   */
  public static void leakyRelu(float[] x, float[] y, int lo, int hi, float slope) {
    int i = VECTOR ? VectorKernels.leakyRelu(x, y, lo, hi, slope) : lo;
    for (; i < hi; i++) {
      y[i] = x[i] > 0f ? x[i] : slope * x[i];
    }
  }

  /** gx += x > 0 ? gy : slope * gy on [lo, hi). */
  public static void leakyReluBackward(float[] x, float[] gy, float[] gx, int lo, int hi, float slope) {
    int i = VECTOR ? VectorKernels.leakyReluBackward(x, gy, gx, lo, hi, slope) : lo;
    for (; i < hi; i++) {
      gx[i] += x[i] > 0f ? gy[i] : slope * gy[i];
    }
  }

  /** e^x for x <= 0 as {@link #expNeg}, but exactly 0 below -87 (a masked logit contributes nothing, as Math.exp). */
  static float expOrZero(float x) {
    return x < -87f ? 0f : expNeg(x);
  }

  /** y[yo + k] = e^(x[xo + k] - shift), k < n: softmax numerators (shift = the row max, so arguments are <= 0). */
  public static void expShifted(float[] x, int xo, float shift, float[] y, int yo, int n) {
    int k = VECTOR ? VectorKernels.expShifted(x, xo, shift, y, yo, n) : 0;
    for (; k < n; k++) {
      y[yo + k] = expOrZero(x[xo + k] - shift);
    }
  }

  /** Log-softmax backward on one row: gx[o + k] += gy[o + k] - e^(y[o + k]) * s, k < n (s = sum of gy). */
  public static void logSoftmaxBackward(float[] y, float[] gy, float s, float[] gx, int o, int n) {
    int k = VECTOR ? VectorKernels.logSoftmaxBackward(y, gy, s, gx, o, n) : 0;
    for (; k < n; k++) {
      gx[o + k] += gy[o + k] - expOrZero(y[o + k]) * s;
    }
  }

  /** max of x[o .. o+n), n >= 1 (exact: a maximum does not depend on the order of comparison; NaN wins). */
  public static float max(float[] x, int o, int n) {
    if (VECTOR && n >= VectorKernels.width()) {
      return VectorKernels.max(x, o, n);
    }
    float m = Float.NEGATIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      m = Math.max(m, x[o + k]);
    }
    return m;
  }

  /**
   * Cross-entropy backward on one row of logits: gx[o + k] += [k = t] g - e^(x[o + k] - lse) g, k < n. The same
   * floats, in the same order, as {@link #logSoftmaxBackward} on y = x - lse and gy = g at t, 0 elsewhere.
   */
  public static void crossEntropyBackward(float[] x, float lse, int t, float g, float[] gx, int o, int n) {
    int k = VECTOR ? VectorKernels.crossEntropyBackward(x, lse, t, g, gx, o, n) : 0;
    for (; k < n; k++) {
      gx[o + k] += (k == t ? g : 0f) - expOrZero(x[o + k] - lse) * g;
    }
  }

  /**
   * Over s[off + k], k < n, skipping every k with skipA[k] or skipB[k]: counts[0] = how many exceed target,
   * counts[1] = how many equal it, counts[2] = how many are NaN (counts are overwritten).
   */
  public static void countAboveEqual(float[] s, int off, int n, boolean[] skipA, boolean[] skipB, float target,
      int[] counts) {
    counts[0] = 0;
    counts[1] = 0;
    counts[2] = 0;
    int k = VECTOR ? VectorKernels.countAboveEqual(s, off, n, skipA, skipB, target, counts) : 0;
    for (; k < n; k++) {
      float x = s[off + k];
      boolean keep = !(skipA[k] || skipB[k]);
      counts[0] += keep && x > target ? 1 : 0;
      counts[1] += keep && x == target ? 1 : 0;
      counts[2] += keep && x != x ? 1 : 0;
    }
  }

  /** Φ(x) given g = e^{-x²/2}: Abramowitz and Stegun 7.1.26 for erf(|x|/√2) (whose e^{-z²} is g). */
  static float phi(float x, float g) {
    float z = Math.abs(x) * SQRT1_2;
    float t = 1f / (1f + 0.3275911f * z);
    float poly = 1.061405429f;
    poly = poly * t - 1.453152027f;
    poly = poly * t + 1.421413741f;
    poly = poly * t - 0.284496736f;
    poly = poly * t + 0.254829592f;
    float erfAbs = 1f - poly * t * g;
    return 0.5f + 0.5f * (x >= 0f ? erfAbs : -erfAbs);
  }

  /** y = x Φ(x) on [lo, hi). */
  public static void gelu(float[] x, float[] y, int lo, int hi) {
    int i = VECTOR ? VectorKernels.gelu(x, y, lo, hi) : lo;
    for (; i < hi; i++) {
      float v = x[i];
      y[i] = v * phi(v, expNeg(-0.5f * v * v));
    }
  }

  /** gx += gy (Φ(x) + x φ(x)) on [lo, hi). */
  public static void geluBackward(float[] x, float[] gy, float[] gx, int lo, int hi) {
    int i = VECTOR ? VectorKernels.geluBackward(x, gy, gx, lo, hi) : lo;
    for (; i < hi; i++) {
      float v = x[i];
      float g = expNeg(-0.5f * v * v);
      gx[i] += gy[i] * (phi(v, g) + v * g * INV_SQRT_2PI);
    }
  }
}
