package dev.recsuite.baselines.sequence;

import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;

/**
 * RecBole's CE loss for sequential models (specs/baselines.md §3.7, §4.1, §7 item 11): for a batch of prefix
 * instances, logits h · Eᵀ over ALL nItems + 1 rows of the item table (the pad row included, as RecBole) and
 * -mean log softmax(logits)[target + 1]. The batch is encoded in {@link LengthBuckets} groups, whose outputs are
 * concatenated before the one logits product, so the loss is the batch mean as in a single padded pass.
 */
public final class PrefixCrossEntropy {
  private PrefixCrossEntropy() {}

  /**
   * @param itemTable [nItems + 1, d] the item embedding, pad row first
   */
  public static Var loss(Tape t, PrefixInstances.Batch batch, int maxLen, SequenceEncoder encoder, Var itemTable) {
    int b = batch.targets().length;
    int[] lens = new int[b];
    for (int k = 0; k < b; k++) {
      lens[k] = Math.min(batch.ends()[k], maxLen);
    }
    int[][] groups = LengthBuckets.split(lens);
    Var[] parts = new Var[groups.length];
    int[] targets = new int[b];
    int at = 0;
    for (int g = 0; g < groups.length; g++) {
      parts[g] = encoder.encode(t, PaddedSequences.window(batch.items(), batch.ends(), maxLen, groups[g]));
      for (int r : groups[g]) {
        targets[at++] = batch.targets()[r] + 1;
      }
    }
    Var h = parts.length == 1 ? parts[0] : t.concat(0, parts); // [B, d], rows in group order
    return t.crossEntropy(t.matmul(h, itemTable, false, true), targets); // logits [B, nItems + 1]
  }
}
