package dev.recsuite.engine.nn;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Parameter initialisers with PyTorch's definitions (specs/baselines.md §1). Fans follow
 * {@code torch.nn.init._calculate_fan_in_and_fan_out}: for a tensor of shape (rows, cols, k...) with receptive
 * field r = prod(k...), fan_in = cols * r and fan_out = rows * r. So an embedding table (n, d) has fan_in = d and
 * fan_out = n, and a Linear weight (out, in) has fan_in = in.
 *
 * <p>Draws come from the given stream in row-major order; pass {@code Rng.stream(seed, "init", ...)}.
 */
public final class Init {
  private Init() {}

  /** U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)), gain 1. */
  public static Param xavierUniform(String name, SplittableRandom rng, int... shape) {
    double a = Math.sqrt(6.0 / (fanIn(shape) + fanOut(shape)));
    return uniform(name, rng, -a, a, shape);
  }

  /** N(0, σ²) with σ = sqrt(2 / (fan_in + fan_out)). */
  public static Param xavierNormal(String name, SplittableRandom rng, int... shape) {
    return normal(name, rng, 0.0, Math.sqrt(2.0 / (fanIn(shape) + fanOut(shape))), shape);
  }

  /** N(mean, std²) (nn.Embedding's default is N(0, 1); RecBole's SASRec uses std 0.02). */
  public static Param normal(String name, SplittableRandom rng, double mean, double std, int... shape) {
    Tensor t = Tensor.zeros(shape);
    float[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (mean + std * rng.nextGaussian());
    }
    return new Param(name, t);
  }

  /** U(lo, hi). nn.Linear's default for weight and bias is U(-1/sqrt(in), 1/sqrt(in)): see {@link #linearDefault}. */
  public static Param uniform(String name, SplittableRandom rng, double lo, double hi, int... shape) {
    Tensor t = Tensor.zeros(shape);
    float[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (lo + (hi - lo) * rng.nextDouble());
    }
    return new Param(name, t);
  }

  /** U(-1/sqrt(fanIn), 1/sqrt(fanIn)): PyTorch's effective nn.Linear default for weight and bias, GRU weights. */
  public static Param linearDefault(String name, SplittableRandom rng, int fanIn, int... shape) {
    double b = 1.0 / Math.sqrt(fanIn);
    return uniform(name, rng, -b, b, shape);
  }

  public static Param zeros(String name, int... shape) {
    return new Param(name, Tensor.zeros(shape));
  }

  public static Param constant(String name, float value, int... shape) {
    Tensor t = Tensor.zeros(shape);
    java.util.Arrays.fill(t.data(), value);
    return new Param(name, t);
  }

  public static double fanIn(int[] shape) {
    checkRank(shape);
    return (double) shape[1] * receptive(shape);
  }

  public static double fanOut(int[] shape) {
    checkRank(shape);
    return (double) shape[0] * receptive(shape);
  }

  private static double receptive(int[] shape) {
    double r = 1;
    for (int i = 2; i < shape.length; i++) {
      r *= shape[i];
    }
    return r;
  }

  private static void checkRank(int[] shape) {
    if (shape.length < 2) {
      throw new IllegalArgumentException("fan in/out need at least 2 dimensions (PyTorch raises too), got rank " + shape.length);
    }
  }
}
