package dev.recsuite.reports.paper;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of a paper resource file with its path ({@code papers/wave-dgarec.yaml: tables[1].rows}), so that every
 * error names the file and the key, what was found and what was expected. Mappings reject keys they do not know.
 */
final class SpecNode {
  private final String file;
  private final String path;
  private final JsonNode node;

  SpecNode(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  String where() {
    return file + ": " + (path.isEmpty() ? "(top level)" : path);
  }

  IllegalArgumentException error(String message) {
    return new IllegalArgumentException(where() + ": " + message);
  }

  boolean isText() {
    return node.isTextual() || node.isNumber() || node.isBoolean();
  }

  /** Throws unless this is a mapping whose keys are all in {@code allowed}. */
  SpecNode requireKeys(Set<String> allowed) {
    if (!node.isObject()) {
      throw error("expected a mapping, found " + kind());
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException(where() + ": unknown key '" + k + "'; expected one of " + allowed);
      }
    }
    return this;
  }

  boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  SpecNode get(String key) {
    if (!has(key)) {
      throw error("missing key '" + key + "'");
    }
    return child(key, node.get(key));
  }

  String text() {
    if (!isText()) {
      throw error("expected a text value, found " + kind());
    }
    return node.asText();
  }

  String text(String key) {
    return get(key).text();
  }

  String text(String key, String fallback) {
    return has(key) ? text(key) : fallback;
  }

  double number(String key, double fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode v = node.get(key);
    if (!v.isNumber()) {
      throw child(key, v).error("expected a number, found '" + v.asText() + "'");
    }
    return v.asDouble();
  }

  boolean bool(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode v = node.get(key);
    if (!v.isBoolean()) {
      throw child(key, v).error("expected true or false, found '" + v.asText() + "'");
    }
    return v.asBoolean();
  }

  /** The items of a sequence (an absent key gives an empty list). */
  List<SpecNode> list(String key) {
    if (!has(key)) {
      return List.of();
    }
    JsonNode v = node.get(key);
    if (!v.isArray()) {
      throw child(key, v).error("expected a list, found " + describe(v));
    }
    List<SpecNode> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(new SpecNode(file, path(key) + "[" + i + "]", v.get(i)));
    }
    return out;
  }

  List<String> texts(String key) {
    return list(key).stream().map(SpecNode::text).toList();
  }

  /** This node's items when it is a sequence. */
  List<SpecNode> items() {
    if (!node.isArray()) {
      throw error("expected a list, found " + kind());
    }
    List<SpecNode> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(new SpecNode(file, path + "[" + i + "]", node.get(i)));
    }
    return out;
  }

  /** The entries of a mapping, in file order (an absent key gives an empty map); null values stay null. */
  Map<String, SpecNode> entries(String key) {
    if (!has(key)) {
      return Map.of();
    }
    JsonNode v = node.get(key);
    if (!v.isObject()) {
      throw child(key, v).error("expected a mapping, found " + describe(v));
    }
    Map<String, SpecNode> out = new LinkedHashMap<>();
    v.fields().forEachRemaining(e -> out.put(e.getKey(),
        e.getValue().isNull() ? null : new SpecNode(file, path(key) + "." + e.getKey(), e.getValue())));
    return out;
  }

  private SpecNode child(String key, JsonNode v) {
    return new SpecNode(file, path(key), v);
  }

  private String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private String kind() {
    return describe(node);
  }

  private static String describe(JsonNode v) {
    if (v.isObject()) {
      return "a mapping";
    }
    if (v.isArray()) {
      return "a list";
    }
    return "'" + v.asText() + "'";
  }
}
