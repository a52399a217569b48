package dev.recsuite.protocols.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads an MMRec {@code NAME.inter} file (specs/baselines.md §2.1): tab-separated with a header naming
 * {@code userID} and {@code itemID} (required) and {@code rating}, {@code timestamp} and {@code x_label}
 * (optional; the shipped Baby file has only {@code userID itemID x_label}). Ids are kept as given (MMRec's
 * n = max id + 1), so item i is row i of the feature files, which {@link #readFeatures} loads and checks.
 */
public final class MmrecInterReader {
  private MmrecInterReader() {}

  public static Dataset read(String name, Path inter, Map<String, Path> featureFiles) {
    DatasetBuilder b;
    Chronology chronology;
    try (BufferedReader in = Files.newBufferedReader(inter, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new DataFormatException(inter, 1, "empty file; expected a header with userID and itemID");
      }
      List<String> cols = Arrays.asList(header.split("\t", -1));
      int cu = cols.indexOf("userID");
      int ci = cols.indexOf("itemID");
      if (cu < 0 || ci < 0) {
        throw new DataFormatException(inter, 1, "header must name userID and itemID (tab-separated); found " + cols);
      }
      int cr = cols.indexOf("rating");
      int ct = cols.indexOf("timestamp");
      int cl = cols.indexOf("x_label");
      b = new DatasetBuilder(name, DatasetBuilder.IdPolicy.NUMERIC, cr >= 0, ct >= 0, cl >= 0, false);
      chronology = ct >= 0 ? Chronology.TIMESTAMPS : Chronology.NONE;
      String line;
      long lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != cols.size()) {
          throw new DataFormatException(inter, lineNo, "expected " + cols.size() + " tab-separated fields " + cols + ", found " + f.length);
        }
        float rating = cr >= 0 ? Fields.parseFloat(inter, lineNo, "rating", f[cr]) : 0f;
        long ts = ct >= 0 ? Fields.parseTimestamp(inter, lineNo, f[ct]) : 0L;
        int label = 0;
        if (cl >= 0) {
          label = Fields.parseInt(inter, lineNo, "x_label", f[cl]);
          if (label < 0 || label > 2) {
            throw new DataFormatException(inter, lineNo, "x_label must be 0 (train), 1 (valid) or 2 (test), found " + label);
          }
        }
        Fields.checkNonNegativeInt(inter, lineNo, "userID", f[cu]);
        Fields.checkNonNegativeInt(inter, lineNo, "itemID", f[ci]);
        b.add(f[cu], f[ci], rating, ts, label, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + inter + ": " + e.getMessage(), e);
    }
    Dataset d = b.build(chronology);
    return featureFiles.isEmpty() ? d : d.withFeatures(readFeatures(d.nItems(), featureFiles));
  }

  /** Loads each modality's .npy and checks that it has one row per item. */
  public static Map<String, FeatureMatrix> readFeatures(int nItems, Map<String, Path> featureFiles) {
    var out = new java.util.LinkedHashMap<String, FeatureMatrix>();
    featureFiles.forEach((modality, file) -> {
      FeatureMatrix m = Npy.read(file);
      if (m.rows() != nItems) {
        throw new DataFormatException(file, "has " + m.rows() + " rows but the dataset has " + nItems
            + " items; row i must be the features of item i");
      }
      out.put(modality, m);
    });
    return out;
  }
}
