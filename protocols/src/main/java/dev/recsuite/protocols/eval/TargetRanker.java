package dev.recsuite.protocols.eval;

import dev.recsuite.engine.ops.Simd;
import dev.recsuite.engine.rng.Rng;
import dev.recsuite.protocols.metrics.Ranking;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Finds the exact 1-based rank of each target in a user's ranked list without sorting or selecting:
 * for every non-target candidate it counts, per target, whether the candidate scores strictly higher or
 * equal (one pass, O(n log |T|)), then applies the {@link TiePolicy}. The ranks are exact for every K and
 * for full-list MRR, and the tie treatment is explicit rather than an artefact of a sort's stability.
 * Not thread-safe: it reuses buffers; use one per thread.
 */
final class TargetRanker {
  private final TiePolicy policy;
  private final long tieSeed;
  private boolean[] isTarget = new boolean[0];
  private boolean[] excluded = new boolean[0];
  private final int[] counts = new int[3]; // countOne: above, equal, NaN
  private int[] targetPos = new int[0];
  private float[] targetScore = new float[0];
  private int[] above = new int[0];
  private int[] tie = new int[0];

  TargetRanker(TiePolicy policy, long tieSeed) {
    this.policy = policy;
    this.tieSeed = tieSeed;
  }

  /**
   * Ranks the targets among all items of a full score row.
   *
   * @param scores [.., off + n) the user's scores, item i at {@code off + i}
   * @param targets target items, duplicates allowed (|T_u| counts them)
   * @param excludedItems sorted distinct items that are not ranked at all (masked history)
   */
  Ranking rankFull(int user, float[] scores, int off, int n, int[] targets, int[] excludedItems) {
    ensure(n);
    for (int i : excludedItems) {
      excluded[i] = true;
    }
    int[] distinct = Arrays.stream(targets).distinct().toArray();
    int t = 0;
    for (int item : distinct) {
      if (!excluded[item]) {
        isTarget[item] = true;
        targetPos[t++] = item;
      }
    }
    try {
      int listLength = n - excludedItems.length;
      return rank(user, t, targets.length, listLength, scores, off, n);
    } finally {
      for (int i : excludedItems) {
        excluded[i] = false;
      }
      for (int item : distinct) {
        isTarget[item] = false;
      }
    }
  }

  /**
   * Ranks the targets within a sampled candidate list.
   *
   * @param candidates distinct candidate items (targets and negatives)
   * @param scores [candidates.length] their scores
   */
  Ranking rankCandidates(int user, int[] candidates, float[] scores, int[] targets) {
    int m = candidates.length;
    ensure(m);
    int[] distinct = Arrays.stream(targets).distinct().sorted().toArray();
    int t = 0;
    for (int k = 0; k < m; k++) {
      if (Arrays.binarySearch(distinct, candidates[k]) >= 0) {
        isTarget[k] = true;
        targetPos[t++] = k;
      }
    }
    try {
      return rank(user, t, targets.length, m, scores, 0, m);
    } finally {
      Arrays.fill(isTarget, 0, m, false);
    }
  }

