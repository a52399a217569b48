package dev.recsuite.protocols.split;

import dev.recsuite.protocols.api.UnavailableException;
import dev.recsuite.protocols.data.Dataset;
import java.util.Map;

/**
 * {@code shipped}: the split stored in the file, MMRec's {@code x_label} (0 train, 1 valid, 2 test;
 * specs/baselines.md §2.1). Like MMRec ({@code filter_out_cod_start_users}), valid and test rows of users
 * with no training row are dropped, and the audit counts them.
 */
public record ShippedSplit() implements SplitProtocol {
  public static final String NAME = "shipped";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> params() {
    return Map.of();
  }

  @Override
  public TimeRule timeRule() {
    return TimeRule.NONE;
  }

  @Override
  public byte[] assign(Dataset d) {
    if (!d.hasLabels()) {
      throw new UnavailableException("protocol 'shipped' needs a split column (x_label), but dataset '" + d.name() + "' has none");
    }
    byte[] part = new byte[d.nInteractions()];
    boolean[] hasTrain = new boolean[d.nUsers()];
    for (int r = 0; r < part.length; r++) {
      part[r] = (byte) d.label(r);
      if (part[r] == Part.TRAIN) {
        hasTrain[d.user(r)] = true;
      }
    }
    for (int r = 0; r < part.length; r++) {
      if (part[r] != Part.TRAIN && !hasTrain[d.user(r)]) {
        part[r] = Part.DROPPED;
      }
    }
    return part;
  }
}
