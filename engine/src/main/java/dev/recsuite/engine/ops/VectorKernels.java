package dev.recsuite.engine.ops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API bodies of {@link Simd}; loaded only when the incubator module is present. */
final class VectorKernels {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int W = S.length();

  private VectorKernels() {}

  static boolean available() {
    float[] y = new float[W + 1];
    axpy(2f, new float[W + 1], 0, y, 0, W + 1);
    return true;
  }

  static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
    int j = 0;
    int bound = n - W;
    for (; j <= bound; j += W) {
      FloatVector xv = FloatVector.fromArray(S, x, xo + j);
      FloatVector yv = FloatVector.fromArray(S, y, yo + j);
      yv.add(xv.mul(a)).intoArray(y, yo + j);
    }
    for (; j < n; j++) {
      y[yo + j] += a * x[xo + j];
    }
  }

  static void add(float[] x, int xo, float[] y, int yo, int n) {
    int j = 0;
    int bound = n - W;
    for (; j <= bound; j += W) {
      FloatVector.fromArray(S, y, yo + j).add(FloatVector.fromArray(S, x, xo + j)).intoArray(y, yo + j);
    }
    for (; j < n; j++) {
      y[yo + j] += x[xo + j];
    }
  }

  static void axpy4(float a0, float a1, float a2, float a3, float[] b, int bo, float[] c, int c0, int ldc, int n) {
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    int j = 0;
    int bound = n - W;
    for (; j <= bound; j += W) {
      FloatVector bv = FloatVector.fromArray(S, b, bo + j);
      FloatVector.fromArray(S, c, c0 + j).add(bv.mul(a0)).intoArray(c, c0 + j);
      FloatVector.fromArray(S, c, c1 + j).add(bv.mul(a1)).intoArray(c, c1 + j);
      FloatVector.fromArray(S, c, c2 + j).add(bv.mul(a2)).intoArray(c, c2 + j);
      FloatVector.fromArray(S, c, c3 + j).add(bv.mul(a3)).intoArray(c, c3 + j);
    }
    for (; j < n; j++) {
      float bv = b[bo + j];
      c[c0 + j] += a0 * bv;
      c[c1 + j] += a1 * bv;
      c[c2 + j] += a2 * bv;
      c[c3 + j] += a3 * bv;
    }
  }
}
