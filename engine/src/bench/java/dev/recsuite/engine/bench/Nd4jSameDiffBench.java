package dev.recsuite.engine.bench;

import dev.recsuite.engine.rng.Rng;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same LightGCN and BPR steps as {@link LightGcnStepBench} and {@link BprStepBench}, in ND4J SameDiff
 * 1.0.0-M2.1 (bench-only dependency), so the JMH output shows the ratio. Adam with lr 1e-3 (see {@link Step}).
 *
 * <p>Result on this machine: neither full step runs. The backward pass fails (with {@code calculateGradients}:
 * "Op with name assign_1 ... Output array did not match expected shape" inside the gather gradient; with
 * {@code fit}: "One of Input arguments was closed before call" from the second call), so the step benchmarks report
 * the exception and the {@code ...Forward} benchmarks time the forward pass and loss alone, a lower bound on a step.
 *
 * <p>Two workarounds were needed to get that far, both forced by SameDiff faults (issue 3):
 * <ul>
 *   <li>backward fails with "Unable to replace samediff namespace" (Gather.doDiff) as soon as a graph holds two
 *       gathers, so all batch rows come from ONE gather over a concatenated table (BPR: [U; V]; LightGCN:
 *       [propagated; ego]) and are split afterwards (its gradient is still wrong for repeated indices, which only
 *       matters for correctness, not for timing);
 *   <li>message passing as gather(X, cols) * vals + unsortedSegmentSum would need more gathers, so Â X is a dense
 *       matmul with the 26,495^2 normalised adjacency (2.8 GB off-heap), as the 6.8 s measurement did.
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=10g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=14g"})
public class Nd4jSameDiffBench {
  static final int D = 64;

  /** Shared graph data and batches. */
  @State(Scope.Benchmark)
  public static class Data {
    BabyGraph g;
    MultiDataSet[] bpr;
    MultiDataSet[] lightGcn;

    @Setup(Level.Trial)
    public void setup() {
      g = new BabyGraph(1);
      int nodes = BabyGraph.USERS + BabyGraph.ITEMS;
      int bs = BabyGraph.BATCH;
      bpr = new MultiDataSet[8];
      lightGcn = new MultiDataSet[8];
      for (int s = 0; s < bpr.length; s++) {
        int[][] b = g.batch(1, s);
        int[] three = new int[3 * bs];
        int[] six = new int[6 * bs];
        for (int k = 0; k < bs; k++) {
          three[k] = b[0][k];
          three[bs + k] = BabyGraph.USERS + b[1][k];
          three[2 * bs + k] = BabyGraph.USERS + b[2][k];
          for (int part = 0; part < 3; part++) {
            six[part * bs + k] = three[part * bs + k];
            six[(3 + part) * bs + k] = nodes + three[part * bs + k];
          }
        }
        bpr[s] = new MultiDataSet(new INDArray[] {Nd4j.createFromArray(three)}, new INDArray[0]);
        lightGcn[s] = new MultiDataSet(new INDArray[] {Nd4j.createFromArray(six)}, new INDArray[0]);
      }
    }
  }

