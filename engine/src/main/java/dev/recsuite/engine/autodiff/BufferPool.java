package dev.recsuite.engine.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recycles a tape's float arrays by exact length. A training step allocates the same sizes every time, so after
 * the first step no large array is allocated (a LightGCN step on Baby would otherwise allocate ~100 MB of
 * humongous arrays per step). Arrays the last step did not ask for are dropped at each release, so the pool holds
 * one step's arrays at most: models whose shapes change from step to step (sequence batches cut to their
 * longest row) would otherwise keep every size they ever used.
 */
final class BufferPool {
  private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
  private final List<float[]> inUse = new ArrayList<>();

  /** An array of length n with arbitrary contents. */
  float[] take(int n) {
    ArrayDeque<float[]> q = free.get(n);
    float[] a = q == null ? null : q.pollLast();
    if (a == null) {
      a = new float[n];
    }
    inUse.add(a);
    return a;
  }

  /** An array of length n: a fresh (zero) one, or a recycled one with old contents (then {@code reused} is set). */
  float[] takeForZeroing(int n, boolean[] reused) {
    ArrayDeque<float[]> q = free.get(n);
    float[] a = q == null ? null : q.pollLast();
    reused[0] = a != null;
    if (a == null) {
      a = new float[n];
    }
    inUse.add(a);
    return a;
  }

  /** Returns every array handed out since the last release; drops the free arrays this step did not need. */
  void releaseAll() {
    free.clear();
    for (float[] a : inUse) {
      free.computeIfAbsent(a.length, k -> new ArrayDeque<>()).addLast(a);
    }
    inUse.clear();
  }
}
