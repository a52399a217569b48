package dev.recsuite.baselines.scoring;

import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.UserBatch;

/**
 * σ(s) of another scorer's scores, in float32 the way PyTorch's CPU kernel computes it: 1 / (1 + exp(-s)) with
 * float rounding after each step (SLMRec's {@code full_sort_predict}, specs/baselines.md §4.2). σ is monotone, so
 * it changes a ranking only where float32 rounds different scores to the same value, which makes them tie as they
 * do upstream: 1 + exp(-s) moves in steps of 2^-23, so scores closer than about 1e-3 merge near s = 10 (numpy
 * float32: 0.0009), about 0.03 near s = 15, and every s above about 16.6 gives exactly 1.
 */
public final class SigmoidScorer implements Scorer {
  private final Scorer scores;

  public SigmoidScorer(Scorer scores) {
    this.scores = scores;
  }

  @Override
  public int nItems() {
    return scores.nItems();
  }

  @Override
  public void scoreAll(UserBatch batch, float[] out) {
    scores.scoreAll(batch, out);
    int n = batch.size() * nItems();
    for (int k = 0; k < n; k++) {
      out[k] = sigmoid(out[k]);
    }
  }

  @Override
  public void scoreCandidates(UserBatch batch, int[][] candidates, float[][] out) {
    scores.scoreCandidates(batch, candidates, out);
    for (int b = 0; b < batch.size(); b++) {
      for (int k = 0; k < candidates[b].length; k++) {
        out[b][k] = sigmoid(out[b][k]);
      }
    }
  }

  static float sigmoid(float s) {
    return 1f / (1f + (float) Math.exp(-s));
  }
}
