package dev.recsuite.protocols.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.api.TrainView;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplersTest {
  /** Users 0 and 1 over items 0..4; item 4 never occurs in training, so it is never a training negative (MMRec). */
  @Test
  void trainingNegativesComeFromTrainItemsAndAvoidPositives() {
    TrainView v = TrainView.ofPairs(2, 5, new int[] {0, 0, 1}, new int[] {0, 1, 2}, Map.of());
    UniformNegativeSampler s = new UniformNegativeSampler(v);
    SplittableRandom rng = new SplittableRandom(1);
    int[] counts = new int[5];
    for (int k = 0; k < 3000; k++) {
      counts[s.sample(0, rng)]++;
    }
    assertEquals(0, counts[0] + counts[1] + counts[3] + counts[4]);
    assertEquals(3000, counts[2]);
    for (int k = 0; k < 3000; k++) {
      counts[s.sample(1, rng)]++;
    }
    assertTrue(counts[0] > 1300 && counts[1] > 1300 && counts[4] == 0, java.util.Arrays.toString(counts));
  }

  @Test
  void aUserWhoHasEverythingHasNoNegative() {
    TrainView v = TrainView.ofPairs(1, 2, new int[] {0, 0}, new int[] {0, 1}, Map.of());
    assertThrows(IllegalStateException.class, () -> new UniformNegativeSampler(v).sample(0, new SplittableRandom(1)));
  }

  /**
   * Popularity negatives: counts 1, 2, 3, 4 over items 0..3 with item 0 a positive. One negative per draw
   * from {1, 2, 3} should follow 2:3:4. Chi-square with 2 df over 9000 draws; the 0.999 quantile is 13.82.
   */
  @Test
  void popularityNegativesFollowTrainingPopularity() {
    EvalNegativeSampler s = new EvalNegativeSampler(4, EvalNegativeSampler.Strategy.POPULARITY, new int[] {1, 2, 3, 4});
    int[] counts = new int[4];
    int n = 9000;
    for (int u = 0; u < n; u++) {
      counts[s.draw(u, new int[] {0}, 1, 7)[0]]++;
    }
    assertEquals(0, counts[0]);
    double[] expected = {0, n * 2 / 9.0, n * 3 / 9.0, n * 4 / 9.0};
    double chi2 = 0;
    for (int i = 1; i < 4; i++) {
      chi2 += Math.pow(counts[i] - expected[i], 2) / expected[i];
    }
    assertTrue(chi2 < 13.82, "chi2 = " + chi2 + " counts " + java.util.Arrays.toString(counts));
  }

  @Test
  void negativesAreDistinctAndRefuseImpossibleRequests() {
    EvalNegativeSampler s = new EvalNegativeSampler(10, EvalNegativeSampler.Strategy.UNIFORM, new int[10]);
    int[] neg = s.draw(3, new int[] {0, 1}, 8, 1);
    assertEquals(8, java.util.Arrays.stream(neg).distinct().count());
    assertThrows(IllegalArgumentException.class, () -> s.draw(3, new int[] {0, 1}, 9, 1));
    EvalNegativeSampler p = new EvalNegativeSampler(4, EvalNegativeSampler.Strategy.POPULARITY, new int[] {0, 5, 5, 0});
    assertThrows(IllegalArgumentException.class, () -> p.draw(0, new int[] {1}, 2, 1)); // only item 2 has weight
  }
}
