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
 * One LightGCN training step on the Baby-sized graph (issue 3 target: median <= 60 ms on 2 cores): forward with 3
 * SpMM layers and the layer mean, BPR (eps 1e-10) + 1e-4 EmbLoss on the ego rows of batch 2048, backward, Adam
 * (dense, as PyTorch; or lazy rows), as specs/baselines.md §3.2 describes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
public class LightGcnStepBench {
  @Param({"false"})
  public boolean lazyAdam;

  private BabyGraph g;
  private CpuBackend be;
  private Tape tape;
  private dev.recsuite.engine.autodiff.Param eu;
  private dev.recsuite.engine.autodiff.Param ei;
  private Adam adam;
  private int[][][] batches;
  private int step;

  @Setup
  public void setup() {
    setupWith(CpuBackend.shared());
  }

  void setupWith(dev.recsuite.engine.backend.Backend backend) {
    g = new BabyGraph(1);
    be = CpuBackend.shared();
    tape = Tape.training(backend);
    eu = Init.xavierUniform("E_u", Rng.stream(1, "init", 0), BabyGraph.USERS, 64);
    ei = Init.xavierUniform("E_i", Rng.stream(1, "init", 1), BabyGraph.ITEMS, 64);
    adam = new Adam(List.of(eu, ei), Adam.Config.defaults(1e-3).withLazyRows(lazyAdam), be.pool());
    batches = new int[16][][];
    for (int s = 0; s < batches.length; s++) {
      int[][] b = g.batch(1, s);
      int[] pRows = b[1].clone();
      int[] nRows = b[2].clone();
      for (int k = 0; k < pRows.length; k++) {
        pRows[k] += BabyGraph.USERS;
        nRows[k] += BabyGraph.USERS;
      }
      batches[s] = new int[][] {b[0], b[1], b[2], pRows, nRows};
    }
  }

  @Benchmark
  public float step() {
    int[][] b = batches[step++ & 15];
    Tape t = tape;
    Var e = t.concat(0, t.param(eu), t.param(ei));
    Var sum = e;
    for (int l = 0; l < 3; l++) {
      e = t.spmm(g.adj, e);
      sum = t.add(sum, e);
    }
    Var all = t.scale(sum, 1f / 4);
    Var u = t.gather(all, b[0]);
    Var pos = t.rowDot(u, t.gather(all, b[3]));
    Var neg = t.rowDot(u, t.gather(all, b[4]));
    Var reg = Losses.embLoss(t, t.gather(t.param(eu), b[0]), t.gather(t.param(ei), b[1]), t.gather(t.param(ei), b[2]));
    Var loss = t.add(Losses.bpr(t, pos, neg, 1e-10f), t.scale(reg, 1e-4f));
    t.backward(loss);
    float l = loss.item();
    adam.step();
    t.reset();
    return l;
  }
}
