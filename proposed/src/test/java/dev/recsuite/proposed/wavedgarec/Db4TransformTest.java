package dev.recsuite.proposed.wavedgarec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The db4 transform against independent references. {@code kat/db4_wavedec.csv} was written by
 * {@code python3 proposed/src/test/python/db4_reference.py} (numpy 2.4.6: filters from Daubechies' closed form,
 * wavedec with numpy padding and convolution); the same script's {@code --check-pywt} found it equal to
 * PyWavelets 1.1.1 ({@code pywt.wavedec(x, 'db4', mode, level)}, Debian python3-pywt) to 2.1e-15 on every case.
 */
class Db4TransformTest {
  private static final double SQRT2 = Math.sqrt(2.0);

  @Test
  void filtersEqualTheClosedFormValues() throws IOException {
    double[] closed = new double[8];
    for (String[] row : kat()) {
      if (row[0].equals("filter")) {
        closed[Integer.parseInt(row[5])] = Double.parseDouble(row[6]);
      }
    }
    assertArrayEquals(closed, Db4.DEC_LO, 1e-15);
  }

  /** Orthonormal scaling filter with 4 vanishing moments: the relations that define db4 up to phase. */
  @Test
  void filtersSatisfyDaubechiesRelations() {
    double[] h = Db4.REC_LO;
    double sum = 0;
    for (double v : h) {
      sum += v;
    }
    assertEquals(SQRT2, sum, 1e-15);
    for (int m = 0; m < 4; m++) {
      double s = 0;
      for (int k = 0; k + 2 * m < 8; k++) {
        s += h[k] * h[k + 2 * m];
      }
      assertEquals(m == 0 ? 1.0 : 0.0, s, 1e-15, "shift " + m);
    }
    for (int p = 0; p < 4; p++) {
      double s = 0;
      for (int k = 0; k < 8; k++) {
        s += (k % 2 == 0 ? 1 : -1) * Math.pow(k, p) * h[k];
      }
      assertEquals(0.0, s, 1e-12, "moment " + p);
    }
    // extremal phase: the energy is front-loaded (h0 = 0.2304 > |h7| = 0.0106)
    assertTrue(h[0] > 0.23 && h[1] > 0.71);
    for (int k = 0; k < 8; k++) {
      assertEquals(Db4.REC_HI[k], (k % 2 == 0 ? 1 : -1) * Db4.DEC_LO[k], 0.0);
      assertEquals(Db4.DEC_HI[k], Db4.REC_HI[7 - k], 0.0);
    }
  }

  /** pywt.dwt_coeff_len(n, 8, 'symmetric') = floor((n + 7) / 2): 50 -> 28 -> 17; 13 -> 10 -> 8 -> 7. */
  @Test
  void coefficientLengthsFollowPywt() {
    assertArrayEquals(new int[] {28, 28}, new Db4Transform(50, 1, WaveletBoundary.SYMMETRIC).bandLengths());
    assertArrayEquals(new int[] {17, 17, 28}, new Db4Transform(50, 2, WaveletBoundary.SYMMETRIC).bandLengths());
    assertArrayEquals(new int[] {7, 7, 8, 10}, new Db4Transform(13, 3, WaveletBoundary.SYMMETRIC).bandLengths());
    // level 8 on T = 50 (above pywt's maximum useful level 2): lengths settle at 7
    assertArrayEquals(new int[] {7, 7, 7, 7, 8, 9, 12, 17, 28}, new Db4Transform(50, 8, WaveletBoundary.SYMMETRIC).bandLengths());
  }

  @Test
  void decompositionMatchesTheNumpyReference() throws IOException {
    Map<String, Map<String, List<Double>>> cases = new LinkedHashMap<>();
    Map<String, String[]> meta = new LinkedHashMap<>();
    for (String[] row : kat()) {
      if (!row[0].equals("filter")) {
        cases.computeIfAbsent(row[0], c -> new LinkedHashMap<>()).computeIfAbsent(row[4], b -> new ArrayList<>())
            .add(Double.parseDouble(row[6]));
        meta.put(row[0], row);
      }
    }
    assertEquals(8, cases.size());
    for (var e : cases.entrySet()) {
      String[] m = meta.get(e.getKey());
      int levels = Integer.parseInt(m[2]);
      WaveletBoundary mode = WaveletBoundary.valueOf(m[3].toUpperCase());
      double[] x = toArray(e.getValue().get("input"));
      double[][] mine = Db4Transform.wavedec(x, levels, mode);
      List<String> bands = new ArrayList<>(e.getValue().keySet());
      bands.remove("input");
      assertEquals(levels + 1, bands.size());
      Db4Transform matrices = new Db4Transform(x.length, levels, mode);
      float[] a = matrices.analysis();
      int row = 0;
      for (int b = 0; b <= levels; b++) {
        double[] expected = toArray(e.getValue().get(bands.get(b)));
        assertArrayEquals(expected, mine[b], 1e-12, "case " + e.getKey() + " band " + bands.get(b));
        for (int k = 0; k < expected.length; k++, row++) {
          double viaMatrix = 0;
          for (int s = 0; s < x.length; s++) {
            viaMatrix += a[row * x.length + s] * x[s];
          }
          assertEquals(expected[k], viaMatrix, 1e-5, "matrix, case " + e.getKey() + " band " + bands.get(b) + " " + k);
        }
      }
    }
  }

  @Test
  void inverseReconstructsTheInputInEveryMode() {
    SplittableRandom rng = new SplittableRandom(3);
    for (WaveletBoundary mode : WaveletBoundary.values()) {
      for (int n : new int[] {1, 2, 5, 8, 13, 50, 51}) {
        for (int levels : new int[] {1, 2, 3, 8}) {
          double[] x = new double[n];
          for (int s = 0; s < n; s++) {
            x[s] = rng.nextGaussian();
          }
          double[] back = Db4Transform.waverec(Db4Transform.wavedec(x, levels, mode));
          assertTrue(back.length == n || back.length == n + 1, "length " + back.length + " for " + n);
          for (int s = 0; s < n; s++) {
            assertEquals(x[s], back[s], 1e-12, mode + " n " + n + " L " + levels + " s " + s);
          }
          // as matrices: synthesis · analysis = I_T
          Db4Transform t = new Db4Transform(n, levels, mode);
          float[] a = t.analysis();
          float[] syn = t.synthesis();
          int c = t.coefficients();
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              double v = 0;
              for (int r = 0; r < c; r++) {
                v += (double) syn[i * c + r] * a[r * n + j];
              }
              assertEquals(i == j ? 1.0 : 0.0, v, 2e-6, mode + " n " + n + " L " + levels + " (" + i + "," + j + ")");
            }
          }
        }
      }
    }
  }

  @Test
  void bandsIndexTheCoefficientsInPywtOrder() {
    Db4Transform t = new Db4Transform(50, 2, WaveletBoundary.SYMMETRIC);
    int[] band = t.bandOf();
    assertEquals(17 + 17 + 28, band.length);
    assertEquals(0, band[0]);
    assertEquals(0, band[16]);
    assertEquals(1, band[17]);
    assertEquals(2, band[34]);
    assertEquals(2, band[61]);
  }

  private static double[] toArray(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<String[]> kat() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (var in = new BufferedReader(new InputStreamReader(Db4TransformTest.class.getResourceAsStream("/kat/db4_wavedec.csv"),
        StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        rows.add(line.split(","));
      }
    }
    return rows;
  }
}
