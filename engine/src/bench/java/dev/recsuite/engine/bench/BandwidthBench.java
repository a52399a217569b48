package dev.recsuite.engine.bench;

import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.parallel.WorkerPool;
import dev.recsuite.engine.tensor.Tensor;
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
 * The physical reference for SpMM: copying 64 MiB (far beyond the 8 MiB L3) with both cores, and one LightGCN SpMM
 * layer on the Baby-sized graph (26,495 x 26,495, 237k nonzeros, d 64).
 *
 * <p>Copy bandwidth = 2 * 64 MiB / time (read + write). SpMM compulsory traffic = CSR arrays (nnz * 8 + (n + 1) * 4
 * bytes) + X read once (n * d * 4) + Y written (n * d * 4), about 15.5 MB; its effective bandwidth is that divided by
 * the time (issue 3 target: at least 50% of the copy bandwidth).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class BandwidthBench {
  static final int COPY_FLOATS = 16 << 20; // 64 MiB

  private float[] src;
  private float[] dst;
  private WorkerPool pool;
  private CpuBackend be;
  private BabyGraph g;
  private Tensor x;
  private Tensor y;

  @Setup
  public void setup() {
    src = new float[COPY_FLOATS];
    dst = new float[COPY_FLOATS];
    java.util.Arrays.fill(src, 1f);
    pool = WorkerPool.shared();
    be = CpuBackend.shared();
    g = new BabyGraph(1);
    int n = BabyGraph.USERS + BabyGraph.ITEMS;
    x = Tensor.zeros(n, 64);
    y = Tensor.zeros(n, 64);
    for (int i = 0; i < x.size(); i++) {
      x.data()[i] = (i % 97) / 97f;
    }
  }

  /** Parallel System.arraycopy of 64 MiB in one contiguous part per thread. */
  @Benchmark
  public float copy64MiB() {
    pool.forRange(COPY_FLOATS, 1 << 16, (lo, hi) -> System.arraycopy(src, lo, dst, lo, hi - lo));
    return dst[COPY_FLOATS - 1];
  }

  @Benchmark
  public float spmmLayer() {
    be.spmm(g.adj, x, y, false);
    return y.data()[0];
  }
}
