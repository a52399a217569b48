package dev.recsuite.engine.bench;

import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.nn.Init;
import dev.recsuite.engine.nn.Losses;
import dev.recsuite.engine.optim.Adam;
import dev.recsuite.engine.rng.Rng;
import java.util.List;
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
 * One BPR-MF step (specs/baselines.md §3.1) on Baby-sized tables, batch 2048: three gathers, two row dots, BPR
 * (eps 1e-10) + 1e-4 EmbLoss, backward, Adam. Issue 3 target: median <= 5 ms on 2 cores. Dense Adam touches all
 * 26,495 x 64 parameters and their moments each step (as PyTorch does); lazy Adam only the batch rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class BprStepBench {
  @Param({"false", "true"})
  public boolean lazyAdam;

  private dev.recsuite.engine.autodiff.Param users;
  private dev.recsuite.engine.autodiff.Param items;
  private Adam adam;
  private Tape tape;
  private int[][][] batches;
  private int step;

  @Setup
  public void setup() {
    setupWith(CpuBackend.shared());
  }

  void setupWith(dev.recsuite.engine.backend.Backend backend) {
    BabyGraph g = new BabyGraph(1);
    CpuBackend be = CpuBackend.shared();
    tape = Tape.training(backend);
    users = Init.xavierNormal("U", Rng.stream(1, "init", 0), BabyGraph.USERS, 64);
    items = Init.xavierNormal("V", Rng.stream(1, "init", 1), BabyGraph.ITEMS, 64);
    adam = new Adam(List.of(users, items), Adam.Config.defaults(1e-3).withLazyRows(lazyAdam), be.pool());
    batches = new int[16][][];
    for (int s = 0; s < batches.length; s++) {
      batches[s] = g.batch(1, s);
    }
  }

  @Benchmark
  public float step() {
    int[][] b = batches[step++ & 15];
    Tape t = tape;
    Var u = t.gather(t.param(users), b[0]);
    Var p = t.gather(t.param(items), b[1]);
    Var n = t.gather(t.param(items), b[2]);
    Var loss = t.add(Losses.bpr(t, t.rowDot(u, p), t.rowDot(u, n), 1e-10f), t.scale(Losses.embLoss(t, u, p, n), 1e-4f));
    t.backward(loss);
    float l = loss.item();
    adam.step();
    t.reset();
    return l;
  }
}
