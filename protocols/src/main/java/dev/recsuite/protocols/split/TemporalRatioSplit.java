package dev.recsuite.protocols.split;

import dev.recsuite.protocols.data.Dataset;
import java.util.Map;

/**
 * {@code temporal-ratio}: per user, in time order, the first share is train, the next valid, the last test.
 * Default 8:1:1; 8:0:2 gives SD-MTMP's 8:2 split with no validation set.
 *
 * <p>Counts follow RecBole's {@code _calcu_split_ids} (recbole/data/dataset/dataset.py): each part gets
 * floor(ratio * n), train takes the remainder, and then, from the last part backwards, a part whose exact
 * share is in (0, 1) takes one row from train while train keeps more than one. A 5-interaction user under
 * 8:1:1 thus gets 3/1/1 rather than 5/0/0.
 */
public record TemporalRatioSplit(double trainRatio, double validRatio, double testRatio) implements SplitProtocol {
  public static final String NAME = "temporal-ratio";

  public TemporalRatioSplit {
    double sum = trainRatio + validRatio + testRatio;
    if (trainRatio <= 0 || validRatio < 0 || testRatio <= 0 || Math.abs(sum - 1.0) > 1e-9) {
      throw new IllegalArgumentException("temporal-ratio ratios must be train > 0, valid >= 0, test > 0 and sum to 1; got "
          + trainRatio + ":" + validRatio + ":" + testRatio);
    }
  }

  public static TemporalRatioSplit defaults() {
    return new TemporalRatioSplit(0.8, 0.1, 0.1);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("ratios", trainRatio + ":" + validRatio + ":" + testRatio);
  }

  @Override
  public TimeRule timeRule() {
    return TimeRule.PER_USER;
  }

  @Override
  public byte[] assign(Dataset d) {
    Requirements.chronological(d, NAME);
    byte[] part = new byte[d.nInteractions()];
    for (int u = 0; u < d.nUsers(); u++) {
      int[] rows = d.userRows(u);
      int[] cnt = counts(rows.length, new double[] {trainRatio, validRatio, testRatio});
      for (int k = cnt[0]; k < cnt[0] + cnt[1]; k++) {
        part[rows[k]] = Part.VALID;
      }
      for (int k = cnt[0] + cnt[1]; k < rows.length; k++) {
        part[rows[k]] = Part.TEST;
      }
    }
    return part;
  }

  /** RecBole's split counts for n rows (see the class comment). */
  static int[] counts(int n, double[] ratios) {
    int[] cnt = new int[ratios.length];
    int rest = 0;
    for (int k = 1; k < ratios.length; k++) {
      cnt[k] = (int) (ratios[k] * n);
      rest += cnt[k];
    }
    cnt[0] = n - rest;
    for (int k = ratios.length - 1; k >= 1; k--) {
      if (cnt[0] <= 1) {
        break;
      }
      double exact = ratios[k] * n;
      if (exact > 0 && exact < 1) {
        cnt[k]++;
        cnt[0]--;
      }
    }
    return cnt;
  }
}
