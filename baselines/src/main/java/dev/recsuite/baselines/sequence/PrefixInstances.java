package dev.recsuite.baselines.sequence;

import dev.recsuite.protocols.api.TrainView;
import java.util.SplittableRandom;

/**
 * RecBole's data augmentation ({@code SequentialDataset.data_augmentation}, specs/baselines.md §3.7): for every
 * user with training items i_1..i_n, each t = 2..n gives one instance, the prefix i_1..i_{t-1} (its last
 * maxLen items, cut when batched) predicting i_t. Only the train split's sequences are used; the validation
 * and test items are never targets here.
 */
public final class PrefixInstances {
  private final int[][] sequences; // [nUsers][..] training items, chronological (shared with the view)
  private final int[] users; // [N] instance -> user
  private final int[] ends; // [N] instance -> exclusive end of its prefix = index of its target

  public PrefixInstances(TrainView view) {
    int n = 0;
    sequences = new int[view.nUsers()][];
    for (int u = 0; u < view.nUsers(); u++) {
      sequences[u] = view.userItems(u);
      n += Math.max(0, sequences[u].length - 1);
    }
    users = new int[n];
    ends = new int[n];
    int k = 0;
    for (int u = 0; u < sequences.length; u++) {
      for (int t = 1; t < sequences[u].length; t++) {
        users[k] = u;
        ends[k++] = t;
      }
    }
  }

  public int size() {
    return users.length;
  }

  /** A uniformly shuffled order of the instances (Fisher-Yates on the given stream). */
  public int[] shuffled(SplittableRandom rng) {
    int[] order = new int[users.length];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    for (int k = order.length - 1; k > 0; k--) {
      int j = rng.nextInt(k + 1);
      int t = order[k];
      order[k] = order[j];
      order[j] = t;
    }
    return order;
  }

  /**
   * A batch of instances as windows for {@link PaddedSequences}: {@code items[b]} is the instance's user
   * sequence and {@code ends[b]} its prefix end; {@code targets[b]} the item to predict.
   */
  public Batch batch(int[] instances) {
    int b = instances.length;
    int[][] items = new int[b][];
    int[] e = new int[b];
    int[] targets = new int[b];
    for (int k = 0; k < b; k++) {
      int i = instances[k];
      items[k] = sequences[users[i]];
      e[k] = ends[i];
      targets[k] = items[k][e[k]];
    }
    return new Batch(items, e, targets);
  }

  /** Windows of one batch: row b is {@code items[b][.. ends[b])}, predicting {@code targets[b]}. */
  public record Batch(int[][] items, int[] ends, int[] targets) {}
}
