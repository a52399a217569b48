package dev.recsuite.baselines.scoring;

import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.tensor.Tensor;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.UserBatch;

/**
 * Scores s(u, i) = users[u] . items[i] from two embedding matrices the caller hands over (a snapshot: they are not
 * copied here and must not change afterwards). One GEMM per batch for full ranking; candidate lists take one dot
 * product each.
 */
public final class DotProductScorer implements Scorer {
  private final Tensor users; // [nUsers, d]
  private final Tensor items; // [nItems, d]
  private final CpuBackend backend;

  public DotProductScorer(Tensor users, Tensor items, CpuBackend backend) {
    if (users.rank() != 2 || items.rank() != 2 || users.cols() != items.cols()) {
      throw new IllegalArgumentException("user and item embeddings must be [n, d] with the same d, got "
          + java.util.Arrays.toString(users.shape()) + " and " + java.util.Arrays.toString(items.shape()));
    }
    this.users = users;
    this.items = items;
    this.backend = backend;
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
