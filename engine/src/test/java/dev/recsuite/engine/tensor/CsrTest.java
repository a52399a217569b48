package dev.recsuite.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CsrTest {
  @Test
  void fromCooSortsRowsAndSumsDuplicates() {
    Csr a = Csr.fromCoo(3, 4, new int[] {2, 0, 2, 0, 2}, new int[] {1, 3, 0, 3, 1}, new float[] {1, 2, 3, 4, 5});
    assertArrayEquals(new int[] {0, 1, 1, 3}, a.rowPtr());
    assertArrayEquals(new int[] {3, 0, 1}, a.colIdx());
    assertArrayEquals(new float[] {6, 3, 6}, a.values());
    assertEquals(6f, a.get(2, 1), 0f);
    assertEquals(0f, a.get(1, 1), 0f);
  }

  @Test
  void transposeIsCachedAndCorrect() {
    Csr a = Csr.fromCoo(2, 3, new int[] {0, 1, 1}, new int[] {2, 0, 2}, new float[] {1, 2, 3});
    Csr t = a.transpose();
    assertSame(t, a.transpose());
    assertSame(a, t.transpose());
    assertArrayEquals(new float[] {0, 2, 0, 0, 1, 3}, t.toDense().data());
  }

  @Test
  void symmetricMatrixIsItsOwnTranspose() {
    Csr a = Csr.symmetric(Csr.fromCoo(2, 2, new int[] {0, 1}, new int[] {1, 0}, new float[] {0.5f, 0.5f}));
    assertSame(a, a.transpose());
    assertThrows(IllegalArgumentException.class,
        () -> Csr.symmetric(Csr.fromCoo(2, 2, new int[] {0}, new int[] {1}, new float[] {1})));
  }

  @Test
  void outOfRangeEntryNamesItsPosition() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Csr.fromCoo(2, 2, new int[] {0, 2}, new int[] {0, 0}, new float[] {1, 1}));
    assertEquals("COO entry 1 = (2, 0) is outside a 2 x 2 matrix", e.getMessage());
  }
}
