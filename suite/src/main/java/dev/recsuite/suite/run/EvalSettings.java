package dev.recsuite.suite.run;

import dev.recsuite.protocols.eval.MaskPolicy;
import dev.recsuite.protocols.eval.TiePolicy;
import dev.recsuite.protocols.sampling.EvalNegativeSampler;

/**
 * How runs are evaluated.
 *
 * @param mode "full" (rank all items) or "sampled" (targets plus {@code negatives} sampled items)
 * @param negatives sampled negatives per user (sampled mode)
 * @param sampling uniform or popularity-proportional negatives (sampled mode)
 * @param candidateSeed seed of the sampled candidates, shared by every model
 * @param mask which known items are removed in full mode
 * @param ks the K list (default 5, 10, 20, 50)
 * @param ties tie policy (default pessimistic)
 * @param batchSize users scored per batch
 */
public record EvalSettings(String mode, int negatives, EvalNegativeSampler.Strategy sampling, long candidateSeed,
    MaskPolicy mask, int[] ks, TiePolicy ties, int batchSize) {

  public EvalSettings {
    if (!mode.equals("full") && !mode.equals("sampled")) {
      throw new IllegalArgumentException("evaluation mode must be 'full' or 'sampled', got '" + mode + "'");
    }
  }

  public static EvalSettings defaults() {
    return new EvalSettings("full", 100, EvalNegativeSampler.Strategy.UNIFORM, 2024, MaskPolicy.TRAIN,
        new int[] {5, 10, 20, 50}, TiePolicy.PESSIMISTIC, 1024);
  }
}
