package dev.recsuite.protocols.bench;

import dev.recsuite.engine.backend.Backend;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.rng.Rng;
import dev.recsuite.engine.tensor.Tensor;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.UserBatch;
import dev.recsuite.protocols.eval.EvalTask;
import dev.recsuite.protocols.eval.EvaluationResult;
import dev.recsuite.protocols.eval.Evaluator;
import dev.recsuite.protocols.eval.TiePolicy;
import dev.recsuite.protocols.metrics.MetricSet;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * Full-rank evaluation of every Baby-sized user (19,445 users x 7,050 items, specs/baselines.md §2.2) with the real
 * {@link Evaluator}: a BPR-style scorer (U_u . V^T, one engine GEMM per batch of 4096 users, MMRec's
 * eval_batch_size), training items masked (~6.1 per user, as Baby's 118,551 training rows), ~1.1 targets per user,
 * Recall/NDCG/Precision/MAP@20 per user. Issue 3 target: median <= 0.5 s on 2 cores.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 10, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
public class FullRankEvalBench {
  static final int USERS = 19_445;
  static final int ITEMS = 7_050;
  static final int D = 64;

  private Evaluator evaluator;
  private Scorer scorer;
  private float[] scores;

  @Setup
  public void setup() {
    SplittableRandom r = Rng.stream(1, "bench-eval");
    int[] users = IntStream.range(0, USERS).toArray();
    int[][] histories = new int[USERS][];
    int[][] targets = new int[USERS][];
    for (int u = 0; u < USERS; u++) {
      histories[u] = r.ints(3 + r.nextInt(7), 0, ITEMS).distinct().sorted().toArray();
      int[] h = histories[u];
      targets[u] = r.ints(r.nextInt(10) == 0 ? 2 : 1, 0, ITEMS)
          .filter(i -> java.util.Arrays.binarySearch(h, i) < 0).toArray();
    }
    EvalTask task = new EvalTask("test", ITEMS, users, histories, targets, histories, null, 0,
        "training items masked", null);
    evaluator = new Evaluator(task, MetricSet.standard(new int[] {20}), TiePolicy.PESSIMISTIC, 0, 4096);
    Tensor u = Tensor.zeros(USERS, D);
    Tensor v = Tensor.zeros(ITEMS, D);
    for (float[] a : new float[][] {u.data(), v.data()}) {
      for (int k = 0; k < a.length; k++) {
        a[k] = (float) (0.1 * r.nextGaussian());
      }
    }
    Backend be = CpuBackend.shared();
    scorer = new Scorer() {
      @Override
      public int nItems() {
        return ITEMS;
      }

      @Override
      public void scoreAll(UserBatch batch, float[] out) {
        int b = batch.size();
        Tensor q = Tensor.zeros(b, D);
        be.gatherRows(u, batch.users(), q);
        boolean exact = out.length == b * ITEMS;
        Tensor s = exact ? Tensor.of(out, b, ITEMS) : Tensor.zeros(b, ITEMS);
        be.matmul(q, false, v, true, s, b, ITEMS, D, 1f, 0f);
        if (!exact) {
          System.arraycopy(s.data(), 0, out, 0, b * ITEMS);
        }
      }
    };
  }

  /** The scoring part alone (same batches as the evaluator), to split the time between model and evaluator. */
  @Benchmark
  public float scoreAllUsers() {
    if (scores == null) {
      scores = new float[4096 * ITEMS];
    }
    for (int from = 0; from < USERS; from += 4096) {
      int to = Math.min(USERS, from + 4096);
      int[] us = IntStream.range(from, to).toArray();
      scorer.scoreAll(new UserBatch(us, new int[us.length][]), scores);
    }
    return scores[0];
  }

  @Benchmark
  public EvaluationResult evaluateAllUsers() {
    return evaluator.evaluate(scorer);
  }
}
