package dev.recsuite.protocols.testing;

import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.api.UserBatch;
import dev.recsuite.protocols.eval.EvalTasks;
import dev.recsuite.protocols.eval.Evaluator;
import dev.recsuite.protocols.eval.MaskPolicy;
import dev.recsuite.protocols.eval.TiePolicy;
import dev.recsuite.protocols.lock.DatasetRepository;
import dev.recsuite.protocols.metrics.MetricSet;
import dev.recsuite.protocols.split.LeaveOneOutSplit;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.protocols.train.Trainer;
import java.util.function.BiFunction;

/**
 * Small-data learning tests: train a model with early stopping on the synthetic default data (leave-one-out)
 * and compare its test Recall@20 with popularity's, which is what a model must beat on data with planted
 * structure.
 */
public final class LearningCheck {
  private LearningCheck() {}

  /** The default synthetic dataset under leave-one-out. */
  public static Split defaultSplit() {
    return LeaveOneOutSplit.defaults().apply(DatasetRepository.open(TestData.home()).load("synthetic-mm"));
  }

  /** Test Recall@20 of a model trained with early stopping on valid Recall@20. */
  public static double testRecallAt20(Split split, BiFunction<TrainView, Long, Recommender> model, int maxEpochs, int patience) {
    var metrics = MetricSet.standard(new int[] {20});
    Evaluator valid = new Evaluator(EvalTasks.full(split, EvalTasks.Phase.VALID, MaskPolicy.TRAIN), metrics, TiePolicy.PESSIMISTIC, 0, 1024);
    Evaluator test = new Evaluator(EvalTasks.full(split, EvalTasks.Phase.TEST, MaskPolicy.TRAIN), metrics, TiePolicy.PESSIMISTIC, 0, 1024);
    Recommender m = model.apply(TrainView.of(split), 2024L);
    var r = new Trainer(new Trainer.Config(maxEpochs, patience, "Recall@20", 4, true)).fit(m, valid, null);
    return test.evaluate(r.bestScorer()).mean("Recall@20");
  }

  /** Test Recall@20 of ranking by training popularity (MostPop, written out here so protocols needs no model). */
  public static double popularityRecallAt20(Split split) {
    TrainView v = TrainView.of(split);
    int[] pop = v.itemPopularity();
    Scorer s = new Scorer() {
      @Override
      public int nItems() {
        return pop.length;
      }

      @Override
      public void scoreAll(UserBatch batch, float[] out) {
        for (int b = 0; b < batch.size(); b++) {
          for (int i = 0; i < pop.length; i++) {
            out[b * pop.length + i] = pop[i];
          }
        }
      }
    };
    var metrics = MetricSet.standard(new int[] {20});
    return new Evaluator(EvalTasks.full(split, EvalTasks.Phase.TEST, MaskPolicy.TRAIN), metrics, TiePolicy.PESSIMISTIC, 0, 1024)
        .evaluate(s).mean("Recall@20");
  }
}
