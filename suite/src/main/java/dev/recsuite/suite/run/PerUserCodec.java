package dev.recsuite.suite.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Per-user metric vectors in result files: little-endian float64, gzip, base64. Exact (the paired tests
 * need full precision) and about a tenth of the size of JSON numbers.
 */
public final class PerUserCodec {
  private PerUserCodec() {}

  public static String encode(double[] values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      b.putDouble(v);
    }
    return Base64.getEncoder().encodeToString(gzip(b.array()));
  }

  public static String encode(int[] values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    return Base64.getEncoder().encodeToString(gzip(b.array()));
  }

  public static double[] decodeDoubles(String s) {
    ByteBuffer b = ByteBuffer.wrap(gunzip(Base64.getDecoder().decode(s))).order(ByteOrder.LITTLE_ENDIAN);
    double[] out = new double[b.remaining() / 8];
    for (int k = 0; k < out.length; k++) {
      out[k] = b.getDouble();
    }
    return out;
  }

  public static int[] decodeInts(String s) {
    ByteBuffer b = ByteBuffer.wrap(gunzip(Base64.getDecoder().decode(s))).order(ByteOrder.LITTLE_ENDIAN);
    int[] out = new int[b.remaining() / 4];
    for (int k = 0; k < out.length; k++) {
      out[k] = b.getInt();
    }
    return out;
  }

  private static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bos.toByteArray();
  }

  private static byte[] gunzip(byte[] z) {
    try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(z))) {
      return gz.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt per-user vector: " + e.getMessage(), e);
    }
  }
}
