package dev.recsuite.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.rng.Rng;
import org.junit.jupiter.api.Test;

class InitTest {
  @Test
  void fanConventionIsPyTorchs() {
    // torch.nn.init._calculate_fan_in_and_fan_out: (rows, cols) -> fan_in = cols, fan_out = rows
    assertEquals(64, Init.fanIn(new int[] {19445, 64}));
    assertEquals(19445, Init.fanOut(new int[] {19445, 64}));
    assertEquals(3 * 5 * 7, Init.fanIn(new int[] {2, 3, 5, 7}));
    assertThrows(IllegalArgumentException.class, () -> Init.fanIn(new int[] {5}));
  }

  @Test
  void xavierUniformBoundMatchesSpecExample() {
    // specs/baselines.md §1: Baby user table 19445 x 64 has a = sqrt(6 / 19509) ≈ 0.01754
    Param p = Init.xavierUniform("users", Rng.stream(1, "init"), 19445, 64);
    float max = 0;
    for (float v : p.value().data()) {
      max = Math.max(max, Math.abs(v));
    }
    double a = Math.sqrt(6.0 / (19445 + 64));
    assertEquals(0.01754, a, 5e-6);
    assertTrue(max <= a && max > 0.999 * a, "max |x| = " + max);
  }

  @Test
  void xavierNormalStdMatchesSpecExample() {
    // specs/baselines.md §1: item table 7050 x 64 has σ = sqrt(2 / 7114) ≈ 0.01677
    Param p = Init.xavierNormal("items", Rng.stream(1, "init"), 7050, 64);
    double s = 0;
    double s2 = 0;
    float[] d = p.value().data();
    for (float v : d) {
      s += v;
      s2 += (double) v * v;
    }
    double mean = s / d.length;
    double sd = Math.sqrt(s2 / d.length - mean * mean);
    assertEquals(0.01677, Math.sqrt(2.0 / 7114), 5e-6);
    assertEquals(Math.sqrt(2.0 / 7114), sd, 0.01677 * 0.01); // n = 451,200: sampling error of sd ≈ 0.1%
    assertEquals(0, mean, 1e-4);
  }

  @Test
  void sameStreamGivesSameParameters() {
    Param a = Init.normal("e", Rng.stream(9, "init", 0), 0, 0.02, 10, 4);
    Param b = Init.normal("e", Rng.stream(9, "init", 0), 0, 0.02, 10, 4);
    assertEquals(java.util.Arrays.toString(a.value().data()), java.util.Arrays.toString(b.value().data()));
  }

  @Test
  void linearDefaultBound() {
    Param w = Init.linearDefault("w", Rng.stream(1, "init"), 256, 64, 256);
    for (float v : w.value().data()) {
      assertTrue(Math.abs(v) <= 1.0 / 16);
    }
  }
}
