package dev.recsuite.baselines.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.recsuite.baselines.sequence.SequenceScorer;
import dev.recsuite.protocols.api.UserBatch;
import java.util.Arrays;

/** Checks every model scored by {@link SequenceScorer} must pass (SASRec, GRU4Rec, proposed sequential models). */
public final class SequenceScorerChecks {
  private SequenceScorerChecks() {}

  /**
   * Padding and batching do not change a user's vector: {@code seq} alone equals {@code seq} beside the longer
   * {@code longer} (more padding in a shared batch, or another length group); and a history longer than
   * max_seq_length equals its last {@code maxLen} items.
   */
  public static void assertBatchAndCutInvariant(SequenceScorer s, int maxLen, int[] seq, int[] longer, int[] history) {
    float[] one = s.represent(new UserBatch(new int[] {0}, new int[][] {seq})).data();
    float[] two = s.represent(new UserBatch(new int[] {1, 0}, new int[][] {longer, seq})).data();
    int d = one.length;
    assertArrayEquals(one, Arrays.copyOfRange(two, d, 2 * d), 1e-6f, "a user's vector beside a longer history");
    int[] last = Arrays.copyOfRange(history, history.length - maxLen, history.length);
    assertArrayEquals(s.represent(new UserBatch(new int[] {0}, new int[][] {last})).data(),
        s.represent(new UserBatch(new int[] {0}, new int[][] {history})).data(), "a history cut to max_seq_length");
  }
}
