package dev.recsuite.protocols.eval;

import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.sampling.EvalNegativeSampler;
import dev.recsuite.protocols.split.Split;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/** Builds {@link EvalTask}s from a split: which users, targets, histories, masks and candidates. */
public final class EvalTasks {
  /** The part of the split being evaluated. */
  public enum Phase { VALID, TEST }

  private EvalTasks() {}

  /** Full ranking over all items, with the mask policy applied. */
  public static EvalTask full(Split split, Phase phase, MaskPolicy mask) {
    Parts p = new Parts(split, phase);
    int[][] excluded = new int[p.users.length][];
    for (int k = 0; k < p.users.length; k++) {
      int u = p.users[k];
      excluded[k] = switch (mask) {
        case TRAIN -> sortedDistinct(p.train[u]);
        case TRAIN_AND_VALID -> sortedDistinct(phase == Phase.TEST ? concat(p.train[u], p.valid[u]) : p.train[u]);
        case NONE -> new int[0];
      };
    }
    String rule = switch (mask) {
      case TRAIN -> "full ranking; the user's training items are masked (MMRec); at test, validation items stay rankable";
      case TRAIN_AND_VALID -> "full ranking; training items are masked, and at test also validation items";
      case NONE -> "full ranking; nothing is masked (RecBole's sequential full mode; MMRec would mask training items)";
    };
    return new EvalTask(phase.name().toLowerCase(java.util.Locale.ROOT), split.dataset().nItems(), p.users,
        p.histories(), p.targets(), excluded, null, p.skipped, rule, null);
  }

  /**
   * The targets plus {@code n} negatives per user, drawn without replacement from items the user never
   * interacted with in any part, by a seeded per-user stream ({@link EvalNegativeSampler}).
   */
  public static EvalTask sampled(Split split, Phase phase, int n, EvalNegativeSampler.Strategy strategy, long seed) {
    Parts p = new Parts(split, phase);
    Dataset d = split.dataset();
    int[] popularity = new int[d.nItems()];
    for (int r : split.train()) {
      popularity[d.item(r)]++;
    }
    EvalNegativeSampler sampler = new EvalNegativeSampler(d.nItems(), strategy, popularity);
    int[][] candidates = new int[p.users.length][];
    for (int k = 0; k < p.users.length; k++) {
      int u = p.users[k];
      int[] positives = sortedDistinct(IntStream.of(d.userRows(u)).map(d::item).toArray());
      int[] targets = Arrays.stream(p.targets[u]).distinct().toArray();
      int[] negatives = sampler.draw(u, positives, n, seed);
      candidates[k] = concat(targets, negatives);
    }
    String rule = "sampled: the targets plus " + n + " " + strategy.name().toLowerCase(java.util.Locale.ROOT)
        + " negatives drawn without replacement from items the user never interacted with (seed " + seed + ")"
        + "; references differ: RecBole's uni100 excludes only the target and draws with replacement, the original"
        + " SASRec code draws with repeats from items outside the user's training set (specs/baselines.md §3.7, §5)";
    return new EvalTask(phase.name().toLowerCase(java.util.Locale.ROOT), d.nItems(), p.users, p.histories(),
        p.targets(), null, candidates, p.skipped, rule, sha256(candidates));
  }

  /** Per-user items of each part, and the users with targets in the evaluated part and a training row. */
  private static final class Parts {
    final int[][] train;
    final int[][] valid;
    final int[][] targets;
    final int[] users;
    final int skipped;
    final Phase phase;

    Parts(Split split, Phase phase) {
      this.phase = phase;
      this.train = split.itemsByUser(split.train());
      this.valid = split.itemsByUser(split.valid());
      this.targets = phase == Phase.VALID ? valid : split.itemsByUser(split.test());
      List<Integer> us = new ArrayList<>();
      int skip = 0;
      for (int u = 0; u < targets.length; u++) {
        if (targets[u].length == 0) {
          continue;
        }
        if (train[u].length == 0) {
          skip++;
        } else {
          us.add(u);
        }
      }
      this.users = us.stream().mapToInt(Integer::intValue).toArray();
      this.skipped = skip;
    }

    int[][] histories() {
      int[][] h = new int[users.length][];
      for (int k = 0; k < users.length; k++) {
        int u = users[k];
        h[k] = phase == Phase.TEST ? concat(train[u], valid[u]) : train[u];
      }
      return h;
    }

    int[][] targets() {
      int[][] t = new int[users.length][];
      for (int k = 0; k < users.length; k++) {
        t[k] = targets[users[k]];
      }
      return t;
    }
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int[] sortedDistinct(int[] a) {
    return Arrays.stream(a).sorted().distinct().toArray();
  }

  private static String sha256(int[][] rows) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (int[] row : rows) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * row.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(row.length);
        for (int v : row) {
          b.putInt(v);
        }
        md.update(b.array());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
