package dev.recsuite.baselines.mostpop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.api.UserBatch;
import dev.recsuite.protocols.testing.RecommenderContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MostPopTest extends RecommenderContract {
  @Override
  protected Recommender create(TrainView view, long seed) {
    return new MostPop(view);
  }

  @Test
  void scoresAreTrainingCountsForEveryUser() {
    TrainView v = TrainView.ofPairs(2, 3, new int[] {0, 0, 1}, new int[] {2, 0, 2}, Map.of());
    MostPop m = new MostPop(v);
    assertFalse(m.iterative());
    float[] out = new float[6];
    m.scorer().scoreAll(new UserBatch(new int[] {0, 1}, new int[2][0]), out);
    assertArrayEquals(new float[] {1, 0, 2, 1, 0, 2}, out);
  }
}
