package dev.recsuite.protocols.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads RecBole atomic files: a tab-separated {@code .inter} whose header types every field
 * ({@code user_id:token item_id:token rating:float timestamp:float}), and an optional {@code .item} file
 * whose token and token_seq columns become item text (e.g. {@code movie_title}, {@code class}).
 * Ids are mapped in order of first appearance in the {@code .inter} file.
 */
public final class RecBoleAtomicReader {
  private static final Set<String> TYPES = Set.of("token", "token_seq", "float", "float_seq");

  private RecBoleAtomicReader() {}

  public static Dataset read(String name, Path inter, Path itemFile) {
    DatasetBuilder b;
    boolean hasTime;
    try (BufferedReader in = Files.newBufferedReader(inter, StandardCharsets.UTF_8)) {
      List<String[]> header = header(inter, in.readLine());
      int cu = column(header, "user_id");
      int ci = column(header, "item_id");
      if (cu < 0 || ci < 0) {
        throw new DataFormatException(inter, 1, "header must have user_id:token and item_id:token; found " + names(header));
      }
      int cr = column(header, "rating");
      int ct = column(header, "timestamp");
      hasTime = ct >= 0;
      b = new DatasetBuilder(name, DatasetBuilder.IdPolicy.MAPPED, cr >= 0, hasTime, false, false);
      String line;
      long lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != header.size()) {
          throw new DataFormatException(inter, lineNo, "expected " + header.size() + " tab-separated fields " + names(header) + ", found " + f.length);
        }
        float rating = cr >= 0 ? Fields.parseFloat(inter, lineNo, "rating", f[cr]) : 0f;
        long ts = hasTime ? Fields.parseTimestamp(inter, lineNo, f[ct]) : 0L;
        b.add(f[cu], f[ci], rating, ts, 0, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + inter + ": " + e.getMessage(), e);
    }
    if (itemFile != null) {
      readItems(itemFile, b);
    }
    return b.build(hasTime ? Chronology.TIMESTAMPS : Chronology.NONE);
  }

  private static void readItems(Path itemFile, DatasetBuilder b) {
    try (BufferedReader in = Files.newBufferedReader(itemFile, StandardCharsets.UTF_8)) {
      List<String[]> header = header(itemFile, in.readLine());
      int ci = column(header, "item_id");
      if (ci < 0) {
        throw new DataFormatException(itemFile, 1, "header must have item_id:token; found " + names(header));
      }
      Map<String, Map<String, String>> text = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        if (c != ci && header.get(c)[1].startsWith("token")) {
          text.put(header.get(c)[0], new HashMap<>());
        }
      }
      String line;
      long lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != header.size()) {
          throw new DataFormatException(itemFile, lineNo, "expected " + header.size() + " tab-separated fields " + names(header) + ", found " + f.length);
        }
        for (int c = 0; c < header.size(); c++) {
          Map<String, String> col = text.get(header.get(c)[0]);
          if (col != null && c != ci) {
            col.put(f[ci], f[c]);
          }
        }
      }
      text.forEach(b::itemText);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + itemFile + ": " + e.getMessage(), e);
    }
  }

  private static List<String[]> header(Path file, String line) {
    if (line == null) {
      throw new DataFormatException(file, 1, "empty file; expected a typed header such as user_id:token");
    }
    List<String[]> out = new ArrayList<>();
    for (String field : line.split("\t", -1)) {
      int colon = field.lastIndexOf(':');
      if (colon <= 0 || !TYPES.contains(field.substring(colon + 1))) {
        throw new DataFormatException(file, 1, "header field '" + field + "' must be name:type with type in " + TYPES);
      }
      out.add(new String[] {field.substring(0, colon), field.substring(colon + 1)});
    }
    return out;
  }

  private static int column(List<String[]> header, String name) {
    for (int c = 0; c < header.size(); c++) {
      if (header.get(c)[0].equals(name)) {
        return c;
      }
    }
    return -1;
  }

  private static List<String> names(List<String[]> header) {
    return header.stream().map(h -> h[0] + ":" + h[1]).toList();
  }
}
