package dev.recsuite.protocols.api;

/**
 * A frozen scoring function, taken from a model at one moment ({@link Recommender#scorer()}): later
 * training does not change it, so the trainer can keep the scorer of the best validation epoch and test it
 * at the end instead of reloading a checkpoint. Higher scores rank first; masking is the evaluator's job.
 */
public interface Scorer {
  int nItems();

  /** Writes {@code out[b * nItems + i]} = score of item i for user b of the batch; out is [B * nItems]. */
  void scoreAll(UserBatch batch, float[] out);

  /**
   * Scores only the given candidates: {@code out[b][k]} for {@code candidates[b][k]}. The default scores all
   * items and gathers; models for which a candidate list is much cheaper override it.
   */
  default void scoreCandidates(UserBatch batch, int[][] candidates, float[][] out) {
    int n = nItems();
    float[] all = new float[batch.size() * n];
    scoreAll(batch, all);
    for (int b = 0; b < batch.size(); b++) {
      for (int k = 0; k < candidates[b].length; k++) {
        out[b][k] = all[b * n + candidates[b][k]];
      }
    }
  }
}