  /**
   * Core: targets are indices targetPos[0..t) into the index space [0, n), whose scores are
   * {@code s[off + idx]}; indices marked in excluded[] (full mode only; all clear otherwise) are skipped.
   */
  private Ranking rank(int user, int t, int relevant, int listLength, float[] s, int off, int n) {
    if (t == 0) {
      return new Ranking(relevant, new int[0], listLength, false);
    }
    // sort rankable targets by score, descending
    Integer[] order = new Integer[t];
    for (int j = 0; j < t; j++) {
      order[j] = targetPos[j];
      if (Float.isNaN(s[off + targetPos[j]])) {
        throw new IllegalStateException("scorer returned NaN for user " + user + " (target index " + targetPos[j] + ")");
      }
    }
    Arrays.sort(order, (a, b) -> {
      int c = Float.compare(s[off + b], s[off + a]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    for (int j = 0; j < t; j++) {
      targetScore[j] = s[off + order[j]];
    }
    Arrays.fill(above, 0, t + 1, 0);
    Arrays.fill(tie, 0, t + 1, 0);
    if (t == 1) { // the common leave-one-out case, without the per-candidate search
      countOne(user, s, off, n);
    } else {
      for (int idx = 0; idx < n; idx++) {
        if (excluded[idx] || isTarget[idx]) {
          continue;
        }
        float x = s[off + idx];
        if (Float.isNaN(x)) {
          throw new IllegalStateException("scorer returned NaN for user " + user + " (index " + idx + ")");
        }
        // targets [0, a) score > x, [a, b) == x, [b, t) < x
        int a = countGreater(x, t);
        int b = a;
        while (b < t && targetScore[b] == x) {
          b++;
        }
        above[b]++; // difference array: every target from b on has this candidate above it
        tie[a]++;
        tie[b]--;
      }
    }
    int[] ranks = new int[t];
    int runAbove = 0;
    int runTie = 0;
    boolean tied = false;
    int[] aboveAt = new int[t];
    int[] tieAt = new int[t];
    for (int j = 0; j < t; j++) {
      runAbove += above[j];
      runTie += tie[j];
      aboveAt[j] = runAbove;
      tieAt[j] = runTie;
      tied |= runTie > 0;
    }
    int j = 0;
    while (j < t) {
      int g = j;
      while (g < t && targetScore[g] == targetScore[j]) {
        g++;
      }
      // targets j..g-1 share one score; tieAt is the same for all of them
      int k = g - j;
      int e = tieAt[j];
      int base = aboveAt[j] + j; // candidates and targets strictly above the group
      int[] offsets = new int[k];
      switch (policy) {
        case PESSIMISTIC -> {
          for (int m = 0; m < k; m++) {
            offsets[m] = e + m;
          }
        }
        case OPTIMISTIC -> {
          for (int m = 0; m < k; m++) {
            offsets[m] = m;
          }
        }
        case RANDOM -> randomOffsets(Rng.stream(tieSeed, "ties", user, j), e + k, offsets);
      }
      for (int m = 0; m < k; m++) {
        ranks[j + m] = base + offsets[m] + 1;
      }
      j = g;
    }
    return new Ranking(relevant, ranks, listLength, tied);
  }

  /** One target: count the non-target candidates scoring above it and equal to it. */
  private void countOne(int user, float[] s, int off, int n) {
    Simd.countAboveEqual(s, off, n, excluded, isTarget, targetScore[0], counts);
    if (counts[2] > 0) {
      throw new IllegalStateException("scorer returned NaN for user " + user);
    }
    above[0] = counts[0];
    tie[0] = counts[1];
  }

  private int countGreater(float s, int t) {
    if (t <= 8) {
      int a = 0;
      while (a < t && targetScore[a] > s) {
        a++;
      }
      return a;
    }
    int lo = 0;
    int hi = t; // targetScore is descending; find the first index with score <= s
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (targetScore[mid] > s) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** k distinct sorted offsets drawn uniformly from [0, size) (Floyd's algorithm). */
  private static void randomOffsets(SplittableRandom rng, int size, int[] out) {
    int k = out.length;
    java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
    for (int j = size - k; j < size; j++) {
      int v = rng.nextInt(j + 1);
      s.add(s.contains(v) ? j : v);
    }
    int m = 0;
    for (int v : s) {
      out[m++] = v;
    }
  }

  private void ensure(int n) {
    if (isTarget.length < n) {
      isTarget = new boolean[n];
      excluded = new boolean[n];
    }
    if (targetPos.length < n + 1) {
      int cap = Math.max(16, n + 1);
      targetPos = new int[cap];
      targetScore = new float[cap];
      above = new int[cap];
      tie = new int[cap];
    }
  }
}
