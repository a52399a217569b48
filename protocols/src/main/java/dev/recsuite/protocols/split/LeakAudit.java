package dev.recsuite.protocols.split;

import dev.recsuite.protocols.data.Dataset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The leak audit every split passes before anything trains on it.
 * <ul>
 *   <li>Overlap: when the dataset has no repeated (user, item) pairs, no valid or test pair may also be in
 *       train. With repeat consumption a shared pair is legitimate; it is counted, not refused.</li>
 *   <li>Per-user time ({@link SplitProtocol.TimeRule#PER_USER}): in each user's chronology every train row
 *       precedes every valid row, which precedes every test row.</li>
 *   <li>Global time ({@link SplitProtocol.TimeRule#GLOBAL}): max train timestamp &lt; min valid timestamp,
 *       and max valid &lt; min test, so no training interaction comes from after the cut.</li>
 *   <li>Cold start: users with valid or test rows but no training row are counted and reported.</li>
 * </ul>
 */
public final class LeakAudit {
  private LeakAudit() {}

  /**
   * @param repeatPairsInDataset rows repeating an earlier (user, item) pair of the dataset
   * @param sharedPairs valid or test rows whose pair is also in train (0 unless the dataset has repeats)
   * @param coldStartValidUsers users with valid rows and no train rows
   * @param coldStartTestUsers users with test rows and no train rows
   * @param droppedRows rows the protocol left out of all three parts
   * @param checks the checks that ran and passed, for the provenance record
   */
  public record Report(int trainRows, int validRows, int testRows, int droppedRows, int repeatPairsInDataset,
      int sharedPairs, int coldStartValidUsers, int coldStartTestUsers, List<String> checks) {}

  static Report run(SplitProtocol p, Dataset d, byte[] part) {
    List<String> violations = new ArrayList<>();
    List<String> checks = new ArrayList<>();
    int[] counts = new int[3];
    int dropped = 0;
    for (byte b : part) {
      if (b < 0) {
        dropped++;
      } else {
        counts[b]++;
      }
    }
    int repeats = d.repeatedPairs();
    Set<Long> trainPairs = new HashSet<>(counts[0] * 2);
    boolean[] hasTrain = new boolean[d.nUsers()];
    for (int r = 0; r < part.length; r++) {
      if (part[r] == Part.TRAIN) {
        trainPairs.add(pair(d, r));
        hasTrain[d.user(r)] = true;
      }
    }
    int shared = 0;
    int example = -1;
    for (int r = 0; r < part.length; r++) {
      if ((part[r] == Part.VALID || part[r] == Part.TEST) && trainPairs.contains(pair(d, r))) {
        shared++;
        if (example < 0) {
          example = r;
        }
      }
    }
    if (repeats == 0) {
      checks.add("no valid/test (user, item) pair in train");
      if (shared > 0) {
        violations.add(shared + " valid/test rows repeat a training pair, e.g. row " + example + " (user "
            + d.userKey(d.user(example)) + ", item " + d.itemKey(d.item(example)) + ")");
      }
    }
    switch (p.timeRule()) {
      case PER_USER -> {
        checks.add("per-user order: train < valid < test");
        for (int u = 0; u < d.nUsers(); u++) {
          int last = Part.TRAIN;
          for (int r : d.userRows(u)) {
            if (part[r] < 0) {
              continue;
            }
            if (part[r] < last) {
              violations.add("user " + d.userKey(u) + ": a " + name(part[r]) + " row (" + r + ") comes after a "
                  + name((byte) last) + " row in time");
              break;
            }
            last = part[r];
          }
        }
      }
      case GLOBAL -> {
        checks.add("global cut: max(train time) < min(valid time) <= max(valid time) < min(test time)");
        long[] min = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        long[] max = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
        for (int r = 0; r < part.length; r++) {
          if (part[r] >= 0) {
            long t = d.timestamp(r);
            min[part[r]] = Math.min(min[part[r]], t);
            max[part[r]] = Math.max(max[part[r]], t);
          }
        }
        if (counts[1] > 0 && max[0] >= min[1]) {
          violations.add("a training interaction at time " + max[0] + " is not before the first validation one at " + min[1]);
        }
        long laterStart = counts[1] > 0 ? max[1] : max[0];
        if (laterStart >= min[2]) {
          violations.add("an earlier-part interaction at time " + laterStart + " is not before the first test one at " + min[2]);
        }
      }
      case NONE -> { }
    }
    int coldValid = coldUsers(d, part, Part.VALID, hasTrain);
    int coldTest = coldUsers(d, part, Part.TEST, hasTrain);
    if (!violations.isEmpty()) {
      throw new LeakException("split '" + p.name() + "' of dataset '" + d.name() + "' fails its leak audit:\n  - "
          + String.join("\n  - ", violations));
    }
    return new Report(counts[0], counts[1], counts[2], dropped, repeats, shared, coldValid, coldTest, List.copyOf(checks));
  }

  private static int coldUsers(Dataset d, byte[] part, byte which, boolean[] hasTrain) {
    boolean[] seen = new boolean[d.nUsers()];
    int n = 0;
    for (int r = 0; r < part.length; r++) {
      int u = d.user(r);
      if (part[r] == which && !hasTrain[u] && !seen[u]) {
        seen[u] = true;
        n++;
      }
    }
    return n;
  }

  private static long pair(Dataset d, int r) {
    return ((long) d.user(r) << 32) | d.item(r);
  }

  private static String name(byte b) {
    return switch (b) {
      case Part.TRAIN -> "train";
      case Part.VALID -> "valid";
      case Part.TEST -> "test";
      default -> "dropped";
    };
  }
}
