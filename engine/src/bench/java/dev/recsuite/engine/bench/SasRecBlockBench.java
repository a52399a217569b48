package dev.recsuite.engine.bench;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.nn.Attention;
import dev.recsuite.engine.nn.Init;
import dev.recsuite.engine.rng.Rng;
import dev.recsuite.engine.tensor.Tensor;
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
 * Forward and backward of one SASRec Transformer block as RecBole builds it (specs/baselines.md §3.7): B 256, L 50,
 * d 64, 2 heads, FFN 256 with GELU, post-LN with eps 1e-12, dropout 0.5 on probabilities and sublayer outputs,
 * causal + padding mask. The input is the embedded sequence (item gather + position, LayerNorm, dropout). Issue 3
 * target: median <= 250 ms on 2 cores.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 3) // ~30 steps: the first few hundred ms-long steps are still being compiled
@Measurement(iterations = 10, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
public class SasRecBlockBench {
  static final int B = 256;
  static final int L = 50;
  static final int D = 64;
  static final int ITEMS = 7_051;

  private Tape tape;
  private Param items;
  private Param pos;
  private Param lnInG;
  private Param lnInB;
  private Param wq;
  private Param bq;
  private Param wk;
  private Param bk;
  private Param wv;
  private Param bv;
  private Param wo;
  private Param bo;
  private Param ln1G;
  private Param ln1B;
  private Param w1;
  private Param b1;
  private Param w2;
  private Param b2;
  private Param ln2G;
  private Param ln2B;
  private int[] seq;
  private int[] positions;
  private Tensor mask; // [B, 1, L, L]
  private Tensor upstream; // [B, L, D]
  private long step;

  @Setup
  public void setup() {
    setupWith(CpuBackend.shared());
  }

  void setupWith(dev.recsuite.engine.backend.Backend backend) {
    tape = Tape.training(backend);
    int k = 0;
    items = Init.normal("item", Rng.stream(1, "init", k++), 0, 0.02, ITEMS, D);
    pos = Init.normal("pos", Rng.stream(1, "init", k++), 0, 0.02, L, D);
    lnInG = Init.constant("ln_g", 1f, D);
    lnInB = Init.zeros("ln_b", D);
    wq = Init.normal("wq", Rng.stream(1, "init", k++), 0, 0.02, D, D);
    wk = Init.normal("wk", Rng.stream(1, "init", k++), 0, 0.02, D, D);
    wv = Init.normal("wv", Rng.stream(1, "init", k++), 0, 0.02, D, D);
    wo = Init.normal("wo", Rng.stream(1, "init", k++), 0, 0.02, D, D);
    w1 = Init.normal("w1", Rng.stream(1, "init", k++), 0, 0.02, 4 * D, D);
    w2 = Init.normal("w2", Rng.stream(1, "init", k++), 0, 0.02, D, 4 * D);
    bq = Init.zeros("bq", D);
    bk = Init.zeros("bk", D);
    bv = Init.zeros("bv", D);
    bo = Init.zeros("bo", D);
    b1 = Init.zeros("b1", 4 * D);
    b2 = Init.zeros("b2", D);
    ln1G = Init.constant("ln1_g", 1f, D);
    ln1B = Init.zeros("ln1_b", D);
    ln2G = Init.constant("ln2_g", 1f, D);
    ln2B = Init.zeros("ln2_b", D);
    SplittableRandom r = Rng.stream(1, "bench-seq");
    seq = new int[B * L];
    mask = Tensor.zeros(B, 1, L, L);
    for (int b = 0; b < B; b++) {
      int len = 1 + r.nextInt(L); // left-aligned, zero-padded at the end (RecBole)
      for (int t = 0; t < len; t++) {
        seq[b * L + t] = 1 + r.nextInt(ITEMS - 1);
      }
      for (int q = 0; q < L; q++) {
        for (int key = 0; key < L; key++) {
          boolean keep = key <= q && seq[b * L + key] != 0;
          mask.data()[(b * L + q) * L + key] = keep ? 0f : -10000f;
        }
      }
    }
    positions = new int[B * L];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i % L;
    }
    upstream = Tensor.zeros(B, L, D);
    for (int i = 0; i < upstream.size(); i++) {
      upstream.data()[i] = (float) r.nextGaussian();
    }
  }

  @Benchmark
  public float forwardBackward() {
    Tape t = tape;
    SplittableRandom drop = Rng.stream(1, "dropout", step++);
    Var x = t.add(t.gather(t.param(items), seq, B, L), t.gather(t.param(pos), positions, B, L));
    x = t.dropout(t.layerNorm(x, t.param(lnInG), t.param(lnInB), 1e-12f), 0.5f, drop);
    Var q = t.linear(x, t.param(wq), t.param(bq));
    Var k = t.linear(x, t.param(wk), t.param(bk));
    Var v = t.linear(x, t.param(wv), t.param(bv));
    Var ctx = Attention.multiHead(t, q, k, v, 2, t.constant(mask), 0.5f, drop);
    Var att = t.dropout(t.linear(ctx, t.param(wo), t.param(bo)), 0.5f, drop);
    Var h = t.layerNorm(t.add(att, x), t.param(ln1G), t.param(ln1B), 1e-12f);
    Var ffn = t.linear(t.gelu(t.linear(h, t.param(w1), t.param(b1))), t.param(w2), t.param(b2));
    Var out = t.layerNorm(t.add(t.dropout(ffn, 0.5f, drop), h), t.param(ln2G), t.param(ln2B), 1e-12f);
    Var loss = t.sum(t.mul(out, t.constant(upstream)));
    t.backward(loss);
    float l = loss.item();
    t.reset();
    for (Param p : new Param[] {items, pos, lnInG, lnInB, wq, bq, wk, bk, wv, bv, wo, bo, ln1G, ln1B, w1, b1, w2, b2,
        ln2G, ln2B}) {
      p.zeroGrad();
    }
    return l;
  }
}
