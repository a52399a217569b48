package dev.recsuite.suite.features;

import dev.recsuite.protocols.lock.LockedFeature;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A classical, hand-written image descriptor for posters: a WEAK STAND-IN for the CNN image features that
 * MMRec's models expect (specs/baselines.md §2.2 step 7), used because no image encoder that runs offline ships
 * in a registry these machines reach (see the README's search record). It is NOT a CNN feature. Three blocks,
 * each L2-normalised, concatenated, and the whole L2-normalised again (855 dimensions):
 * <ol>
 *   <li>colour: a 256-bin joint HSV histogram (16 hue x 4 saturation x 4 value bins, uniform), the quantisation
 *       of the MPEG-7 Scalable Colour Descriptor (Manjunath et al., IEEE TCSVT 11(6), 2001) without its Haar
 *       transform; colour histograms after Swain and Ballard (IJCV 7(1), 1991). Computed on the image resized
 *       to 128 x 192;
 *   <li>shape: HOG (Dalal and Triggs, CVPR 2005) on the luma of the image resized to 64 x 96: centred [-1, 0, 1]
 *       gradients, 9 unsigned orientation bins centred on 0, 20, ..., 160 degrees with linear vote
 *       interpolation, 16 x 16-pixel cells (4 x 6), 2 x 2-cell blocks with a one-cell stride (3 x 5 blocks),
 *       L2-Hys block normalisation (clip at 0.2): 540 values;
 *   <li>texture: the histogram of uniform local binary patterns, LBP(8,1) with the 3 x 3 neighbourhood (Ojala,
 *       Pietikäinen and Mäenpää, IEEE TPAMI 24(7), 2002): 58 uniform codes and one bin for the rest, on the luma
 *       of the 128 x 192 image.
 * </ol>
 * Bump {@link #VERSION} whenever the output changes; {@link #identity()} hashes the output on fixed probe
 * images, so a change that forgets the bump still shows up in {@code datasets.lock} checks.
 */
public final class PosterDescriptor {
  public static final String NAME = "poster-hsv-hog-lbp";
  public static final String VERSION = "1 (recsuite classical descriptor: weak stand-in, not a CNN feature)";
  static final int HUE_BINS = 16;
  static final int SAT_BINS = 4;
  static final int VAL_BINS = 4;
  static final int COLOUR_DIM = HUE_BINS * SAT_BINS * VAL_BINS;
  static final int ORIENTATIONS = 9;
  static final int CELL = 16;
  static final int HOG_W = 64;
  static final int HOG_H = 96;
  static final int HOG_DIM = (HOG_W / CELL - 1) * (HOG_H / CELL - 1) * 4 * ORIENTATIONS;
  static final int LBP_DIM = 59;
  static final int COLOUR_W = 128;
  static final int COLOUR_H = 192;
  public static final int DIM = COLOUR_DIM + HOG_DIM + LBP_DIM;
  private static final int[] UNIFORM_BIN = uniformBins();

  private PosterDescriptor() {}

  /** The descriptor of one image, a unit vector of {@link #DIM} floats (zero only for an empty image). */
  public static float[] describe(RgbImage img) {
    RgbImage big = img.resize(COLOUR_W, COLOUR_H);
    float[] colour = hsvHistogram(big);
    float[] hog = hog(img.resize(HOG_W, HOG_H).luma(), HOG_W, HOG_H);
    float[] lbp = lbpHistogram(big.luma(), COLOUR_W, COLOUR_H);
    float[] out = new float[DIM];
    System.arraycopy(l2(colour), 0, out, 0, COLOUR_DIM);
    System.arraycopy(l2(hog), 0, out, COLOUR_DIM, HOG_DIM);
    System.arraycopy(l2(lbp), 0, out, COLOUR_DIM + HOG_DIM, LBP_DIM);
    return l2(out);
  }

  /** Joint HSV histogram, bin ((h * 4) + s) * 4 + v, normalised to sum 1. Grey pixels (S = 0) have H = 0. */
  static float[] hsvHistogram(RgbImage img) {
    double[] hist = new double[COLOUR_DIM];
    int n = img.width() * img.height();
    for (int i = 0; i < n; i++) {
      float r = img.r()[i];
      float g = img.g()[i];
      float b = img.b()[i];
      float max = Math.max(r, Math.max(g, b));
      float min = Math.min(r, Math.min(g, b));
      float delta = max - min;
      double hue = 0;
      if (delta > 0) {
        if (max == r) {
          hue = 60 * (((g - b) / delta) % 6);
        } else if (max == g) {
          hue = 60 * ((b - r) / delta + 2);
        } else {
          hue = 60 * ((r - g) / delta + 4);
        }
        if (hue < 0) {
          hue += 360;
        }
      }
      double sat = max > 0 ? delta / max : 0;
      int hb = Math.min(HUE_BINS - 1, (int) (hue / 360 * HUE_BINS));
      int sb = Math.min(SAT_BINS - 1, (int) (sat * SAT_BINS));
      int vb = Math.min(VAL_BINS - 1, (int) (max * VAL_BINS));
      hist[(hb * SAT_BINS + sb) * VAL_BINS + vb]++;
    }
    float[] out = new float[COLOUR_DIM];
    for (int k = 0; k < out.length; k++) {
      out[k] = (float) (hist[k] / n);
    }
    return out;
  }

  /** HOG of a grey image {@code [h, w]}; w and h multiples of {@link #CELL}. */
  static float[] hog(float[] grey, int w, int h) {
    int cx = w / CELL;
    int cy = h / CELL;
    double[] cells = new double[cx * cy * ORIENTATIONS]; // [cy, cx, 9]
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double gx = grey[y * w + Math.min(w - 1, x + 1)] - grey[y * w + Math.max(0, x - 1)];
        double gy = grey[Math.min(h - 1, y + 1) * w + x] - grey[Math.max(0, y - 1) * w + x];
        double mag = Math.hypot(gx, gy);
        if (mag == 0) {
          continue;
        }
        double angle = Math.toDegrees(Math.atan2(gy, gx));
        if (angle < 0) {
          angle += 180;
        }
        if (angle >= 180) {
          angle -= 180;
        }
        double pos = angle / (180.0 / ORIENTATIONS); // centres at 0, 20, ..., 160 degrees
        int lo = (int) Math.floor(pos);
        double frac = pos - lo;
        int cell = ((y / CELL) * cx + (x / CELL)) * ORIENTATIONS;
        cells[cell + lo % ORIENTATIONS] += mag * (1 - frac);
        cells[cell + (lo + 1) % ORIENTATIONS] += mag * frac;
      }
    }
    float[] out = new float[HOG_DIM];
    int o = 0;
    double[] block = new double[4 * ORIENTATIONS];
    for (int by = 0; by + 1 < cy; by++) {
      for (int bx = 0; bx + 1 < cx; bx++) {
        int k = 0;
        for (int dy = 0; dy < 2; dy++) {
          for (int dx = 0; dx < 2; dx++) {
            int cell = ((by + dy) * cx + (bx + dx)) * ORIENTATIONS;
            for (int a = 0; a < ORIENTATIONS; a++) {
              block[k++] = cells[cell + a];
            }
          }
        }
        l2Hys(block);
        for (double v : block) {
          out[o++] = (float) v;
        }
      }
    }
    return out;
  }

  /** L2-Hys: L2-normalise, clip at 0.2, renormalise (epsilon 1e-6 keeps empty blocks at zero). */
  private static void l2Hys(double[] v) {
    for (int pass = 0; pass < 2; pass++) {
      double s = 0;
      for (double x : v) {
        s += x * x;
      }
      double inv = 1 / Math.sqrt(s + 1e-12);
      for (int i = 0; i < v.length; i++) {
        v[i] = pass == 0 ? Math.min(0.2, v[i] * inv) : v[i] * inv;
      }
    }
  }

  /**
   * Uniform LBP(8,1) histogram of the interior pixels, normalised to sum 1. Bit k of a code is set when the
   * k-th neighbour (counter-clockwise from the right) is at least the centre; codes with at most two circular
   * 0/1 transitions are uniform and get bins 0..57 in ascending code order, all others bin 58.
   */
  static float[] lbpHistogram(float[] grey, int w, int h) {
    int[] dx = {1, 1, 0, -1, -1, -1, 0, 1};
    int[] dy = {0, -1, -1, -1, 0, 1, 1, 1};
    double[] hist = new double[LBP_DIM];
    int n = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        float c = grey[y * w + x];
        int code = 0;
        for (int k = 0; k < 8; k++) {
          if (grey[(y + dy[k]) * w + x + dx[k]] >= c) {
            code |= 1 << k;
          }
        }
        hist[UNIFORM_BIN[code]]++;
        n++;
      }
    }
    float[] out = new float[LBP_DIM];
    for (int k = 0; k < LBP_DIM; k++) {
      out[k] = n == 0 ? 0 : (float) (hist[k] / n);
    }
    return out;
  }

  private static int[] uniformBins() {
    int[] bins = new int[256];
    int next = 0;
    for (int code = 0; code < 256; code++) {
      int transitions = Integer.bitCount((code ^ ((code >>> 1) | ((code & 1) << 7))) & 0xff);
      bins[code] = transitions <= 2 ? next++ : -1;
    }
    for (int code = 0; code < 256; code++) {
      if (bins[code] < 0) {
        bins[code] = LBP_DIM - 1;
      }
    }
    return bins;
  }

  static float[] l2(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    if (s == 0) {
      return v.clone();
    }
    double inv = 1 / Math.sqrt(s);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] * inv);
    }
    return out;
  }

  /** What datasets.lock records: name, version, and the SHA-256 of the output on three probe images. */
  public static LockedFeature.Encoder identity() {
    ByteBuffer buf = ByteBuffer.allocate(3 * DIM * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (RgbImage probe : probes()) {
      for (float v : describe(probe)) {
        buf.putFloat(v);
      }
    }
    Map<String, String> components = new LinkedHashMap<>();
    components.put("probe_images", "colour ramp 185x278, checkerboard 185x278 (8-pixel squares), solid (200,30,60) 185x278");
    return new LockedFeature.Encoder(NAME, VERSION, MiniLmEncoder.sha256(buf.array()), components);
  }

  static RgbImage[] probes() {
    int w = 185;
    int h = 278;
    RgbImage[] out = new RgbImage[3];
    for (int p = 0; p < 3; p++) {
      float[] r = new float[w * h];
      float[] g = new float[w * h];
      float[] b = new float[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          switch (p) {
            case 0 -> {
              r[i] = x / (float) (w - 1);
              g[i] = y / (float) (h - 1);
              b[i] = 1 - r[i];
            }
            case 1 -> {
              float v = ((x / 8) + (y / 8)) % 2 == 0 ? 1 : 0;
              r[i] = v;
              g[i] = v;
              b[i] = v;
            }
            default -> {
              r[i] = 200 / 255f;
              g[i] = 30 / 255f;
              b[i] = 60 / 255f;
            }
          }
        }
      }
      out[p] = new RgbImage(w, h, r, g, b);
    }
    return out;
  }
}
