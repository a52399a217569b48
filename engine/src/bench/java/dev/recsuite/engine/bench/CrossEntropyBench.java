package dev.recsuite.engine.bench;

import dev.recsuite.engine.ops.CrossEntropy;
import dev.recsuite.engine.ops.Softmax;
import dev.recsuite.engine.parallel.WorkerPool;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward and backward of SASRec's all-item softmax cross-entropy as RecBole sizes it on Amazon Beauty: a batch
 * of 2,048 prefixes against 12,102 item rows (specs/baselines.md §3.7). {@code composed} is log-softmax into a
 * [B, C] tensor, the loss read from it, a zeroed [B, C] one-hot upstream gradient and log-softmax backward (the
 * tape before the fusion); {@code fused} is {@link CrossEntropy}. Both produce the same floats
 * ({@code CrossEntropyTest}); the logits product itself is not included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class CrossEntropyBench {
  static final int B = 2048;
  static final int C = 12_102;

  private final WorkerPool pool = WorkerPool.shared();
  private float[] logits;
  private int[] targets;
  private float[] lsm;
  private float[] upstream;
  private float[] grad;
  private float[] lse;

  @Setup
  public void setup() {
    SplittableRandom r = new SplittableRandom(1);
    logits = new float[B * C];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) (0.1 * r.nextGaussian());
    }
    targets = new int[B];
    Arrays.setAll(targets, i -> r.nextInt(C));
    lsm = new float[B * C];
    upstream = new float[B * C];
    grad = new float[B * C];
    lse = new float[B];
  }

  @Benchmark
  public float composed() {
    Softmax.forward(pool, logits, B, C, 1, true, lsm);
    double s = 0;
    for (int i = 0; i < B; i++) {
      s -= lsm[i * C + targets[i]];
    }
    Arrays.fill(upstream, 0f);
    for (int i = 0; i < B; i++) {
      upstream[i * C + targets[i]] = -1f / B;
    }
    Arrays.fill(grad, 0f);
    Softmax.backward(pool, lsm, upstream, B, C, 1, true, grad);
    return (float) s + grad[0];
  }

  @Benchmark
  public float fused() {
    double s = CrossEntropy.forward(pool, logits, B, C, targets, lse);
    Arrays.fill(grad, 0f);
    CrossEntropy.backward(pool, logits, B, C, targets, lse, -1f / B, grad);
    return (float) s + grad[0];
  }
}
