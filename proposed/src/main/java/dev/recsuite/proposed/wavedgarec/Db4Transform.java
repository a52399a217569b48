package dev.recsuite.proposed.wavedgarec;

/**
 * The multi-level db4 DWT and its inverse along one axis of length T, as {@code pywt.wavedec} and
 * {@code pywt.waverec} compute them (specs/proposed.md §1.3 step 4, W-3), held as two fixed matrices: the
 * transform is linear, so the model applies it to [.., T] sequences with one GEMM each way.
 *
 * <ul>
 *   <li>One level (pywt {@code dwt}): a length-n signal, extended by the boundary mode, gives
 *       floor((n + 7) / 2) approximation and detail coefficients, a[o] = Σ_j dec_lo[j] x̃[2o + 1 - j].</li>
 *   <li>Inverse (pywt {@code idwt}, non-periodization modes): 2m - 6 samples from m coefficients,
 *       x[s] = Σ_o a[o] rec_lo[s + 6 - 2o] + d[o] rec_hi[s + 6 - 2o].</li>
 *   <li>{@code wavedec} order [cA_L, cD_L, ..., cD_1]; {@code waverec} crops an approximation that is one longer
 *       than the next detail; the result is cropped to T. Levels above pywt's maximum useful level (2 for T = 50)
 *       are allowed, as pywt allows them with a warning.</li>
 * </ul>
 * Reconstruction is exact for every boundary mode: the coefficients that reach samples 0..n-1 are all kept.
 */
final class Db4Transform {
  private static final int F = Db4.LENGTH;

  private final int length;
  private final int[] bandLengths; // [L + 1]: cA_L, cD_L, ..., cD_1
  private final int[] bandOf; // [C] band of each coefficient
  private final float[] analysis; // [C, T]: coefficients = analysis · x
  private final float[] synthesis; // [T, C]: x = synthesis · coefficients

  Db4Transform(int length, int levels, WaveletBoundary mode) {
    if (length < 1 || levels < 1) {
      throw new IllegalArgumentException("db4 transform of length " + length + " with " + levels + " levels: both must be >= 1");
    }
    this.length = length;
    double[][] probe = wavedec(new double[length], levels, mode);
    bandLengths = new int[levels + 1];
    int total = 0;
    for (int b = 0; b <= levels; b++) {
      bandLengths[b] = probe[b].length;
      total += probe[b].length;
    }
    bandOf = new int[total];
    for (int b = 0, at = 0; b <= levels; b++) {
      for (int k = 0; k < bandLengths[b]; k++) {
        bandOf[at++] = b;
      }
    }
    analysis = new float[total * length];
    for (int s = 0; s < length; s++) {
      double[] x = new double[length];
      x[s] = 1;
      double[] c = flatten(wavedec(x, levels, mode), total);
      for (int r = 0; r < total; r++) {
        analysis[r * length + s] = (float) c[r];
      }
    }
    synthesis = new float[length * total];
    for (int r = 0; r < total; r++) {
      double[] c = new double[total];
      c[r] = 1;
      double[] x = waverec(split(c, bandLengths));
      for (int s = 0; s < length; s++) {
        synthesis[s * total + r] = (float) x[s];
      }
    }
  }

  int length() {
    return length;
  }

  /** Number of coefficients C over all bands. */
  int coefficients() {
    return bandOf.length;
  }

  int bands() {
    return bandLengths.length;
  }

  /** [L + 1] band lengths, pywt order. */
  int[] bandLengths() {
    return bandLengths.clone();
  }

  /** [C] band index of each coefficient (0 = cA_L, then cD_L ... cD_1). */
  int[] bandOf() {
    return bandOf.clone();
  }

  /** [C, T] row-major; a fresh copy. */
  float[] analysis() {
    return analysis.clone();
  }

  /** [T, C] row-major; a fresh copy. */
  float[] synthesis() {
    return synthesis.clone();
  }

  /** One level of pywt {@code dwt}: {approximation, detail}. */
  static double[][] dwt(double[] x, WaveletBoundary mode) {
    int n = x.length;
    int m = (n + F - 1) / 2;
    double[] a = new double[m];
    double[] d = new double[m];
    for (int o = 0; o < m; o++) {
      double sa = 0;
      double sd = 0;
      for (int j = 0; j < F; j++) {
        int src = mode.source(2 * o + 1 - j, n);
        if (src >= 0) {
          sa += Db4.DEC_LO[j] * x[src];
          sd += Db4.DEC_HI[j] * x[src];
        }
      }
      a[o] = sa;
      d[o] = sd;
    }
    return new double[][] {a, d};
  }

  /** One level of pywt {@code idwt} (any mode but periodization): 2m - 6 samples from m + m coefficients. */
  static double[] idwt(double[] a, double[] d) {
    int m = a.length;
    if (d.length != m) {
      throw new IllegalArgumentException("idwt: " + m + " approximation and " + d.length + " detail coefficients");
    }
    int n = 2 * m - F + 2;
    double[] x = new double[n];
    for (int s = 0; s < n; s++) {
      double v = 0;
      for (int o = 0; o < m; o++) {
        int j = s + F - 2 - 2 * o;
        if (j >= 0 && j < F) {
          v += a[o] * Db4.REC_LO[j] + d[o] * Db4.REC_HI[j];
        }
      }
      x[s] = v;
    }
    return x;
  }

  /** pywt {@code wavedec}: [cA_L, cD_L, ..., cD_1]. */
  static double[][] wavedec(double[] x, int levels, WaveletBoundary mode) {
    double[][] out = new double[levels + 1][];
    double[] a = x;
    for (int l = 0; l < levels; l++) {
      double[][] ad = dwt(a, mode);
      a = ad[0];
      out[levels - l] = ad[1];
    }
    out[0] = a;
    return out;
  }

  /** pywt {@code waverec} (not yet cropped to the input length). */
  static double[] waverec(double[][] coeffs) {
    double[] a = coeffs[0];
    for (int b = 1; b < coeffs.length; b++) {
      double[] d = coeffs[b];
      if (a.length == d.length + 1) {
        a = java.util.Arrays.copyOf(a, d.length);
      }
      a = idwt(a, d);
    }
    return a;
  }

  private static double[] flatten(double[][] bands, int total) {
    double[] out = new double[total];
    int at = 0;
    for (double[] b : bands) {
      System.arraycopy(b, 0, out, at, b.length);
      at += b.length;
    }
    return out;
  }

  private static double[][] split(double[] flat, int[] lengths) {
    double[][] out = new double[lengths.length][];
    for (int b = 0, at = 0; b < lengths.length; b++) {
      out[b] = java.util.Arrays.copyOfRange(flat, at, at + lengths[b]);
      at += lengths[b];
    }
    return out;
  }
}
