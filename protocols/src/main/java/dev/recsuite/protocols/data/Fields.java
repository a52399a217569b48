package dev.recsuite.protocols.data;

import java.nio.file.Path;

/** Field parsers shared by the readers: each failure names the file, line, column and the bad value. */
final class Fields {
  private Fields() {}

  static int parseInt(Path file, long line, String column, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new DataFormatException(file, line, column + " must be an integer, found '" + value + "'");
    }
  }

  static void checkNonNegativeInt(Path file, long line, String column, String value) {
    if (parseInt(file, line, column, value) < 0) {
      throw new DataFormatException(file, line, column + " must be a non-negative integer id, found '" + value + "'");
    }
  }

  /** Sequence and MovieLens ids are integers by format; a token that is not is a corrupt file, not an id. */
  static String integerId(Path file, long line, String column, String value) {
    parseInt(file, line, column, value);
    return value.strip();
  }

  static float parseFloat(Path file, long line, String column, String value) {
    try {
      float v = Float.parseFloat(value.strip());
      if (!Float.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new DataFormatException(file, line, column + " must be a finite number, found '" + value + "'");
    }
  }

  /** Unix seconds; RecBole writes them as floats ("881250949.0"), so a float form is accepted if integral. */
  static long parseTimestamp(Path file, long line, String value) {
    String v = value.strip();
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(v);
        if (d == Math.rint(d) && Math.abs(d) < 1e18) {
          return (long) d;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new DataFormatException(file, line, "timestamp must be an integer (Unix time), found '" + value + "'");
    }
  }
}
