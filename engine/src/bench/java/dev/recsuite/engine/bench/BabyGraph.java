package dev.recsuite.engine.bench;

import dev.recsuite.engine.rng.Rng;
import dev.recsuite.engine.tensor.Csr;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A random bipartite graph the size of Amazon Baby's training split (specs/baselines.md §2.2): 19,445 users,
 * 7,050 items, 118,551 distinct (user, item) edges, every user with at least one edge. The LightGCN adjacency is
 * the mirrored [nU + nI]^2 matrix normalised as D^-1/2 A D^-1/2 with D_jj = deg_j + 1e-7 (§3.2): ~237k nonzeros.
 */
final class BabyGraph {
  static final int USERS = 19_445;
  static final int ITEMS = 7_050;
  static final int EDGES = 118_551;
  static final int BATCH = 2048;

  final int[] edgeUser = new int[EDGES];
  final int[] edgeItem = new int[EDGES];
  final Csr adj;

  BabyGraph(long seed) {
    SplittableRandom r = Rng.stream(seed, "bench-graph");
    Set<Long> seen = new HashSet<>();
    int e = 0;
    for (int u = 0; u < USERS; u++) { // every user gets one edge first
      int i = r.nextInt(ITEMS);
      seen.add((long) u * ITEMS + i);
      edgeUser[e] = u;
      edgeItem[e++] = i;
    }
    while (e < EDGES) {
      int u = r.nextInt(USERS);
      int i = (int) Math.min(ITEMS - 1, Math.abs(r.nextGaussian()) * ITEMS / 3); // skewed item popularity
      if (seen.add((long) u * ITEMS + i)) {
        edgeUser[e] = u;
        edgeItem[e++] = i;
      }
    }
    int n = USERS + ITEMS;
    double[] deg = new double[n];
    for (int k = 0; k < EDGES; k++) {
      deg[edgeUser[k]]++;
      deg[USERS + edgeItem[k]]++;
    }
    int[] ri = new int[2 * EDGES];
    int[] ci = new int[2 * EDGES];
    float[] v = new float[2 * EDGES];
    for (int k = 0; k < EDGES; k++) {
      int u = edgeUser[k];
      int i = USERS + edgeItem[k];
      float w = (float) (1.0 / Math.sqrt((deg[u] + 1e-7) * (deg[i] + 1e-7)));
      ri[2 * k] = u;
      ci[2 * k] = i;
      v[2 * k] = w;
      ri[2 * k + 1] = i;
      ci[2 * k + 1] = u;
      v[2 * k + 1] = w;
    }
    adj = Csr.symmetric(Csr.fromCoo(n, n, ri, ci, v));
  }

  /** One BPR batch: users and positives from random training edges, uniform negatives (rows into [users; items]). */
  int[][] batch(long seed, int step) {
    SplittableRandom r = Rng.stream(seed, "bench-batch", step);
    int[] u = new int[BATCH];
    int[] p = new int[BATCH];
    int[] n = new int[BATCH];
    for (int b = 0; b < BATCH; b++) {
      int e = r.nextInt(EDGES);
      u[b] = edgeUser[e];
      p[b] = edgeItem[e];
      n[b] = r.nextInt(ITEMS);
    }
    return new int[][] {u, p, n};
  }
}
