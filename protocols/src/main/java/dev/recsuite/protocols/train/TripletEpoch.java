package dev.recsuite.protocols.train;

import dev.recsuite.engine.rng.Rng;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.sampling.UniformNegativeSampler;
import java.util.SplittableRandom;

/**
 * One MMRec training epoch of (user, positive, negative) triplets (specs/baselines.md §2.3, §2.4): the training
 * rows are shuffled with {@code Rng.stream(seed, "shuffle", epoch)}, cut into consecutive batches (the last may
 * be shorter; nothing is dropped), and each row gets one fresh uniform negative from the training items, drawn
 * in row order from {@code Rng.stream(seed, "negatives", epoch)}. The model's step takes one optimiser step per
 * batch and returns the batch loss; the epoch returns their mean.
 */
public final class TripletEpoch {
  /** One optimiser step on a batch; arrays are [B] and only valid during the call. */
  @FunctionalInterface
  public interface Step {
    double run(int[] users, int[] pos, int[] neg);
  }

  private final TrainView view;
  private final UniformNegativeSampler negatives;
  private final int batchSize;
  private final long seed;

  public TripletEpoch(TrainView view, int batchSize, long seed) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("train_batch_size = " + batchSize + ": must be >= 1");
    }
    this.view = view;
    this.negatives = new UniformNegativeSampler(view);
    this.batchSize = batchSize;
    this.seed = seed;
  }

  /** Runs epoch {@code epoch} (0-based) and returns the mean batch loss. */
  public double run(int epoch, Step step) {
    int n = view.nInteractions();
    int[] order = shuffledRows(n, Rng.stream(seed, "shuffle", epoch));
    SplittableRandom negRng = Rng.stream(seed, "negatives", epoch);
    double lossSum = 0;
    int batches = 0;
    for (int from = 0; from < n; from += batchSize) {
      int b = Math.min(batchSize, n - from);
      int[] u = new int[b];
      int[] p = new int[b];
      int[] ng = new int[b];
      for (int k = 0; k < b; k++) {
        int row = order[from + k];
        u[k] = view.users()[row];
        p[k] = view.items()[row];
        ng[k] = negatives.sample(u[k], negRng);
      }
      lossSum += step.run(u, p, ng);
      batches++;
    }
    return batches == 0 ? 0 : lossSum / batches;
  }

  /** A Fisher–Yates permutation of 0..n-1. */
  static int[] shuffledRows(int n, SplittableRandom rng) {
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    for (int k = n - 1; k > 0; k--) {
      int j = rng.nextInt(k + 1);
      int t = order[k];
      order[k] = order[j];
      order[j] = t;
    }
    return order;
  }
}
