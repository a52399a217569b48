package dev.recsuite.protocols.split;

import dev.recsuite.protocols.data.Dataset;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code global-temporal}: two global time cut-offs. Rows before the valid cut are train, rows from the
 * valid cut up to the test cut are valid, the rest is test, so no training interaction comes from the future
 * of any evaluated one. The cuts are the timestamps at the (1 - valid - test) and (1 - test) quantiles of all
 * rows (MMRec's global-time split in {@code 0rating2inter.ipynb}); rows sharing the cut timestamp all go to
 * the later part. Valid and test rows of users with no training rows stay in the split and are reported as
 * cold-start by the audit; the evaluator skips them.
 */
public record GlobalTemporalSplit(double validShare, double testShare) implements SplitProtocol {
  public static final String NAME = "global-temporal";

  public GlobalTemporalSplit {
    if (validShare < 0 || testShare <= 0 || validShare + testShare >= 1) {
      throw new IllegalArgumentException("global-temporal shares must be valid >= 0, test > 0, valid + test < 1; got "
          + validShare + ", " + testShare);
    }
  }

  public static GlobalTemporalSplit defaults() {
    return new GlobalTemporalSplit(0.1, 0.1);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("valid_share", Double.toString(validShare), "test_share", Double.toString(testShare));
  }

  @Override
  public TimeRule timeRule() {
    return TimeRule.GLOBAL;
  }

  @Override
  public byte[] assign(Dataset d) {
    Requirements.timestamps(d, NAME);
    long[] cuts = cutoffs(d);
    byte[] part = new byte[d.nInteractions()];
    for (int r = 0; r < part.length; r++) {
      long t = d.timestamp(r);
      part[r] = t >= cuts[1] ? Part.TEST : t >= cuts[0] ? Part.VALID : Part.TRAIN;
    }
    return part;
  }

  /** {validCut, testCut}: timestamps at the train and train+valid quantiles of all rows. */
  public long[] cutoffs(Dataset d) {
    long[] ts = new long[d.nInteractions()];
    for (int r = 0; r < ts.length; r++) {
      ts[r] = d.timestamp(r);
    }
    Arrays.sort(ts);
    int n = ts.length;
    int vIdx = (int) Math.floor(n * (1 - validShare - testShare));
    int tIdx = (int) Math.floor(n * (1 - testShare));
    return new long[] {ts[Math.min(vIdx, n - 1)], ts[Math.min(tIdx, n - 1)]};
  }
}
