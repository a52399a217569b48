package dev.recsuite.engine.ops;

/**
 * Elementwise functions with their derivatives, as PyTorch defines them (specs/baselines.md §1): GELU is the erf
 * form x·Φ(x) (float arithmetic, see {@link Simd#gelu}: erf to 1.5e-7, exp to a few ulp), leaky ReLU takes its slope as the parameter (PyTorch default 0.01), and softplus is
 * log(1 + e^x) computed stably. Derivatives are written in terms of the input x and, where cheaper, the output y.
 */
public enum Unary {
  EXP, LOG, SIGMOID, LOG_SIGMOID, SOFTPLUS, TANH, RELU, LEAKY_RELU, GELU, SQUARE, SQRT, NEG;

  /** y = f(x) elementwise over {@code [off, off + n)}. */
  public void forward(float[] x, float[] y, int lo, int hi, float param) {
    switch (this) {
      case EXP -> { for (int i = lo; i < hi; i++) y[i] = (float) Math.exp(x[i]); }
      case LOG -> { for (int i = lo; i < hi; i++) y[i] = (float) Math.log(x[i]); }
      case SIGMOID -> { for (int i = lo; i < hi; i++) y[i] = sigmoid(x[i]); }
      case LOG_SIGMOID -> { for (int i = lo; i < hi; i++) y[i] = -softplus(-x[i]); }
      case SOFTPLUS -> { for (int i = lo; i < hi; i++) y[i] = softplus(x[i]); }
      case TANH -> { for (int i = lo; i < hi; i++) y[i] = (float) Math.tanh(x[i]); }
      case RELU -> { for (int i = lo; i < hi; i++) y[i] = x[i] > 0f ? x[i] : 0f; }
      case LEAKY_RELU -> Simd.leakyRelu(x, y, lo, hi, param);
      case GELU -> Simd.gelu(x, y, lo, hi);
      case SQUARE -> { for (int i = lo; i < hi; i++) y[i] = x[i] * x[i]; }
      case SQRT -> { for (int i = lo; i < hi; i++) y[i] = (float) Math.sqrt(x[i]); }
      case NEG -> { for (int i = lo; i < hi; i++) y[i] = -x[i]; }
      default -> throw new AssertionError(this);
    }
  }

  /** gx += gy * f'(x) over {@code [lo, hi)}; y is the forward output. */
  public void backward(float[] x, float[] y, float[] gy, float[] gx, int lo, int hi, float param) {
    switch (this) {
      case EXP -> { for (int i = lo; i < hi; i++) gx[i] += gy[i] * y[i]; }
      case LOG -> { for (int i = lo; i < hi; i++) gx[i] += gy[i] / x[i]; }
      case SIGMOID -> { for (int i = lo; i < hi; i++) gx[i] += gy[i] * y[i] * (1f - y[i]); }
      case LOG_SIGMOID -> { for (int i = lo; i < hi; i++) gx[i] += gy[i] * sigmoid(-x[i]); }
      case SOFTPLUS -> { for (int i = lo; i < hi; i++) gx[i] += gy[i] * sigmoid(x[i]); }
      case TANH -> { for (int i = lo; i < hi; i++) gx[i] += gy[i] * (1f - y[i] * y[i]); }
      case RELU -> { for (int i = lo; i < hi; i++) gx[i] += x[i] > 0f ? gy[i] : 0f; }
      case LEAKY_RELU -> Simd.leakyReluBackward(x, gy, gx, lo, hi, param);
      case GELU -> Simd.geluBackward(x, gy, gx, lo, hi);
      case SQUARE -> { for (int i = lo; i < hi; i++) gx[i] += 2f * gy[i] * x[i]; }
      case SQRT -> { for (int i = lo; i < hi; i++) gx[i] += gy[i] * 0.5f / y[i]; }
      case NEG -> { for (int i = lo; i < hi; i++) gx[i] -= gy[i]; }
      default -> throw new AssertionError(this);
    }
  }

  public static float sigmoid(float x) {
    return x >= 0f ? 1f / (1f + (float) Math.exp(-x)) : (float) (Math.exp(x) / (1.0 + Math.exp(x)));
  }

  /** log(1 + e^x) without overflow: max(x, 0) + log1p(e^-|x|). */
  public static float softplus(float x) {
    return (float) (Math.max(x, 0f) + Math.log1p(Math.exp(-Math.abs(x))));
  }

  /**
   * Standard normal CDF Φ(x) = ½(1 + erf(x/√2)) given {@code g = exp(-x²/2)}, which the GELU derivative needs too:
   * erf by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7, ample for float), whose exp(-z²) at
   * z = |x|/√2 is exactly g, so forward and backward each cost one exp.
   */
  static double phiCdf(double x, double g) {
    double z = Math.abs(x) * 0.7071067811865476;
    double t = 1.0 / (1.0 + 0.3275911 * z);
    double erfAbs = 1.0 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
        + t * 1.061405429)))) * g;
    return 0.5 * (1.0 + (x >= 0 ? erfAbs : -erfAbs));
  }

  /** erf with absolute error below 1.5e-7 (Abramowitz and Stegun 7.1.26). */
  public static double erf(double x) {
    double z = x * 1.4142135623730951; // phiCdf takes x with z = |x| / sqrt 2
    return 2.0 * phiCdf(z, Math.exp(-x * x)) - 1.0;
  }
}
