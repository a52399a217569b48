package dev.recsuite.proposed.wavedgarec;

/**
 * How the DWT extends a signal past its ends, with PyWavelets' mode names and rules (specs/proposed.md §1.3
 * step 4, W-3: {@code symmetric} is the suite's choice). For x = [x_0 .. x_{n-1}]:
 */
public enum WaveletBoundary {
  /** Half-sample symmetric, period 2n: ... x1 x0 | x0 x1 ... x_{n-1} | x_{n-1} x_{n-2} ... (pywt default). */
  SYMMETRIC,
  /** Whole-sample symmetric, period 2n - 2: ... x2 x1 | x0 x1 ... x_{n-1} | x_{n-2} ... */
  REFLECT,
  /** Zeros outside the signal. */
  ZERO,
  /** The edge values repeated. */
  CONSTANT,
  /** Periodic continuation, period n (pywt {@code periodic}, not {@code periodization}). */
  PERIODIC;

  /**
   * The sample the extension puts at index k of a length-n signal, or -1 where it is zero.
   */
  int source(int k, int n) {
    if (k >= 0 && k < n) {
      return k;
    }
    return switch (this) {
      case SYMMETRIC -> {
        int r = Math.floorMod(k, 2 * n);
        yield r < n ? r : 2 * n - 1 - r;
      }
      case REFLECT -> {
        if (n == 1) {
          yield 0;
        }
        int r = Math.floorMod(k, 2 * n - 2);
        yield r < n ? r : 2 * n - 2 - r;
      }
      case ZERO -> -1;
      case CONSTANT -> k < 0 ? 0 : n - 1;
      case PERIODIC -> Math.floorMod(k, n);
    };
  }
}
