package dev.recsuite.baselines.graph;

import dev.recsuite.engine.tensor.Csr;
import dev.recsuite.protocols.api.TrainView;
import java.util.Arrays;

/**
 * User–item graphs built from the training split, shared by the graph models. Nodes of the bipartite graph
 * are users 0..nUsers-1 followed by items nUsers..nUsers+nItems-1.
 */
public final class InteractionGraph {
  private InteractionGraph() {}

  /**
   * Distinct training (user, item) pairs, sorted by user then item; duplicate rows collapse to one edge
   * (MMRec builds A with value 1 per pair, specs/baselines.md §3.2).
   *
   * @return {users[], items[]} of equal length
   */
  public static int[][] distinctPairs(TrainView v) {
    long[] keys = new long[v.nInteractions()];
    for (int r = 0; r < keys.length; r++) {
      keys[r] = ((long) v.users()[r] << 32) | v.items()[r];
    }
    Arrays.sort(keys);
    int n = 0;
    for (int k = 0; k < keys.length; k++) {
      if (k == 0 || keys[k] != keys[k - 1]) {
        keys[n++] = keys[k];
      }
    }
    int[] us = new int[n];
    int[] is = new int[n];
    for (int k = 0; k < n; k++) {
      us[k] = (int) (keys[k] >>> 32);
      is[k] = (int) keys[k];
    }
    return new int[][] {us, is};
  }

  /**
   * LightGCN's Â = D^{-1/2} A D^{-1/2} on the symmetric binary bipartite adjacency A ((nU+nI)², no self
   * loops), with D_jj = deg_j + {@code degreeEps} (specs/baselines.md §3.2: MMRec LightGCN and FREEDOM use
   * 1e-7; MGCN uses 0, where a node without edges simply has no entries).
   */
  public static Csr normalizedAdjacency(TrainView v, float degreeEps) {
    int[][] p = distinctPairs(v);
    return Csr.symmetric(bipartite(v, p[0], p[1],
        (deg, a, b) -> 1.0 / (Math.sqrt(deg[a] + degreeEps) * Math.sqrt(deg[b] + degreeEps))));
  }

  /**
   * MGCN's Â ({@code get_adj_mat}, specs/baselines.md §3.6): D^{-1/2} A D^{-1/2} where A_ui = A_iu is the number of
   * training rows (u, i) (MGCN converts the coo interaction matrix to lil, which sums repeated rows; binary when no
   * pair repeats), D the row sums of A, no epsilon: a node without edges has an empty row.
   */
  public static Csr countNormalizedAdjacency(TrainView v) {
    // a repeated row adds its weight again: count / sqrt(D_u D_i)
    return Csr.symmetric(bipartite(v, v.users(), v.items(), (deg, a, b) -> 1.0 / (Math.sqrt(deg[a]) * Math.sqrt(deg[b]))));
  }

  /**
   * The user→item block of a [users; items] adjacency: [nUsers, nItems] with R_ui = adj(u, nUsers + i) (MGCN's R,
   * specs/baselines.md §3.6).
   */
  public static Csr userItemBlock(Csr adj, int nUsers, int nItems) {
    if (adj.rows() != nUsers + nItems || adj.cols() != nUsers + nItems) {
      throw new IllegalArgumentException("adjacency " + adj + " is not [" + nUsers + " + " + nItems + "]^2");
    }
    int[] rp = adj.rowPtr();
    int nnz = 0;
    for (int p = 0; p < rp[nUsers]; p++) {
      nnz += adj.colIdx()[p] >= nUsers ? 1 : 0;
    }
    int[] r = new int[nnz];
    int[] c = new int[nnz];
    float[] val = new float[nnz];
    int k = 0;
    for (int u = 0; u < nUsers; u++) {
      for (int p = rp[u]; p < rp[u + 1]; p++) {
        if (adj.colIdx()[p] >= nUsers) {
          r[k] = u;
          c[k] = adj.colIdx()[p] - nUsers;
          val[k++] = adj.values()[p];
        }
      }
    }
    return Csr.fromCoo(nUsers, nItems, r, c, val);
  }

  /**
   * Mean aggregation over incoming neighbours (PyG {@code aggr='mean'}, as MMGCN uses it): row j holds
   * 1/indeg_j for each edge into j, with every training row an edge in both directions, so duplicate rows
   * count twice (specs/baselines.md §3.4). A node without neighbours has an empty row (aggregates to 0).
   */
  public static Csr meanAggregation(TrainView v) {
    return bipartite(v, v.users(), v.items(), (deg, a, b) -> 1.0 / deg[a]); // duplicates sum: a repeated pair weighs twice
  }

  /** The weight of the entry (a, b) of a [users; items] adjacency, given every node's degree. */
  private interface EdgeWeight {
    double of(double[] deg, int a, int b);
  }

  /**
   * Both entries (u, nU + i) and (nU + i, u) of every edge (users[k], items[k]), weighted by {@code w} over the
   * degrees of this edge list (a repeated edge counts again), as an unsorted-input COO summed into CSR.
   */
  private static Csr bipartite(TrainView v, int[] users, int[] items, EdgeWeight w) {
    int nU = v.nUsers();
    int n = nU + v.nItems();
    int e = users.length;
    double[] deg = new double[n];
    for (int k = 0; k < e; k++) {
      deg[users[k]]++;
      deg[nU + items[k]]++;
    }
    int[] r = new int[2 * e];
    int[] c = new int[2 * e];
    float[] val = new float[2 * e];
    for (int k = 0; k < e; k++) {
      int u = users[k];
      int i = nU + items[k];
      r[2 * k] = u;
      c[2 * k] = i;
      val[2 * k] = (float) w.of(deg, u, i);
      r[2 * k + 1] = i;
      c[2 * k + 1] = u;
      val[2 * k + 1] = (float) w.of(deg, i, u);
    }
    return Csr.fromCoo(n, n, r, c, val);
  }
}
