package dev.recsuite.suite.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.recsuite.suite.run.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The results store: one JSON file per finished run, {@code STORE/runs/ID.json}, named by the run's
 * content-derived id ({@link dev.recsuite.suite.run.RunKey}). A file exists only once its run has finished
 * (written by {@link AtomicFiles}), so "is the file there" is the whole resume logic. Stores merge by copying
 * files: equal ids are equal runs. Hidden {@code .*.tmp} files left by a killed writer are ignored.
 */
public final class RunStore {
  public static final String RUNS = "runs";
  private static final Pattern ID = Pattern.compile("[0-9a-f]{20}");

  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build(); // NaN is written as the string "NaN" and read back

  private final Path root;

  public RunStore(Path root) {
    this.root = root;
  }

  /** The mapper of run files (snake_case keys, nulls left out). */
  public static ObjectMapper json() {
    return JSON;
  }

  public Path root() {
    return root;
  }

  public Path file(String id) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("'" + id + "' is not a run id (20 hex digits)");
    }
    return root.resolve(RUNS).resolve(id + ".json");
  }

  public boolean contains(String id) {
    return Files.isRegularFile(file(id));
  }

  public RunRecord read(String id) {
    return read(file(id));
  }

  public static RunRecord read(Path file) {
    try {
      return JSON.readValue(file.toFile(), RunRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read run record " + file + ": " + e.getMessage(), e);
    }
  }

  public void write(RunRecord record) {
    try {
      AtomicFiles.write(file(record.id()), JSON.writeValueAsBytes(record));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise run " + record.id() + ": " + e.getMessage(), e);
    }
  }

  /** Ids of every finished run, sorted; temporary files and other names are not runs. */
  public List<String> ids() {
    Path dir = root.resolve(RUNS);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5)).filter(n -> ID.matcher(n).matches()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Temporary files left by writers that were killed before their rename (harmless; safe to delete). */
  public List<Path> leftoverTemporaryFiles() {
    Path dir = root.resolve(RUNS);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".") && p.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  public List<RunRecord> list() {
    List<RunRecord> out = new ArrayList<>();
    for (String id : ids()) {
      out.add(read(id));
    }
    return out;
  }

  /** The one id starting with {@code prefix}; an error if none or several do. */
  public String resolve(String prefix) {
    List<String> hits = ids().stream().filter(id -> id.startsWith(prefix)).toList();
    if (hits.isEmpty()) {
      throw new IllegalArgumentException("no run '" + prefix + "' in " + root.resolve(RUNS));
    }
    if (hits.size() > 1) {
      throw new IllegalArgumentException("run id prefix '" + prefix + "' is ambiguous: " + String.join(", ",
          hits.subList(0, Math.min(5, hits.size()))) + (hits.size() > 5 ? ", ..." : ""));
    }
    return hits.get(0);
  }

  public boolean remove(String id) {
    try {
      return Files.deleteIfExists(file(id));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file(id) + ": " + e.getMessage(), e);
    }
  }
}
