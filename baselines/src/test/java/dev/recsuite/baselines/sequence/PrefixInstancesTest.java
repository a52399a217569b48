package dev.recsuite.baselines.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.recsuite.engine.rng.Rng;
import dev.recsuite.protocols.api.TrainView;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrefixInstancesTest {
  /** RecBole's augmentation: a user with n training items gives n - 1 prefixes; a one-item user gives none. */
  @Test
  void everyPrefixPredictsTheNextTrainingItem() {
    TrainView v = TrainView.ofPairs(3, 6, new int[] {0, 0, 0, 1, 2, 2}, new int[] {5, 1, 3, 4, 0, 2}, Map.of());
    PrefixInstances p = new PrefixInstances(v);
    assertEquals(3, p.size());
    PrefixInstances.Batch b = p.batch(new int[] {0, 1, 2});
    assertArrayEquals(new int[] {1, 2, 1}, b.ends());
    assertArrayEquals(new int[] {1, 3, 2}, b.targets());
    assertArrayEquals(new int[] {5, 1, 3}, b.items()[1]);
    assertArrayEquals(new int[] {0, 2}, b.items()[2]);
  }

  @Test
  void shuffledIsAPermutationFixedBySeed() {
    TrainView v = TrainView.ofPairs(1, 40, new int[40], java.util.stream.IntStream.range(0, 40).toArray(), Map.of());
    PrefixInstances p = new PrefixInstances(v);
    int[] a = p.shuffled(Rng.stream(1, "shuffle", 0));
    assertArrayEquals(a, p.shuffled(Rng.stream(1, "shuffle", 0)));
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    assertArrayEquals(java.util.stream.IntStream.range(0, 39).toArray(), sorted);
  }
}
