package dev.recsuite.protocols.lock;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.recsuite.protocols.config.NearestName;
import dev.recsuite.protocols.config.YamlKeyLine;
import dev.recsuite.protocols.data.DataFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The parsed {@code datasets.lock} (YAML). Unknown keys are errors that name the line and the nearest valid
 * key, because a misspelt key in a lock would silently unpin something.
 */
public record DatasetsLock(int version, Map<String, LockEntry> datasets) {
  public static final String FILE_NAME = "datasets.lock";

  public DatasetsLock {
    datasets = datasets == null ? Map.of() : new TreeMap<>(datasets);
  }

  public LockEntry entry(String name) {
    LockEntry e = datasets.get(name);
    if (e == null) {
      throw new IllegalArgumentException("dataset '" + name + "' is not in " + FILE_NAME
          + NearestName.hint(name, datasets.keySet()) + " (known: " + String.join(", ", datasets.keySet()) + ")");
    }
    return e;
  }

  static ObjectMapper yaml() {
    return new ObjectMapper(new YAMLFactory())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  public static DatasetsLock read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      DatasetsLock lock = yaml().readValue(text, DatasetsLock.class);
      lock.datasets().forEach((name, e) -> {
        if (e.format() == null) {
          throw new DataFormatException(file, "dataset '" + name + "' has no 'format'");
        }
        if (e.expected() == null) {
          throw new DataFormatException(file, "dataset '" + name + "' has no 'expected' statistics");
        }
      });
      return lock;
    } catch (UnrecognizedPropertyException e) {
      var known = e.getKnownPropertyIds().stream().map(Object::toString).collect(Collectors.toList());
      long line = YamlKeyLine.find(text, e.getPropertyName(), line(e.getLocation()));
      throw new DataFormatException(file, line, "unknown key '" + e.getPropertyName() + "' at "
          + path(e) + NearestName.hint(e.getPropertyName(), known) + " (valid: " + String.join(", ", known) + ")");
    } catch (JsonMappingException e) {
      throw new DataFormatException(file, line(e.getLocation()), "at " + path(e) + ": " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new DataFormatException(file, line(e.getLocation()), e.getOriginalMessage());
    }
  }

  private static long line(JsonLocation loc) {
    return loc == null ? 0 : loc.getLineNr();
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "top level" : sb.toString();
  }
}
