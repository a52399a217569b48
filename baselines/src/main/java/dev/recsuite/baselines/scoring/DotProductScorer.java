package dev.recsuite.baselines.scoring;

import dev.recsuite.engine.backend.Backend;
import dev.recsuite.engine.tensor.Tensor;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.UserBatch;

/**
 * Scores s(u, i) = users_u . items_i from two frozen embedding tables: the full-ranking scorer of every model
 * whose {@code full_sort_predict} is a dot product of final user and item embeddings (BPR, LightGCN, VBPR,
 * MMGCN). One row gather and one GEMM per batch; the tables are copied, so later training does not change it.
 */
public final class DotProductScorer implements Scorer {
  private final Backend backend;
  private final Tensor users; // [nUsers, d]
  private final Tensor items; // [nItems, d]

  /** Copies both tables; {@code users} [nUsers, d] and {@code items} [nItems, d] must share d. */
  public DotProductScorer(Backend backend, Tensor users, Tensor items) {
    if (users.rank() != 2 || items.rank() != 2 || users.cols() != items.cols()) {
      throw new IllegalArgumentException("user table " + users + " and item table " + items + ": expected [n, d] each, same d");
    }
    this.backend = backend;
    this.users = users.copy();
    this.items = items.copy();
  }

  @Override
  public int nItems() {
    return items.rows();
  }

  @Override
  public void scoreAll(UserBatch batch, float[] out) {
    int b = batch.size();
    int n = items.rows();
    int d = items.cols();
    Tensor q = Tensor.zeros(b, d); // [B, d]
    backend.gatherRows(users, batch.users(), q);
    boolean exact = out.length == b * n;
    Tensor s = exact ? Tensor.of(out, b, n) : Tensor.zeros(b, n); // [B, nItems]
    backend.matmul(q, false, items, true, s, b, n, d, 1f, 0f);
    if (!exact) {
      System.arraycopy(s.data(), 0, out, 0, b * n);
    }
  }

  /** Sampled candidates: one dot product per (user, candidate), no GEMM over the whole catalogue. */
  @Override
  public void scoreCandidates(UserBatch batch, int[][] candidates, float[][] out) {
    int d = items.cols();
    float[] u = users.data();
    float[] it = items.data();
    for (int b = 0; b < batch.size(); b++) {
      int uo = batch.users()[b] * d;
      for (int k = 0; k < candidates[b].length; k++) {
        int io = candidates[b][k] * d;
        float s = 0f;
        for (int j = 0; j < d; j++) {
          s += u[uo + j] * it[io + j];
        }
        out[b][k] = s;
      }
    }
  }
}
