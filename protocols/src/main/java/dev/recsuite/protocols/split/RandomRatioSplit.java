package dev.recsuite.protocols.split;

import dev.recsuite.engine.rng.Rng;
import dev.recsuite.protocols.data.Dataset;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code random-ratio}: MMRec's own per-user random split ({@code preprocessing/1splitting.ipynb},
 * specs/baselines.md §2.2 step 5), for datasets with no chronology. Per user, rows are shuffled; a user with
 * n < 10 rows gets n-2 train, 1 valid, 1 test; otherwise t = floor(0.2 n), v = floor(t / 2), test = t - v,
 * train = n - t. Users with fewer than 3 rows keep everything in train. The shuffle is seeded, so the split
 * is reproducible here but is not MMRec's own draw.
 */
public record RandomRatioSplit(long seed) implements SplitProtocol {
  public static final String NAME = "random-ratio";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("seed", Long.toString(seed));
  }

  @Override
  public TimeRule timeRule() {
    return TimeRule.NONE;
  }

  @Override
  public byte[] assign(Dataset d) {
    byte[] part = new byte[d.nInteractions()];
    for (int u = 0; u < d.nUsers(); u++) {
      int[] rows = d.userRows(u).clone();
      int n = rows.length;
      if (n < 3) {
        continue;
      }
      SplittableRandom rng = Rng.stream(seed, NAME, u);
      for (int k = n - 1; k > 0; k--) {
        int j = rng.nextInt(k + 1);
        int tmp = rows[k];
        rows[k] = rows[j];
        rows[j] = tmp;
      }
      int nTest;
      int nValid;
      if (n < 10) {
        nValid = 1;
        nTest = 1;
      } else {
        int t = (int) Math.floor(0.2 * n);
        nValid = t / 2;
        nTest = t - nValid;
      }
      int nTrain = n - nValid - nTest;
      for (int k = nTrain; k < nTrain + nValid; k++) {
        part[rows[k]] = Part.VALID;
      }
      for (int k = nTrain + nValid; k < n; k++) {
        part[rows[k]] = Part.TEST;
      }
    }
    return part;
  }
}
