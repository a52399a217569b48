package dev.recsuite.engine.bench;

import dev.recsuite.engine.blas.Blas;
import dev.recsuite.engine.blas.Gemm;
import dev.recsuite.engine.blas.JavaGemm;
import dev.recsuite.engine.ops.TopK;
import dev.recsuite.engine.parallel.WorkerPool;
import dev.recsuite.engine.rng.Rng;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring a batch of 2048 users against all 7,050 Baby items (U [2048, 64] x V[7050, 64]^T) and taking the top 20
 * of each row, with ~6 training items per user excluded. {@code gemm}: which GEMM ("java" or "openblas"), to choose
 * the BLAS by measurement; {@code topKOnly} times the selection alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class ScoreTopKBench {
  static final int USERS = 2048;
  static final int ITEMS = 7_050;
  static final int D = 64;
  static final int K = 20;

  @Param({"openblas", "java"})
  public String gemm;

  private Gemm g;
  private WorkerPool pool;
  private float[] u;
  private float[] v;
  private float[] scores;
  private int[][] exclude;
  private int[] idx;
  private float[] top;

  @Setup
  public void setup() {
    pool = WorkerPool.shared();
    g = gemm.equals("java") ? new JavaGemm(pool) : Blas.tryOpenBlas(pool);
    SplittableRandom r = Rng.stream(1, "bench-score");
    u = new float[USERS * D];
    v = new float[ITEMS * D];
    for (int i = 0; i < u.length; i++) {
      u[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    scores = new float[USERS * ITEMS];
    exclude = new int[USERS][];
    for (int i = 0; i < USERS; i++) {
      exclude[i] = r.ints(6, 0, ITEMS).distinct().sorted().toArray();
    }
    idx = new int[USERS * K];
    top = new float[USERS * K];
    g.sgemm(false, true, USERS, ITEMS, D, 1f, u, 0, D, v, 0, D, 0f, scores, 0, ITEMS);
  }

  @Benchmark
  public int scoreAndTop20() {
    g.sgemm(false, true, USERS, ITEMS, D, 1f, u, 0, D, v, 0, D, 0f, scores, 0, ITEMS);
    TopK.select(pool, scores, USERS, ITEMS, K, exclude, idx, top);
    return idx[0];
  }

  @Benchmark
  public int scoreOnly() {
    g.sgemm(false, true, USERS, ITEMS, D, 1f, u, 0, D, v, 0, D, 0f, scores, 0, ITEMS);
    return Float.floatToIntBits(scores[0]);
  }

  @Benchmark
  public int top20Only() {
    TopK.select(pool, scores, USERS, ITEMS, K, exclude, idx, top);
    return idx[0];
  }
}
