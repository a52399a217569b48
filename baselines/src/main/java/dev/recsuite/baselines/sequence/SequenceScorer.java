package dev.recsuite.baselines.sequence;

import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.backend.Backend;
import dev.recsuite.engine.tensor.Tensor;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.UserBatch;
import java.util.Arrays;

/**
 * Scoring for models that encode a user's item history into one vector h_u (RecBole
 * {@code full_sort_predict} for SASRec and GRU4Rec, specs/baselines.md §3.8): s(u, i) = h_u · E[i + 1] for
 * the nItems real items. The pad row E[0] is not scored (RecBole sets it to -inf); nothing else is masked here:
 * which history items leave the ranking is the evaluator's {@code MaskPolicy}. The history is what the
 * {@link UserBatch} carries (training items at validation, training + validation items at test), cut to its
 * last maxLen items.
 */
public final class SequenceScorer implements Scorer {
  private final SequenceEncoder encoder; // run on an inference tape: dropout off
  private final Tensor items; // [nItems, d] rows 1.. of the item table
  private final int maxLen;
  private final Backend backend;

  /**
   * @param encoder must only read parameters that no later training step changes (copies)
   * @param itemTable [nItems + 1, d] item table with the pad row first; copied
   */
  public SequenceScorer(SequenceEncoder encoder, Tensor itemTable, int maxLen, Backend backend) {
    int d = itemTable.cols();
    int n = itemTable.rows() - 1;
    this.encoder = encoder;
    this.items = Tensor.of(Arrays.copyOfRange(itemTable.data(), d, (n + 1) * d), n, d);
    this.maxLen = maxLen;
    this.backend = backend;
  }

  @Override
  public int nItems() {
    return items.rows();
  }

  /** [B, d] user vectors, in batch order; histories are bucketed by length and each bucket encoded once. */
  public Tensor represent(UserBatch batch) {
    int b = batch.size();
    int d = items.cols();
    int[][] hist = batch.histories();
    int[] ends = new int[b];
    int[] lens = new int[b];
    for (int k = 0; k < b; k++) {
      if (hist[k].length == 0) {
        throw new IllegalArgumentException("user " + batch.users()[k] + " has an empty history: a sequential model "
            + "scores a user from at least one item");
      }
      ends[k] = hist[k].length;
      lens[k] = Math.min(ends[k], maxLen);
    }
    Tensor rep = Tensor.zeros(b, d);
    Tape t = Tape.inference(backend);
    for (int[] rows : LengthBuckets.split(lens)) {
      float[] h = encoder.encode(t, PaddedSequences.window(hist, ends, maxLen, rows)).value().data(); // [n, d]
      for (int k = 0; k < rows.length; k++) {
        System.arraycopy(h, k * d, rep.data(), rows[k] * d, d);
      }
      t.reset();
    }
    return rep;
  }

  @Override
  public void scoreAll(UserBatch batch, float[] out) {
    int b = batch.size();
    int n = items.rows();
    Tensor rep = represent(batch);
    boolean exact = out.length == b * n;
    Tensor s = exact ? Tensor.of(out, b, n) : Tensor.zeros(b, n); // [B, nItems]
    backend.matmul(rep, false, items, true, s, b, n, items.cols(), 1f, 0f);
    if (!exact) {
      System.arraycopy(s.data(), 0, out, 0, b * n);
    }
  }

  /** Only the candidates' dot products: 101 per user instead of nItems under uni-100. */
  @Override
  public void scoreCandidates(UserBatch batch, int[][] candidates, float[][] out) {
    int d = items.cols();
    float[] rep = represent(batch).data();
    float[] e = items.data();
    for (int b = 0; b < batch.size(); b++) {
      for (int k = 0; k < candidates[b].length; k++) {
        int at = candidates[b][k] * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += rep[b * d + j] * e[at + j];
        }
        out[b][k] = (float) s;
      }
    }
  }
}
