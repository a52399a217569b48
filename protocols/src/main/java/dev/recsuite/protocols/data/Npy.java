package dev.recsuite.protocols.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes 2-D NumPy {@code .npy} files as {@link FeatureMatrix}, following the format
 * specification in {@code numpy/lib/format.py}: the magic {@code \x93NUMPY}, a major/minor version, a
 * little-endian header length (2 bytes in version 1, 4 bytes in versions 2 and 3), and a Python-literal dict
 * with {@code descr}, {@code fortran_order} and {@code shape}; version 3 headers are UTF-8, earlier ones
 * Latin-1.
 *
 * <p>Accepted: versions 1 to 3, dtype {@code <f4} or {@code <f8} (float64 is narrowed to float32, as MMRec
 * does on load), C order, two dimensions. Anything else is rejected with a message naming the file, because
 * silently reinterpreting a Fortran-order or big-endian file would scramble every feature.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  private Npy() {}

  public static FeatureMatrix read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(file, bytes);
  }

  static FeatureMatrix parse(Path file, byte[] bytes) {
    if (bytes.length < 10) {
      throw new DataFormatException(file, "not a .npy file: " + bytes.length + " bytes, shorter than the 10-byte preamble");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        throw new DataFormatException(file, "not a .npy file: missing the \\x93NUMPY magic string");
      }
    }
    int major = bytes[6] & 0xff;
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLen;
    int headerStart;
    if (major == 1) {
      headerLen = buf.getShort(8) & 0xffff;
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw new DataFormatException(file, "truncated .npy preamble");
      }
      headerLen = buf.getInt(8);
      headerStart = 12;
    } else {
      throw new DataFormatException(file, "unsupported .npy format version " + major + "." + (bytes[7] & 0xff) + " (supported: 1.x, 2.x, 3.x)");
    }
    if (headerLen < 0 || headerStart + (long) headerLen > bytes.length) {
      throw new DataFormatException(file, "truncated .npy header: it declares " + headerLen + " bytes, the file has " + (bytes.length - headerStart));
    }
    String header = new String(bytes, headerStart, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Map<String, Object> dict = HeaderParser.parse(file, header);
    Object descr = dict.get("descr");
    Object fortran = dict.get("fortran_order");
    Object shape = dict.get("shape");
    if (!(descr instanceof String) || !(fortran instanceof Boolean) || !(shape instanceof List)) {
      throw new DataFormatException(file, ".npy header must have 'descr' (str), 'fortran_order' (bool) and 'shape' (tuple); got " + header.strip());
    }
    if ((Boolean) fortran) {
      throw new DataFormatException(file, "Fortran-order arrays are not supported; save the array in C order (np.ascontiguousarray)");
    }
    int itemSize;
    switch ((String) descr) {
      case "<f4" -> itemSize = 4;
      case "<f8" -> itemSize = 8;
      default -> throw new DataFormatException(file, "unsupported dtype '" + descr + "'; expected '<f4' (float32) or '<f8' (float64), little-endian");
    }
    @SuppressWarnings("unchecked")
    List<Long> dims = (List<Long>) shape;
    if (dims.size() != 2) {
      throw new DataFormatException(file, "expected a 2-D array (items x features), got shape " + dims);
    }
    long rows = dims.get(0);
    long cols = dims.get(1);
    long count = rows * cols;
    if (cols <= 0 || count > Integer.MAX_VALUE) {
      throw new DataFormatException(file, "unsupported shape " + dims);
    }
    int dataStart = headerStart + headerLen;
    long expectedBytes = count * itemSize;
    long actual = bytes.length - (long) dataStart;
    if (actual != expectedBytes) {
      throw new DataFormatException(file, (actual < expectedBytes ? "truncated" : "oversized") + " data: shape " + dims + " of "
          + descr + " needs " + expectedBytes + " bytes, the file has " + actual);
    }
    float[] data = new float[(int) count];
    if (itemSize == 4) {
      buf.position(dataStart);
      buf.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
    } else {
      buf.position(dataStart);
      var doubles = buf.slice().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
      for (int i = 0; i < data.length; i++) {
        data[i] = (float) doubles.get(i);
      }
    }
    return new FeatureMatrix((int) rows, (int) cols, data);
  }

  /** Writes a version 1.0, {@code <f4}, C-order file, with the header padded to 64 bytes as NumPy does. */
  public static void write(Path file, FeatureMatrix m) {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + m.rows() + ", " + m.cols() + "), }";
    int unpadded = 10 + dict.length() + 1;
    int pad = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + 4 * m.data().length).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
    buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
    buf.asFloatBuffer().put(m.data());
    try {
      Files.write(file, buf.array());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** A parser for the small subset of Python literals that .npy headers use: dict, str, bool, int tuple. */
  private static final class HeaderParser {
    private final Path file;
    private final String s;
    private int p;

    private HeaderParser(Path file, String s) {
      this.file = file;
      this.s = s;
    }

    static Map<String, Object> parse(Path file, String header) {
      HeaderParser hp = new HeaderParser(file, header);
      hp.skipSpace();
      Object v = hp.value();
      if (!(v instanceof Map)) {
        throw new DataFormatException(file, ".npy header is not a dict: " + header.strip());
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) v;
      return m;
    }

    private Object value() {
      skipSpace();
      if (p >= s.length()) {
        throw fail("unexpected end");
      }
      char c = s.charAt(p);
      if (c == '{') {
        p++;
        Map<String, Object> m = new LinkedHashMap<>();
        while (true) {
          skipSpace();
          if (peek() == '}') {
            p++;
            return m;
          }
          Object k = value();
          if (!(k instanceof String)) {
            throw fail("dict key must be a string");
          }
          skipSpace();
          expect(':');
          m.put((String) k, value());
          skipSpace();
          if (peek() == ',') {
            p++;
          }
        }
      }
      if (c == '(') {
        p++;
        List<Long> items = new ArrayList<>();
        while (true) {
          skipSpace();
          if (peek() == ')') {
            p++;
            return items;
          }
          Object v = value();
          if (!(v instanceof Long)) {
            throw fail("shape entries must be integers");
          }
          items.add((Long) v);
          skipSpace();
          if (peek() == ',') {
            p++;
          }
        }
      }
      if (c == '\'' || c == '"') {
        int end = s.indexOf(c, p + 1);
        if (end < 0) {
          throw fail("unterminated string");
        }
        String str = s.substring(p + 1, end);
        p = end + 1;
        return str;
      }
      if (s.startsWith("True", p)) {
        p += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("False", p)) {
        p += 5;
        return Boolean.FALSE;
      }
      int start = p;
      while (p < s.length() && (Character.isDigit(s.charAt(p)) || s.charAt(p) == 'L')) {
        p++;
      }
      if (start == p) {
        throw fail("unexpected character '" + c + "'");
      }
      return Long.parseLong(s.substring(start, p).replace("L", ""));
    }

    private char peek() {
      if (p >= s.length()) {
        throw fail("unexpected end");
      }
      return s.charAt(p);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw fail("expected '" + c + "'");
      }
      p++;
    }

    private void skipSpace() {
      while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
        p++;
      }
    }

    private DataFormatException fail(String what) {
      return new DataFormatException(file, "malformed .npy header at character " + p + ": " + what + " in " + s.strip());
    }
  }
}