  private static INDArray xavierUniform(long seed, int rows, int cols) {
    SplittableRandom r = Rng.stream(seed, "nd4j-init");
    double a = Math.sqrt(6.0 / (rows + cols));
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (-a + 2 * a * r.nextDouble());
    }
    return Nd4j.createFromArray(v).reshape(rows, cols);
  }

  private static SDVariable bprLoss(SameDiff sd, SDVariable u, SDVariable p, SDVariable n, SDVariable egoU,
      SDVariable egoP, SDVariable egoN) {
    SDVariable pos = u.mul(p).sum(1);
    SDVariable neg = u.mul(n).sum(1);
    SDVariable bpr = sd.math.log(sd.nn.sigmoid(pos.sub(neg)).add(1e-10)).mean().neg();
    SDVariable reg = sd.norm2(egoU).add(sd.norm2(egoP)).add(sd.norm2(egoN)).div(BabyGraph.BATCH);
    return bpr.add(reg.mul(1e-4));
  }

  private static void train(SameDiff sd, SDVariable loss) {
    loss.rename("loss");
    sd.setLossVariables(loss);
  }

  /**
   * One step: gradients from {@code calculateGradients}, then Adam (lr 1e-3, PyTorch formula) in INDArray ops.
   * ({@code SameDiff.fit} fails from its second call on with "One of Input arguments was closed before call".)
   */
  static final class Step {
    final SameDiff sd;
    final String[] names;
    final INDArray[] m;
    final INDArray[] v;
    long t;

    Step(SameDiff sd, String... names) {
      this.sd = sd;
      this.names = names;
      m = new INDArray[names.length];
      v = new INDArray[names.length];
      for (int i = 0; i < names.length; i++) {
        m[i] = Nd4j.zerosLike(sd.getVariable(names[i]).getArr());
        v[i] = Nd4j.zerosLike(sd.getVariable(names[i]).getArr());
      }
    }

    Object run(INDArray idx) {
      java.util.Map<String, INDArray> g = sd.calculateGradients(java.util.Map.of("idx", idx), names);
      t++;
      double bc1 = 1 - Math.pow(0.9, t);
      double bc2 = Math.sqrt(1 - Math.pow(0.999, t));
      for (int i = 0; i < names.length; i++) {
        INDArray gi = g.get(names[i]);
        m[i].muli(0.9).addi(gi.mul(0.1));
        v[i].muli(0.999).addi(gi.mul(gi).muli(0.001));
        INDArray denom = org.nd4j.linalg.ops.transforms.Transforms.sqrt(v[i], true).divi(bc2).addi(1e-8);
        sd.getVariable(names[i]).getArr().subi(m[i].div(denom).muli(1e-3 / bc1));
      }
      return g;
    }
  }

  /** BPR-MF in SameDiff. */
  @State(Scope.Thread)
  public static class Bpr {
    SameDiff sd;
    Step step;
    int k;

    @Setup(Level.Trial)
    public void setup() {
      sd = SameDiff.create();
      SDVariable users = sd.var("U", xavierUniform(1, BabyGraph.USERS, D));
      SDVariable items = sd.var("V", xavierUniform(2, BabyGraph.ITEMS, D));
      SDVariable idx = sd.placeHolder("idx", DataType.INT, -1);
      SDVariable[] rows = sd.split(sd.gather(sd.concat(0, users, items), idx, 0), 3, 0); // u, p, n
      train(sd, bprLoss(sd, rows[0], rows[1], rows[2], rows[0], rows[1], rows[2]));
      step = new Step(sd, "U", "V");
    }
  }

  /** LightGCN (3 layers, mean of layers) in SameDiff. */
  @State(Scope.Thread)
  public static class LightGcn {
    SameDiff sd;
    Step step;
    int k;

    @Setup(Level.Trial)
    public void setup(Data data) {
      BabyGraph g = data.g;
      int nodes = BabyGraph.USERS + BabyGraph.ITEMS;
      sd = SameDiff.create();
      SDVariable eu = sd.var("E_u", xavierUniform(1, BabyGraph.USERS, D));
      SDVariable ei = sd.var("E_i", xavierUniform(2, BabyGraph.ITEMS, D));
      SDVariable adj = sd.constant("adj", Nd4j.create(g.adj.toDense().data(), new long[] {nodes, nodes}, DataType.FLOAT));
      SDVariable idx = sd.placeHolder("idx", DataType.INT, -1);
      SDVariable e0 = sd.concat(0, eu, ei);
      SDVariable e = e0;
      SDVariable sum = e0;
      for (int l = 0; l < 3; l++) {
        e = sd.mmul(adj, e);
        sum = sum.add(e);
      }
      SDVariable table = sd.concat(0, sum.div(4.0), e0); // [2 * nodes, D]: propagated rows, then ego rows
      SDVariable[] r = sd.split(sd.gather(table, idx, 0), 6, 0); // u, p, n (propagated), u, p, n (ego)
      train(sd, bprLoss(sd, r[0], r[1], r[2], r[3], r[4], r[5]));
      step = new Step(sd, "E_u", "E_i");
    }
  }

  @Benchmark
  public Object bprStep(Data data, Bpr s) {
    return s.step.run(data.bpr[s.k++ & 7].getFeatures(0));
  }

  /** Forward pass and loss only: a lower bound on a SameDiff step, since the full step cannot run in M2.1. */
  @Benchmark
  public Object bprForward(Data data, Bpr s) {
    return s.sd.output(java.util.Map.of("idx", data.bpr[s.k++ & 7].getFeatures(0)), "loss");
  }

  /** Forward pass and loss only (see {@link #bprForward}). */
  @Benchmark
  public Object lightGcnForward(Data data, LightGcn s) {
    return s.sd.output(java.util.Map.of("idx", data.lightGcn[s.k++ & 7].getFeatures(0)), "loss");
  }

  @Benchmark
  public Object lightGcnStep(Data data, LightGcn s) {
    return s.step.run(data.lightGcn[s.k++ & 7].getFeatures(0));
  }
}
