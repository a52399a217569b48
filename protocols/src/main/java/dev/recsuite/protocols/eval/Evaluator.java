package dev.recsuite.protocols.eval;

import dev.recsuite.engine.parallel.WorkerPool;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.UserBatch;
import dev.recsuite.protocols.metrics.Ranking;
import dev.recsuite.protocols.metrics.UserMetric;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a fixed {@link EvalTask} with a {@link Scorer} and computes every metric per user. A final
 * template (Tribuo {@code AbstractEvaluator}): check the scorer against the task, score users in batches,
 * rank each user's targets once ({@link TargetRanker}: exact ranks under the {@link TiePolicy}, no sort),
 * apply every metric to that one {@link Ranking}, then average. Ranking runs on the engine's worker pool;
 * users are independent, so the numbers do not depend on the thread count.
 */
public final class Evaluator {
  private final EvalTask task;
  private final List<UserMetric> metrics;
  private final TiePolicy ties;
  private final long tieSeed;
  private final int batchSize;

  public Evaluator(EvalTask task, List<UserMetric> metrics, TiePolicy ties, long tieSeed, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("evaluation batch size must be >= 1, got " + batchSize);
    }
    this.task = task;
    this.metrics = List.copyOf(metrics);
    this.ties = ties;
    this.tieSeed = tieSeed;
    this.batchSize = batchSize;
  }

  public EvalTask task() {
    return task;
  }

  public List<String> metricNames() {
    return metrics.stream().map(UserMetric::name).toList();
  }

  public EvaluationResult evaluate(Scorer scorer) {
    long start = System.nanoTime();
    if (scorer.nItems() != task.nItems()) {
      throw new IllegalArgumentException("scorer ranks " + scorer.nItems() + " items, the task has " + task.nItems());
    }
    int nUsers = task.size();
    int nMetrics = metrics.size();
    double[][] perUser = new double[nMetrics][nUsers];
    boolean[] tied = new boolean[nUsers];
    // one ranker per worker chunk: rankers reuse buffers; users are independent, so the result does not
    // depend on the thread count (random ties use a per-user stream)
    WorkerPool pool = WorkerPool.shared();
    int n = task.nItems();
    float[] scores = task.sampled() ? null : new float[Math.min(batchSize, Math.max(1, nUsers)) * n];
    for (int from = 0; from < nUsers; from += batchSize) {
      int to = Math.min(nUsers, from + batchSize);
      UserBatch batch = new UserBatch(Arrays.copyOfRange(task.users(), from, to), Arrays.copyOfRange(task.histories(), from, to));
      float[][] candScores;
      if (task.sampled()) {
        int[][] cands = Arrays.copyOfRange(task.candidates(), from, to);
        candScores = new float[to - from][];
        for (int b = 0; b < to - from; b++) {
          candScores[b] = new float[cands[b].length];
        }
        scorer.scoreCandidates(batch, cands, candScores);
      } else {
        candScores = null;
        scorer.scoreAll(batch, scores);
      }
      int base = from;
      pool.forRange(to - from, 64, (b0, b1) -> {
        TargetRanker ranker = new TargetRanker(ties, tieSeed);
        for (int b = b0; b < b1; b++) {
          int k = base + b;
          Ranking r = task.sampled()
              ? ranker.rankCandidates(task.users()[k], task.candidates()[k], candScores[b], task.targets()[k])
              : ranker.rankFull(task.users()[k], scores, b * n, n, task.targets()[k], task.excluded()[k]);
          tied[k] = r.tied();
          for (int m = 0; m < nMetrics; m++) {
            perUser[m][k] = metrics.get(m).of(r);
          }
        }
      });
    }
    int tiedUsers = 0;
    for (boolean x : tied) {
      tiedUsers += x ? 1 : 0;
    }
    double[] means = new double[nMetrics];
    int[] undefined = new int[nMetrics];
    for (int m = 0; m < nMetrics; m++) {
      double sum = 0;
      int count = 0;
      for (double v : perUser[m]) {
        if (Double.isNaN(v)) {
          undefined[m]++;
        } else {
          sum += v;
          count++;
        }
      }
      means[m] = count == 0 ? Double.NaN : sum / count;
    }
    List<String> names = metrics.stream().map(UserMetric::name).toList();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new EvaluationResult(task.phase(), task.users(), names, perUser, means, undefined,
        nUsers == 0 ? 0 : (double) tiedUsers / nUsers, task.skippedColdStart(), task.rule(), seconds);
  }
}
