package dev.recsuite.protocols.sampling;

import dev.recsuite.protocols.api.TrainView;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MMRec's training negatives ({@code TrainDataLoader._sample_neg_ids}, specs/baselines.md §2.4): uniform
 * over the items that occur in the training split, redrawn while the item is one of the user's training
 * items. Fresh negatives are drawn for every row of every batch.
 */
public final class UniformNegativeSampler {
  private final int[] candidates; // sorted training items
  private final int[][] positives; // [nUsers] sorted distinct training items

  public UniformNegativeSampler(TrainView view) {
    this.candidates = view.trainItems();
    this.positives = new int[view.nUsers()][];
    for (int u = 0; u < positives.length; u++) {
      positives[u] = view.sortedDistinctItems(u);
    }
  }

  public int sample(int user, SplittableRandom rng) {
    int[] pos = positives[user];
    if (pos.length >= candidates.length) {
      throw new IllegalStateException("user " + user + " has interacted with every training item; no negative exists");
    }
    while (true) {
      int item = candidates[rng.nextInt(candidates.length)];
      if (Arrays.binarySearch(pos, item) < 0) {
        return item;
      }
    }
  }

  /** One negative per row: out[k] for users[k]. */
  public void sample(int[] users, int from, int to, SplittableRandom rng, int[] out) {
    for (int k = from; k < to; k++) {
      out[k - from] = sample(users[k], rng);
    }
  }

  public boolean isPositive(int user, int item) {
    return Arrays.binarySearch(positives[user], item) >= 0;
  }
}
