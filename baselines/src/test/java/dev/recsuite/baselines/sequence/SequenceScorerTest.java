package dev.recsuite.baselines.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recsuite.baselines.sasrec.SASRec;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.api.UserBatch;
import dev.recsuite.protocols.eval.EvalTask;
import dev.recsuite.protocols.eval.EvalTasks;
import dev.recsuite.protocols.eval.Evaluator;
import dev.recsuite.protocols.eval.TiePolicy;
import dev.recsuite.protocols.metrics.MetricSet;
import dev.recsuite.protocols.sampling.EvalNegativeSampler;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.protocols.testing.RecommenderContract;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SequenceScorerTest {
  /** An untrained SASRec: its scores are distinct, which is all these checks need. */
  private static SequenceScorer scorer(Split split) {
    var cfg = new SASRec.Config(16, 1, 2, 32, 0.2, 0.2, 1e-12, 0.02, 20, SASRec.LossType.CE, 5e-3, 256, 0.0);
    return (SequenceScorer) new SASRec(cfg, TrainView.of(split), 3).scorer();
  }

  /**
   * Uni-100 candidates come from the protocol layer (EvalTasks.sampled, the task RunExecutor builds for every
   * model); scoring only those candidates gives the full scores at them, and the sampled evaluation equals the
   * one the Scorer's default (score all, then gather) gives, user by user.
   */
  @Test
  void candidateScoresOfTheSharedUni100TaskAgreeWithFullScores() {
    Split split = RecommenderContract.smallSplit();
    EvalTask task = EvalTasks.sampled(split, EvalTasks.Phase.TEST, 100, EvalNegativeSampler.Strategy.UNIFORM, 42);
    SequenceScorer s = scorer(split);
    int n = s.nItems();
    int u = 40;
    UserBatch batch = new UserBatch(Arrays.copyOf(task.users(), u), Arrays.copyOf(task.histories(), u));
    int[][] cands = Arrays.copyOf(task.candidates(), u);
    float[][] out = new float[u][101];
    s.scoreCandidates(batch, cands, out);
    float[] all = new float[u * n];
    s.scoreAll(batch, all);
    for (int b = 0; b < u; b++) {
      assertEquals(101, cands[b].length, "uni-100: the target and 100 negatives");
      assertEquals(task.targets()[b][0], cands[b][0]);
      for (int k = 0; k < 101; k++) {
        assertEquals(all[b * n + cands[b][k]], out[b][k], 1e-5f * Math.max(1f, Math.abs(out[b][k])));
      }
    }
    Scorer fullOnly = new Scorer() {
      @Override
      public int nItems() {
        return n;
      }

      @Override
      public void scoreAll(UserBatch ub, float[] o) {
        s.scoreAll(ub, o);
      }
    };
    var metrics = MetricSet.standard(new int[] {10});
    var viaCandidates = new Evaluator(task, metrics, TiePolicy.PESSIMISTIC, 0, 64).evaluate(s);
    var viaFull = new Evaluator(task, metrics, TiePolicy.PESSIMISTIC, 0, 64).evaluate(fullOnly);
    for (String m : viaCandidates.metrics()) {
      assertArrayEquals(viaFull.perUser(m), viaCandidates.perUser(m), m);
    }
  }

  @Test
  void anEmptyHistoryIsAClearError() {
    SequenceScorer s = scorer(RecommenderContract.smallSplit());
    var e = assertThrows(IllegalArgumentException.class,
        () -> s.represent(new UserBatch(new int[] {7}, new int[][] {{}})));
    assertEquals("user 7 has an empty history: a sequential model scores a user from at least one item", e.getMessage());
  }
}
