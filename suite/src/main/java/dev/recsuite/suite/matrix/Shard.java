package dev.recsuite.suite.matrix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Shard {@code index} of {@code count} (1-based, {@code --shard 2/8}): a deterministic part of a matrix's
 * units, so that n machines (a Slurm job array, a Kubernetes indexed job) share one matrix and their stores
 * merge by copying files. Units are dealt largest first to the least-loaded shard (ties: the lower index),
 * which balances run counts; each shard runs its units in matrix order. Every shard must be given the same
 * experiment file and overrides.
 */
public record Shard(int index, int count) {
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("shard must be I/N with 1 <= I <= N, got " + index + "/" + count);
    }
  }

  /** Parses {@code I/N}. */
  public static Shard parse(String text) {
    String[] p = text.strip().split("/");
    try {
      if (p.length == 2) {
        return new Shard(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("--shard expects I/N (e.g. 1/4, as in --shard $((SLURM_ARRAY_TASK_ID+1))/4), got '"
        + text + "'");
  }

  public List<MatrixPlan.Unit> select(List<MatrixPlan.Unit> units) {
    if (count == 1) {
      return List.copyOf(units);
    }
    int[] owner = new int[units.size()];
    long[] load = new long[count];
    List<Integer> order = IntStream.range(0, units.size()).boxed()
        .sorted(Comparator.comparingInt((Integer k) -> -units.get(k).runs()).thenComparingInt(k -> k)).toList();
    for (int k : order) {
      int best = 0;
      for (int s = 1; s < count; s++) {
        if (load[s] < load[best]) {
          best = s;
        }
      }
      owner[k] = best;
      load[best] += units.get(k).runs();
    }
    List<MatrixPlan.Unit> mine = new ArrayList<>();
    for (int k = 0; k < units.size(); k++) {
      if (owner[k] == index - 1) {
        mine.add(units.get(k));
      }
    }
    return mine;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
