package dev.recsuite.baselines.freedom;

import dev.recsuite.engine.tensor.Csr;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * FREEDOM's degree-sensitive edge pruning (specs/baselines.md §3.5; upstream {@code pre_epoch_processing},
 * {@code _normalize_adj_m}, {@code get_edge_info}), resampled once per epoch.
 *
 * <ol>
 *   <li>Every training row (u, i) is an edge, duplicates kept (MMRec's coo interaction matrix), with weight
 *       w = (d_u + 1e-7)^-1/2 (d_i + 1e-7)^-1/2, d the row counts of the user and the item.</li>
 *   <li>Keep m = int(E (1 - dropout)) edges, drawn without replacement with probability proportional to w
 *       ({@code torch.multinomial(w, m)}). Drawn here by Efraimidis–Spirakis keys: edge e gets -ln(U_e) / w_e with
 *       U_e uniform on (0, 1], and the m smallest keys are kept, which gives the same distribution as m successive
 *       draws proportional to the remaining weights.</li>
 *   <li>Re-normalise on the kept edges: (d'_u + 1e-7)^-1/2 (d'_i + 1e-7)^-1/2 with d' the kept degrees, and
 *       mirror each kept edge into the [users; items] square matrix. A pair kept twice (a duplicated training
 *       row) adds up, as the uncoalesced sparse tensor does in {@code torch.sparse.mm}.</li>
 * </ol>
 * UPSTREAM QUIRK kept: m is {@code int(E * (1. - dropout))} in double precision, so E = 10 with dropout 0.8 keeps
 * 1 edge, not 2 (1 - 0.8 = 0.19999999999999996).
 */
final class DegreeSensitivePruning {
  private static final double DEGREE_EPS = 1e-7;
  private final int nUsers;
  private final int nItems;
  private final int[] users; // [E] edge sources, training rows in order
  private final int[] items; // [E] edge targets (item ids, not offset)
  private final double[] weights; // [E] sampling weights w_e

  DegreeSensitivePruning(int nUsers, int nItems, int[] users, int[] items) {
    this.nUsers = nUsers;
    this.nItems = nItems;
    this.users = users.clone();
    this.items = items.clone();
    this.weights = normalizedValues(nUsers, nItems, this.users, this.items, allEdges(users.length));
  }

  /** int(E (1 - dropout)), evaluated as Python evaluates it. */
  static int keptCount(int edges, double dropout) {
    return (int) (edges * (1. - dropout));
  }

  int edges() {
    return users.length;
  }

  double weight(int edge) {
    return weights[edge];
  }

  /** The indices of m distinct edges drawn without replacement with probability proportional to the weights. */
  int[] sampleEdges(int m, SplittableRandom rng) {
    int e = users.length;
    if (m < 0 || m > e) {
      throw new IllegalArgumentException("cannot keep " + m + " of " + e + " edges");
    }
    double[] keys = new double[e];
    for (int k = 0; k < e; k++) {
      double u = 1.0 - rng.nextDouble(); // (0, 1]
      keys[k] = -Math.log(u) / weights[k];
    }
    if (m == 0) {
      return new int[0];
    }
    double[] sorted = keys.clone();
    Arrays.sort(sorted);
    double cut = sorted[m - 1];
    int[] kept = new int[m];
    int n = 0;
    for (int k = 0; k < e && n < m; k++) { // strictly below the cut first, then ties at the cut by edge order
      if (keys[k] < cut) {
        kept[n++] = k;
      }
    }
    for (int k = 0; k < e && n < m; k++) {
      if (keys[k] == cut) {
        kept[n++] = k;
      }
    }
    return kept;
  }

  /** The re-normalised, mirrored training adjacency of the kept edges, [nUsers + nItems]^2. */
  Csr adjacency(int[] kept) {
    double[] values = normalizedValues(nUsers, nItems, users, items, kept);
    int m = kept.length;
    int[] r = new int[2 * m];
    int[] c = new int[2 * m];
    float[] v = new float[2 * m];
    for (int k = 0; k < m; k++) {
      int u = users[kept[k]];
      int i = nUsers + items[kept[k]];
      float w = (float) values[k];
      r[2 * k] = u;
      c[2 * k] = i;
      v[2 * k] = w;
      r[2 * k + 1] = i;
      c[2 * k + 1] = u;
      v[2 * k + 1] = w;
    }
    int n = nUsers + nItems;
    return Csr.symmetric(Csr.fromCoo(n, n, r, c, v));
  }

  /** One epoch's pruned adjacency. */
  Csr sample(double dropout, SplittableRandom rng) {
    return adjacency(sampleEdges(keptCount(users.length, dropout), rng));
  }

  /** (d_u + 1e-7)^-1/2 (d_i + 1e-7)^-1/2 for the listed edges, degrees counted over those edges only. */
  private static double[] normalizedValues(int nUsers, int nItems, int[] users, int[] items, int[] edges) {
    double[] du = new double[nUsers];
    double[] di = new double[nItems];
    for (int e : edges) {
      du[users[e]]++;
      di[items[e]]++;
    }
    double[] out = new double[edges.length];
    for (int k = 0; k < edges.length; k++) {
      out[k] = Math.pow(du[users[edges[k]]] + DEGREE_EPS, -0.5) * Math.pow(di[items[edges[k]]] + DEGREE_EPS, -0.5);
    }
    return out;
  }

  private static int[] allEdges(int e) {
    int[] all = new int[e];
    for (int k = 0; k < e; k++) {
      all[k] = k;
    }
    return all;
  }
}
