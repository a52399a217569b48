package dev.recsuite.suite.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PerUserCodecTest {
  @Test
  void roundTripsExactly() {
    double[] v = {0, 1, 1.0 / 3, Double.NaN, -0.0, 1e-300, 0.630929753571457};
    assertArrayEquals(v, PerUserCodec.decodeDoubles(PerUserCodec.encode(v)));
    int[] u = {0, 5, 19444, Integer.MAX_VALUE};
    assertArrayEquals(u, PerUserCodec.decodeInts(PerUserCodec.encode(u)));
  }
}
