package dev.recsuite.baselines.sasrec;

import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.testing.RecommenderContract;

class SASRecTest extends RecommenderContract {
  static SASRec.Config small(SASRec.LossType loss) {
    return new SASRec.Config(16, 2, 2, 32, 0.2, 0.2, 1e-12, 0.02, 20, loss, 1e-3, 256, 0.0);
  }

  @Override
  protected Recommender create(TrainView view, long seed) {
    return new SASRec(small(SASRec.LossType.CE), view, seed);
  }
}
