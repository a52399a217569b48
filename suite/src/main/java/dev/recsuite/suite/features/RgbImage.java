package dev.recsuite.suite.features;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An 8-bit RGB image as three planes of floats in [0, 1], decoded with javax.imageio. Colour handling is done
 * here rather than by Java2D colour conversion (which changes grey levels of grey-scale JPEGs):
 * <ul>
 *   <li>3-channel JPEGs (YCbCr): the codec's RGB;
 *   <li>1-channel (grey-scale): R = G = B = the grey level;
 *   <li>4-channel (CMYK or YCCK, which the JPEG reader rejects): the raw raster, converted with the naive
 *       formula R = (1 - C)(1 - K) on Adobe's inverted CMYK values (no ICC profile).
 * </ul>
 *
 * @param r [height * width], row-major, also g and b
 */
public record RgbImage(int width, int height, float[] r, float[] g, float[] b) {
  public RgbImage {
    int n = width * height;
    if (width <= 0 || height <= 0 || r.length != n || g.length != n || b.length != n) {
      throw new IllegalArgumentException("RGB planes must have width * height = " + n + " values");
    }
  }

  /** Decodes an image file; fails with the file name when it cannot be decoded. */
  public static RgbImage read(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new IllegalArgumentException(file + ": cannot open as an image");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IllegalArgumentException(file + ": not an image format javax.imageio can read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        BufferedImage img;
        try {
          img = reader.read(0);
        } catch (IIOException e) {
          // ImageIO.read rejects 4-channel (CMYK/YCCK) JPEGs; their raw raster still decodes
          Raster raster = reader.readRaster(0, null);
          if (raster.getNumBands() != 4) {
            throw e;
          }
          // the CMYK JPEGs met in practice are Adobe's (APP14), which store inverted values
          return fromCmyk(raster, true);
        }
        if (img.getRaster().getNumBands() == 1) {
          return fromGrey(img.getRaster());
        }
        return fromImage(img);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot decode: " + e.getMessage(), e);
    }
  }

  static RgbImage fromImage(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
    float[] r = new float[w * h];
    float[] g = new float[w * h];
    float[] b = new float[w * h];
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      r[i] = ((p >> 16) & 0xff) / 255f;
      g[i] = ((p >> 8) & 0xff) / 255f;
      b[i] = (p & 0xff) / 255f;
    }
    return new RgbImage(w, h, r, g, b);
  }

  static RgbImage fromGrey(Raster raster) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    float[] v = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        v[y * w + x] = raster.getSample(raster.getMinX() + x, raster.getMinY() + y, 0) / 255f;
      }
    }
    return new RgbImage(w, h, v, v.clone(), v.clone());
  }

  /** Naive CMYK to RGB on 8-bit samples; {@code inverted} for Adobe files, which store 255 - value. */
  static RgbImage fromCmyk(Raster raster, boolean inverted) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    float[] r = new float[w * h];
    float[] g = new float[w * h];
    float[] b = new float[w * h];
    int[] px = new int[4];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raster.getPixel(raster.getMinX() + x, raster.getMinY() + y, px);
        float c = (inverted ? 255 - px[0] : px[0]) / 255f;
        float m = (inverted ? 255 - px[1] : px[1]) / 255f;
        float ye = (inverted ? 255 - px[2] : px[2]) / 255f;
        float k = (inverted ? 255 - px[3] : px[3]) / 255f;
        int i = y * w + x;
        r[i] = (1 - c) * (1 - k);
        g[i] = (1 - m) * (1 - k);
        b[i] = (1 - ye) * (1 - k);
      }
    }
    return new RgbImage(w, h, r, g, b);
  }

  /**
   * Area-average resampling to {@code w x h}: each output pixel is the mean of the source area it covers,
   * with fractional weights at the edges (separable; deterministic, unlike Java2D rendering hints).
   */
  public RgbImage resize(int w, int h) {
    return new RgbImage(w, h, resizePlane(r, w, h), resizePlane(g, w, h), resizePlane(b, w, h));
  }

  private float[] resizePlane(float[] src, int w, int h) {
    float[] rows = new float[height * w]; // horizontal pass: [height, w]
    double sx = (double) width / w;
    for (int x = 0; x < w; x++) {
      double x0 = x * sx;
      double x1 = x0 + sx;
      for (int y = 0; y < height; y++) {
        rows[y * w + x] = (float) (area(src, y * width, 1, width, x0, x1) / sx);
      }
    }
    float[] out = new float[h * w];
    double sy = (double) height / h;
    for (int y = 0; y < h; y++) {
      double y0 = y * sy;
      double y1 = y0 + sy;
      for (int x = 0; x < w; x++) {
        out[y * w + x] = (float) (area(rows, x, w, height, y0, y1) / sy);
      }
    }
    return out;
  }

  /** Integral over [a, b) of a piecewise-constant line of {@code n} samples at {@code base + i * stride}. */
  private static double area(float[] src, int base, int stride, int n, double a, double b) {
    double sum = 0;
    for (int i = (int) Math.floor(a); i < b && i < n; i++) {
      double cover = Math.min(b, i + 1) - Math.max(a, i);
      if (cover > 0) {
        sum += cover * src[base + i * stride];
      }
    }
    return sum;
  }

  /** Luma, ITU-R BT.601 weights: Y = 0.299 R + 0.587 G + 0.114 B. */
  public float[] luma() {
    float[] y = new float[r.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 0.299f * r[i] + 0.587f * g[i] + 0.114f * b[i];
    }
    return y;
  }
}
