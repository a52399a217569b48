package dev.recsuite.suite.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed YAML value that remembers where it was written, so that every config error can name the file
 * and line. Scalars keep their text; conversion to a type happens when a value binds to a record component.
 */
public sealed interface ConfigNode permits ConfigNode.Scalar, ConfigNode.Sequence, ConfigNode.Mapping {
  Location location();

  /** What the node is, for messages: "a list", "a mapping", "2.5", "'abc'". */
  String describe();

  /** A scalar as written, with the YAML parser's reading of its type. */
  record Scalar(String text, Kind kind, Location location) implements ConfigNode {
    public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    @Override
    public String describe() {
      return switch (kind) {
        case NULL -> "null";
        case STRING -> "'" + text + "'";
        default -> text;
      };
    }
  }

  record Sequence(List<ConfigNode> items, Location location) implements ConfigNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A mapping in file order; each entry keeps the location of its key. */
  record Mapping(Map<String, Entry> entries, Location location) implements ConfigNode {
    public record Entry(Location keyLocation, ConfigNode value) {}

    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static Mapping empty(Location location) {
      return new Mapping(Map.of(), location);
    }

    public Optional<Entry> entry(String key) {
      return Optional.ofNullable(entries.get(key));
    }

    public Optional<ConfigNode> get(String key) {
      return entry(key).map(Entry::value);
    }

    /** A copy with {@code key} set (replaced in place, or appended). */
    public Mapping with(String key, Entry entry) {
      Map<String, Entry> m = new LinkedHashMap<>(entries);
      m.put(key, entry);
      return new Mapping(m, location);
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }
}
