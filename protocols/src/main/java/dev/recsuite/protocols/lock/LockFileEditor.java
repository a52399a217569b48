package dev.recsuite.protocols.lock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes one {@link LockedFeature} into {@code datasets.lock} as text, so that the rest of the file (comments,
 * flow-style lines, order) stays as it was: it replaces the block {@code datasets.NAME.features.MODALITY}, or
 * adds it. The result is parsed back and must give the same record, otherwise nothing is written.
 */
public final class LockFileEditor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private LockFileEditor() {}

  /** Replaces or adds the feature in the lock file, atomically. */
  public static void putFeature(Path lockFile, String dataset, String modality, LockedFeature feature) {
    try {
      String text = Files.readString(lockFile, StandardCharsets.UTF_8);
      String updated = putFeature(text, dataset, modality, feature);
      Path tmp = lockFile.resolveSibling(lockFile.getFileName() + ".tmp");
      Files.writeString(tmp, updated, StandardCharsets.UTF_8);
      DatasetsLock check = DatasetsLock.read(tmp);
      LockedFeature back = check.entry(dataset).features().get(modality);
      if (!feature.equals(back)) {
        Files.deleteIfExists(tmp);
        throw new IllegalStateException("writing features." + modality + " of " + dataset + " into " + lockFile
            + " would not read back the same record (read " + back + "); the file was left unchanged");
      }
      Files.move(tmp, lockFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + lockFile + ": " + e.getMessage(), e);
    }
  }

  /** The lock text with {@code datasets.DATASET.features.MODALITY} replaced or added. */
  public static String putFeature(String text, String dataset, String modality, LockedFeature feature) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int datasets = findKey(lines, 0, lines.size(), 0, "datasets");
    if (datasets < 0) {
      throw new IllegalArgumentException("datasets.lock has no top-level 'datasets:' map");
    }
    int entry = findKey(lines, datasets + 1, blockEnd(lines, datasets, 0), 2, dataset);
    if (entry < 0) {
      throw new IllegalArgumentException("datasets.lock has no dataset '" + dataset + "'");
    }
    int entryEnd = blockEnd(lines, entry, 2);
    int features = findKey(lines, entry + 1, entryEnd, 4, "features");
    List<String> block = render(modality, feature);
    if (features < 0) {
      List<String> withHeader = new ArrayList<>();
      withHeader.add("    features:");
      withHeader.addAll(block);
      lines.addAll(trimTrailingBlank(lines, entry, entryEnd), withHeader);
    } else {
      int featuresEnd = blockEnd(lines, features, 4);
      int existing = findKey(lines, features + 1, featuresEnd, 6, modality);
      if (existing < 0) {
        lines.addAll(trimTrailingBlank(lines, features, featuresEnd), block);
      } else {
        int existingEnd = trimTrailingBlank(lines, existing, blockEnd(lines, existing, 6));
        lines.subList(existing, existingEnd).clear();
        lines.addAll(existing, block);
      }
    }
    return String.join("\n", lines);
  }

  /** The YAML lines of one feature at indent 6, nested maps in flow style. */
  static List<String> render(String modality, LockedFeature f) {
    List<String> out = new ArrayList<>();
    out.add("      " + key(modality) + ":");
    String in = "        ";
    out.add(in + "file: " + scalar(f.file()));
    Map<String, Object> enc = new LinkedHashMap<>();
    enc.put("name", f.encoder().name());
    enc.put("version", f.encoder().version());
    enc.put("sha256", f.encoder().sha256());
    enc.put("components", f.encoder().components());
    out.add(in + "encoder: " + flow(enc));
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("fields", f.inputs().fields());
    inputs.put("sha256", f.inputs().sha256());
    out.add(in + "inputs: " + flow(inputs));
    out.add(in + "params: " + flow(f.params()));
    out.add(in + "row_order: " + scalar(f.rowOrder()));
    if (f.missing() != null) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("items", f.missing().items());
      m.put("rule", f.missing().rule());
      out.add(in + "missing: " + flow(m));
    }
    LockedFeature.Output o = f.output();
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("rows", o.rows());
    output.put("cols", o.cols());
    output.put("dtype", o.dtype());
    output.put("size", o.size());
    output.put("sha256", o.sha256());
    out.add(in + "output: " + flow(output));
    return out;
  }

  private static String flow(Object v) {
    if (v instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      m.forEach((k, x) -> parts.add(key(String.valueOf(k)) + ": " + flow(x)));
      return "{" + String.join(", ", parts) + "}";
    }
    if (v instanceof List<?> l) {
      return "[" + String.join(", ", l.stream().map(LockFileEditor::flow).toList()) + "]";
    }
    if (v instanceof Number || v instanceof Boolean) {
      return String.valueOf(v);
    }
    return scalar(String.valueOf(v));
  }

  /** A string as a double-quoted scalar (JSON escaping is valid YAML). */
  private static String scalar(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String key(String k) {
    return SIMPLE_KEY.matcher(k).matches() ? k : scalar(k);
  }

  /** The line index of {@code key:} at exactly {@code indent} spaces within [from, to), or -1. */
  private static int findKey(List<String> lines, int from, int to, int indent, String key) {
    String plain = " ".repeat(indent) + key + ":";
    String quoted = " ".repeat(indent) + "\"" + key + "\":";
    for (int i = from; i < to; i++) {
      String l = stripComment(lines.get(i)).stripTrailing();
      if (l.equals(plain) || l.equals(quoted)) {
        return i;
      }
      if ((l.startsWith(plain) || l.startsWith(quoted)) && indentOf(lines.get(i)) == indent) {
        throw new IllegalArgumentException("datasets.lock line " + (i + 1) + ": '" + key + "' must be a block map to edit"
            + " it automatically; found: " + lines.get(i).strip());
      }
    }
    return -1;
  }

  /** The index after the last line belonging to the block opened at {@code start} (with key indent {@code indent}). */
  private static int blockEnd(List<String> lines, int start, int indent) {
    for (int i = start + 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank() || l.strip().startsWith("#")) {
        continue;
      }
      if (indentOf(l) <= indent) {
        return i;
      }
    }
    return lines.size();
  }

  /** Moves a block end back over trailing blank and comment lines, so inserted lines stay in the block. */
  private static int trimTrailingBlank(List<String> lines, int start, int end) {
    int e = end;
    while (e > start + 1 && (lines.get(e - 1).isBlank() || lines.get(e - 1).strip().startsWith("#"))) {
      e--;
    }
    return e;
  }

  private static int indentOf(String l) {
    int n = 0;
    while (n < l.length() && l.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  private static String stripComment(String l) {
    int hash = l.indexOf(" #");
    return hash < 0 ? l : l.substring(0, hash);
  }
}
