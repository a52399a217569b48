package dev.recsuite.suite.experiment;

import dev.recsuite.protocols.eval.MaskPolicy;
import dev.recsuite.protocols.eval.TiePolicy;
import dev.recsuite.protocols.sampling.EvalNegativeSampler;

/**
 * How runs are evaluated: the {@code evaluation} section of an experiment file.
 *
 * @param mode {@code full} (rank all items) or {@code sampled} (targets plus {@code negatives} sampled items)
 * @param negatives sampled negatives per user (sampled mode)
 * @param sampling {@code uniform} or {@code popularity}-proportional negatives (sampled mode)
 * @param candidateSeed seed of the sampled candidates, shared by every model and seed of a matrix
 * @param mask which known items are removed in full mode: {@code train} (MMRec), {@code train_and_valid},
 *     {@code none}
 * @param ks the K list (default 5, 10, 20, 50)
 * @param ties tie policy: {@code pessimistic} (default), {@code optimistic}, {@code random}
 * @param batchSize users scored per batch (does not change results)
 */
public record EvalSettings(String mode, int negatives, EvalNegativeSampler.Strategy sampling, long candidateSeed,
    MaskPolicy mask, int[] ks, TiePolicy ties, int batchSize) {

  public EvalSettings {
    if (!mode.equals("full") && !mode.equals("sampled")) {
      throw new IllegalArgumentException("evaluation mode must be 'full' or 'sampled', got '" + mode + "'");
    }
    if (negatives < 1) {
      throw new IllegalArgumentException("evaluation negatives must be >= 1, got " + negatives);
    }
    if (ks.length == 0) {
      throw new IllegalArgumentException("evaluation ks must list at least one K");
    }
    for (int k : ks) {
      if (k < 1) {
        throw new IllegalArgumentException("evaluation ks must be >= 1, got " + k);
      }
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("evaluation batch_size must be >= 1, got " + batchSize);
    }
    ks = ks.clone();
  }

  public static EvalSettings defaults() {
    return new EvalSettings("full", 100, EvalNegativeSampler.Strategy.UNIFORM, 2024, MaskPolicy.TRAIN,
        new int[] {5, 10, 20, 50}, TiePolicy.PESSIMISTIC, 1024);
  }

  @Override
  public int[] ks() {
    return ks.clone();
  }
}
