package dev.recsuite.suite.experiment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link ConfigNode}s with line numbers, through Jackson's streaming YAML parser (its tree
 * model drops locations). Duplicate keys are errors, not silent overrides.
 */
public final class YamlTree {
  private static final YAMLFactory YAML = new YAMLFactory();

  private YamlTree() {}

  /** A YAML file whose top level is a mapping (an empty file is an empty mapping). */
  public static ConfigNode.Mapping readDocument(Path file, String source, Location.Layer layer) {
    try {
      return parseDocument(Files.readString(file, StandardCharsets.UTF_8), source, layer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  public static ConfigNode.Mapping parseDocument(String text, String source, Location.Layer layer) {
    ConfigNode n = parse(text, source, layer, true);
    if (n == null) {
      return ConfigNode.Mapping.empty(new Location(layer, source, 1));
    }
    if (!(n instanceof ConfigNode.Mapping m)) {
      throw new ConfigException(n.location(), "expected a mapping of keys (e.g. 'models:') at the top level, found "
          + n.describe());
    }
    return m;
  }

  /** One value as written after {@code --set key=}: a scalar, {@code [a, b]} or {@code {k: v}}. */
  public static ConfigNode parseValue(String text, String source, Location.Layer layer) {
    ConfigNode n = parse(text, source, layer, false);
    return n != null ? n : new ConfigNode.Scalar("", ConfigNode.Scalar.Kind.NULL, Location.of(layer, source));
  }

  private static ConfigNode parse(String text, String source, Location.Layer layer, boolean withLines) {
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      ConfigNode n = node(p, t, source, layer, withLines);
      if (p.nextToken() != null) {
        throw new ConfigException(loc(p, source, layer, withLines), "more than one YAML document");
      }
      return n;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(new Location(layer, source, withLines ? Math.max(0, line) : 0),
          "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Location loc(JsonParser p, String source, Location.Layer layer, boolean withLines) {
    return new Location(layer, source, withLines ? p.currentTokenLocation().getLineNr() : 0);
  }

  private static ConfigNode node(JsonParser p, JsonToken t, String source, Location.Layer layer, boolean withLines)
      throws IOException {
    Location at = loc(p, source, layer, withLines);
    switch (t) {
      case START_OBJECT -> {
        Map<String, ConfigNode.Mapping.Entry> entries = new LinkedHashMap<>();
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
          String key = p.currentName();
          Location keyAt = loc(p, source, layer, withLines);
          ConfigNode value = node(p, p.nextToken(), source, layer, withLines);
          ConfigNode.Mapping.Entry old = entries.put(key, new ConfigNode.Mapping.Entry(keyAt, value));
          if (old != null) {
            throw new ConfigException(keyAt, "duplicate key '" + key + "' (first at line " + old.keyLocation().line() + ")");
          }
        }
        return new ConfigNode.Mapping(entries, at);
      }
      case START_ARRAY -> {
        List<ConfigNode> items = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(node(p, t, source, layer, withLines));
        }
        return new ConfigNode.Sequence(items, at);
      }
      default -> {
        ConfigNode.Scalar.Kind kind = switch (t) {
          case VALUE_NUMBER_INT -> ConfigNode.Scalar.Kind.INTEGER;
          case VALUE_NUMBER_FLOAT -> ConfigNode.Scalar.Kind.FLOAT;
          case VALUE_TRUE, VALUE_FALSE -> ConfigNode.Scalar.Kind.BOOLEAN;
          case VALUE_NULL -> ConfigNode.Scalar.Kind.NULL;
          default -> ConfigNode.Scalar.Kind.STRING;
        };
        String text = kind == ConfigNode.Scalar.Kind.BOOLEAN ? Boolean.toString(t == JsonToken.VALUE_TRUE) : p.getText();
        return new ConfigNode.Scalar(text, kind, at);
      }
    }
  }
}
