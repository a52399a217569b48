package dev.recsuite.suite.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MeanPoolingTest {
  /**
   * Batch of 2, 3 tokens, dim 2. Text 0 has all three tokens: mean (1+3+5, 2+0+4)/3 = (3, 2), norm sqrt(13).
   * Text 1 has two real tokens and one pad whose state (100, 100) must be ignored: mean (3, 4)/1... = ((0+6)/2,
   * (8+0)/2) = (3, 4), norm 5, so (0.6, 0.8).
   */
  @Test
  void meanOverMaskedTokensThenUnitLength() {
    float[] hidden = {1, 2, 3, 0, 5, 4, 0, 8, 6, 0, 100, 100};
    long[] mask = {1, 1, 1, 1, 1, 0};
    float[] out = new float[4];
    MeanPooling.poolAndNormalize(hidden, mask, 2, 3, 2, out);
    float s = (float) Math.sqrt(13);
    assertArrayEquals(new float[] {3 / s, 2 / s, 0.6f, 0.8f}, out, 1e-7f);
  }

  @Test
  void anAllZeroVectorStaysZeroInsteadOfNaN() {
    float[] out = new float[2];
    MeanPooling.poolAndNormalize(new float[] {0, 0}, new long[] {1}, 1, 1, 2, out);
    assertArrayEquals(new float[] {0, 0}, out);
  }

  @Test
  void rejectsMismatchedShapes() {
    assertThrows(IllegalArgumentException.class,
        () -> MeanPooling.poolAndNormalize(new float[5], new long[2], 1, 2, 2, new float[2]));
  }
}
