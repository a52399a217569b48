package dev.recsuite.suite.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known answers of the classical poster descriptor on tiny synthetic images, worked by hand. */
class PosterDescriptorTest {
  @TempDir
  Path tmp;

  private static RgbImage solid(int w, int h, float r, float g, float b) {
    float[] rr = new float[w * h];
    float[] gg = new float[w * h];
    float[] bb = new float[w * h];
    Arrays.fill(rr, r);
    Arrays.fill(gg, g);
    Arrays.fill(bb, b);
    return new RgbImage(w, h, rr, gg, bb);
  }

  /**
   * Pure red: H = 0, S = 1, V = 1, so every pixel falls in hue bin 0, saturation bin 3, value bin 3:
   * index (0 * 4 + 3) * 4 + 3 = 15. A flat image has no gradient (HOG all zero), and every LBP neighbour equals
   * the centre, so every code is 255, the last of the 58 uniform codes (bin 57). After per-block and global L2
   * normalisation the two non-zero entries are 1/sqrt(2).
   */
  @Test
  void solidRedImage() {
    float[] d = PosterDescriptor.describe(solid(40, 60, 1, 0, 0));
    assertEquals(855, d.length);
    float half = (float) (1 / Math.sqrt(2));
    assertEquals(half, d[15], 1e-6f);
    assertEquals(half, d[256 + 540 + 57], 1e-6f);
    double rest = 0;
    for (int k = 0; k < d.length; k++) {
      if (k != 15 && k != 256 + 540 + 57) {
        rest += Math.abs(d[k]);
      }
    }
    assertEquals(0, rest, 0);
  }

  @Test
  void greyPixelsHaveHueAndSaturationZero() {
    float[] h = PosterDescriptor.hsvHistogram(solid(4, 4, 0.5f, 0.5f, 0.5f));
    assertEquals(1f, h[(0 * 4 + 0) * 4 + 2], 0f, "V = 0.5 falls in value bin 2 of 4");
  }

  /** A vertical black/white edge has only horizontal gradients: orientation 0 degrees, all HOG mass in bin 0. */
  @Test
  void verticalEdgePutsAllHogEnergyInOrientationZero() {
    int w = 64;
    int h = 96;
    float[] grey = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = w / 2; x < w; x++) {
        grey[y * w + x] = 1;
      }
    }
    float[] hog = PosterDescriptor.hog(grey, w, h);
    double inBinZero = 0;
    double total = 0;
    for (int k = 0; k < hog.length; k++) {
      total += hog[k];
      inBinZero += k % 9 == 0 ? hog[k] : 0;
    }
    assertTrue(total > 0);
    assertEquals(total, inBinZero, 1e-6);
  }

  @Test
  void fiftyEightUniformLbpCodes() {
    float[] flat = PosterDescriptor.lbpHistogram(new float[9], 3, 3);
    assertEquals(1f, flat[57], 0f, "code 255 (all neighbours >= centre) is the last uniform code");
    float[] spot = new float[9];
    spot[4] = 1; // a bright centre: no neighbour reaches it, code 0, the first uniform code
    assertEquals(1f, PosterDescriptor.lbpHistogram(spot, 3, 3)[0], 0f);
  }

  @Test
  void areaAverageResizeIsExactOnBlocks() {
    RgbImage img = new RgbImage(4, 2, new float[] {0, 1, 2, 3, 4, 5, 6, 7}, new float[8], new float[8]);
    RgbImage half = img.resize(2, 1);
    assertArrayEquals(new float[] {(0 + 1 + 4 + 5) / 4f, (2 + 3 + 6 + 7) / 4f}, half.r(), 1e-6f);
  }

  @Test
  void greyScaleJpegDecodesToEqualChannels() throws IOException {
    BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(3, 3, 0, 200);
    Path file = tmp.resolve("grey.jpg");
    ImageIO.write(grey, "jpg", file.toFile());
    RgbImage img = RgbImage.read(file);
    assertEquals(16, img.width());
    assertArrayEquals(img.r(), img.g());
    assertArrayEquals(img.r(), img.b());
  }

  /** Adobe CMYK stores inverted samples: stored (255, 255, 255, 255) is no ink (white); stored K = 0 is black. */
  @Test
  void cmykRasterConvertsToRgb() {
    WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 2, 1, 4, null);
    r.setPixel(0, 0, new int[] {255, 255, 255, 255});
    r.setPixel(1, 0, new int[] {0, 255, 255, 255}); // full cyan
    RgbImage img = RgbImage.fromCmyk(r, true);
    assertArrayEquals(new float[] {1, 0}, img.r(), 1e-6f);
    assertArrayEquals(new float[] {1, 1}, img.g(), 1e-6f);
    assertArrayEquals(new float[] {1, 1}, img.b(), 1e-6f);
  }

  @Test
  void identityIsStableAndNamesTheStandIn() {
    assertEquals(PosterDescriptor.identity(), PosterDescriptor.identity());
    assertTrue(PosterDescriptor.identity().version().contains("not a CNN"));
  }
}
