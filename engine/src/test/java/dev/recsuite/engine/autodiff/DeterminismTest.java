package dev.recsuite.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.recsuite.engine.backend.Backend;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.blas.JavaGemm;
import dev.recsuite.engine.nn.Attention;
import dev.recsuite.engine.nn.Init;
import dev.recsuite.engine.nn.Losses;
import dev.recsuite.engine.optim.Adam;
import dev.recsuite.engine.parallel.WorkerPool;
import dev.recsuite.engine.rng.Rng;
import dev.recsuite.engine.tensor.Csr;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Same seed and thread count give bit-identical parameters; with the Java GEMM the result is also the same for 1
 * and 3 threads (every kernel splits work by output rows and sums in a fixed order). Sizes are big enough that the
 * kernels actually split (several parts per loop).
 */
class DeterminismTest {
  /** Three steps of a LightGCN-style model: concat, 2 SpMM layers, gathers with repeats, BPR + EmbLoss, Adam. */
  private static float[] graphModel(Backend be, WorkerPool pool) {
    int users = 600;
    int items = 400;
    int d = 64;
    SplittableRandom r = Rng.stream(1, "graph");
    int edges = 6000;
    int[] ri = new int[2 * edges];
    int[] ci = new int[2 * edges];
    float[] v = new float[2 * edges];
    for (int e = 0; e < edges; e++) {
      int u = r.nextInt(users);
      int i = users + r.nextInt(items);
      ri[2 * e] = u;
      ci[2 * e] = i;
      ri[2 * e + 1] = i;
      ci[2 * e + 1] = u;
      v[2 * e] = v[2 * e + 1] = 0.1f;
    }
    Csr adj = Csr.fromCoo(users + items, users + items, ri, ci, v);
    Param eu = Init.xavierUniform("eu", Rng.stream(1, "init", 0), users, d);
    Param ei = Init.xavierUniform("ei", Rng.stream(1, "init", 1), items, d);
    Adam adam = new Adam(List.of(eu, ei), Adam.Config.defaults(0.01), pool);
    Tape t = Tape.training(be);
    for (int step = 0; step < 3; step++) {
      SplittableRandom b = Rng.stream(1, "batch", step);
      int[] u = b.ints(2048, 0, users).toArray();
      int[] p = b.ints(2048, users, users + items).toArray();
      int[] n = b.ints(2048, users, users + items).toArray();
      Var e0 = t.concat(0, t.param(eu), t.param(ei));
      Var e1 = t.spmm(adj, e0);
      Var e2 = t.spmm(adj, e1);
      Var all = t.scale(t.add(t.add(e0, e1), e2), 1f / 3);
      Var ue = t.gather(all, u);
      Var loss = Losses.bpr(t, t.rowDot(ue, t.gather(all, p)), t.rowDot(ue, t.gather(all, n)), 1e-10f);
      Var reg = Losses.embLoss(t, t.gather(t.param(eu), u), t.gather(all, p), t.gather(all, n));
      t.backward(t.add(loss, t.scale(reg, 1e-4f)));
      adam.step();
      t.reset();
    }
    return concat(eu.value().data(), ei.value().data());
  }

  /** Two steps of a SASRec-style block: gather, layer norm, attention, GELU FFN, dropout, all-item CE, Adam. */
  private static float[] attentionModel(Backend be, WorkerPool pool) {
    int b = 16;
    int len = 12;
    int d = 32;
    int nItems = 300;
    List<Param> ps = new ArrayList<>();
    Param items = Init.normal("items", Rng.stream(2, "init", 0), 0, 0.02, nItems, d);
    Param wq = Init.normal("wq", Rng.stream(2, "init", 1), 0, 0.02, d, d);
    Param wk = Init.normal("wk", Rng.stream(2, "init", 2), 0, 0.02, d, d);
    Param wv = Init.normal("wv", Rng.stream(2, "init", 3), 0, 0.02, d, d);
    Param w1 = Init.normal("w1", Rng.stream(2, "init", 4), 0, 0.02, 4 * d, d);
    Param w2 = Init.normal("w2", Rng.stream(2, "init", 5), 0, 0.02, d, 4 * d);
    Param g = Init.constant("g", 1f, d);
    Param beta = Init.zeros("beta", d);
    ps.addAll(List.of(items, wq, wk, wv, w1, w2, g, beta));
    Adam adam = new Adam(ps, Adam.Config.defaults(0.001), pool);
    Tape t = Tape.training(be);
    for (int step = 0; step < 2; step++) {
      SplittableRandom r = Rng.stream(2, "batch", step);
      int[] seq = r.ints(b * len, 1, nItems).toArray();
      int[] target = r.ints(b, 1, nItems).toArray();
      SplittableRandom drop = Rng.stream(2, "dropout", step);
      Var x = t.layerNorm(t.gather(t.param(items), seq, b, len), t.param(g), t.param(beta), 1e-12f);
      Var att = Attention.multiHead(t, t.linear(x, t.param(wq), null), t.linear(x, t.param(wk), null),
          t.linear(x, t.param(wv), null), 2, null, 0.2f, drop);
      Var h = t.add(x, t.dropout(att, 0.2f, drop));
      Var ffn = t.linear(t.gelu(t.linear(h, t.param(w1), null)), t.param(w2), null);
      Var out = t.layerNorm(t.add(h, ffn), t.param(g), t.param(beta), 1e-12f);
      Var last = t.reshape(t.slice(out, 1, len - 1, 1), b, d);
      Var logits = t.matmul(last, t.param(items), false, true);
      t.backward(t.crossEntropy(logits, target));
      adam.step();
      t.reset();
    }
    float[] all = new float[0];
    for (Param p : ps) {
      all = concat(all, p.value().data());
    }
    return all;
  }

  private static float[] concat(float[] a, float[] b) {
    float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Test
  void graphModelIsBitIdenticalAcrossRunsAndThreadCounts() {
    WorkerPool p1 = new WorkerPool(1);
    WorkerPool p3 = new WorkerPool(3);
    float[] one = graphModel(new CpuBackend(p1, new JavaGemm(p1)), p1);
    float[] three = graphModel(new CpuBackend(p3, new JavaGemm(p3)), p3);
    float[] again = graphModel(new CpuBackend(p3, new JavaGemm(p3)), p3);
    assertArrayEquals(three, again);
    assertArrayEquals(one, three);
  }

  @Test
  void attentionModelIsBitIdenticalAcrossRunsAndThreadCounts() {
    WorkerPool p1 = new WorkerPool(1);
    WorkerPool p3 = new WorkerPool(3);
    float[] one = attentionModel(new CpuBackend(p1, new JavaGemm(p1)), p1);
    float[] three = attentionModel(new CpuBackend(p3, new JavaGemm(p3)), p3);
    assertArrayEquals(one, three);
  }

  @Test
  void defaultBackendWithNativeGemmRepeatsExactly() {
    Backend be = CpuBackend.withThreads(2);
    WorkerPool pool = ((CpuBackend) be).pool();
    assertArrayEquals(attentionModel(be, pool), attentionModel(be, pool));
    assertArrayEquals(graphModel(be, pool), graphModel(be, pool));
  }
}
