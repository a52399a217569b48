package dev.recsuite.proposed.wavedgarec;

/**
 * Daubechies' extremal-phase wavelet with four vanishing moments ("db4", 8 taps), with the filters in
 * PyWavelets' order and naming (specs/proposed.md §1.3 step 4: the paper's db4).
 *
 * <p>{@link #REC_LO} is the scaling filter of Daubechies' construction (Ten Lectures on Wavelets, 1992, §6.1:
 * |m0|² = cos^8(ω/2) P(sin²(ω/2)) with the roots inside the unit circle), normalised to sum √2. The values are
 * those {@code pywt.Wavelet('db4').rec_lo} prints (PyWavelets 1.1.1, Debian python3-pywt 1.1.1-3+b2); the
 * closed-form computation in {@code src/test/python/db4_reference.py} (numpy 2.4.6) agrees to 2e-16.
 */
final class Db4 {
  private Db4() {}

  /** Filter length F. */
  static final int LENGTH = 8;

  /** Reconstruction low-pass (scaling) filter. */
  static final double[] REC_LO = {0.2303778133088965, 0.7148465705529157, 0.6308807679298589, -0.027983769416859854,
      -0.18703481171909309, 0.030841381835560764, 0.0328830116668852, -0.010597401785069032};

  /** Decomposition low-pass: rec_lo reversed. */
  static final double[] DEC_LO = reversed(REC_LO);

  /** Reconstruction high-pass: rec_hi[k] = (-1)^k dec_lo[k] (the quadrature mirror). */
  static final double[] REC_HI = alternated(DEC_LO);

  /** Decomposition high-pass: rec_hi reversed. */
  static final double[] DEC_HI = reversed(REC_HI);

  private static double[] reversed(double[] h) {
    double[] r = new double[h.length];
    for (int k = 0; k < h.length; k++) {
      r[k] = h[h.length - 1 - k];
    }
    return r;
  }

  private static double[] alternated(double[] h) {
    double[] r = new double[h.length];
    for (int k = 0; k < h.length; k++) {
      r[k] = (k % 2 == 0 ? 1 : -1) * h[k];
    }
    return r;
  }
}
