package dev.recsuite.suite.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MissingRowsTest {
  /** Rows 0 and 2 have images: mean ((1+3)/2, (2+6)/2) = (2, 4) fills rows 1 and 3, not re-normalised. */
  @Test
  void missingRowsGetTheMeanOfPresentRows() {
    float[] data = {1, 2, 9, 9, 3, 6, 7, 7};
    MissingRows.fillWithMeanOfPresent(data, 2, new boolean[] {true, false, true, false});
    assertArrayEquals(new float[] {1, 2, 2, 4, 3, 6, 2, 4}, data);
  }

  @Test
  void noPresentRowIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> MissingRows.fillWithMeanOfPresent(new float[2], 2, new boolean[1]));
  }
}
