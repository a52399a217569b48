package dev.recsuite.protocols.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads item text from a tab-separated file with a header whose first column is the external item id
 * (e.g. {@code movielens-100k-mm/items.tsv}: itemID, title, genres, imdb_description, ...). Every other
 * column becomes an item text column; items the file does not list get "".
 */
public final class ItemTextFile {
  private ItemTextFile() {}

  public static Map<String, String[]> read(Path file, Dataset d) {
    Map<String, Integer> internal = new HashMap<>();
    for (int i = 0; i < d.nItems(); i++) {
      internal.put(d.itemKey(i), i);
    }
    Map<String, String[]> out = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new DataFormatException(file, 1, "empty file; expected a header whose first column is the item id");
      }
      String[] cols = header.split("\t", -1);
      for (int c = 1; c < cols.length; c++) {
        String[] col = new String[d.nItems()];
        java.util.Arrays.fill(col, "");
        out.put(cols[c], col);
      }
      String line;
      long lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != cols.length) {
          throw new DataFormatException(file, lineNo, "expected " + cols.length + " tab-separated fields, found " + f.length);
        }
        Integer item = internal.get(f[0].strip());
        if (item == null) {
          continue; // an item the interactions never mention (dropped by filtering)
        }
        for (int c = 1; c < cols.length; c++) {
          out.get(cols[c])[item] = f[c];
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return out;
  }
}
