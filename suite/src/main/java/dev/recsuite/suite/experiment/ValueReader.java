package dev.recsuite.suite.experiment;

import dev.recsuite.protocols.config.NearestName;
import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Converts one {@link ConfigNode} to a record component's type, with messages that name key and line. */
final class ValueReader {
  private ValueReader() {}

  static Object read(ConfigNode node, Type type, String key) {
    if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
      Type element = pt.getActualTypeArguments()[0];
      List<Object> out = new ArrayList<>();
      for (ConfigNode item : sequence(node, key)) {
        out.add(read(item, element, key));
      }
      return List.copyOf(out);
    }
    if (!(type instanceof Class<?> c)) {
      throw new IllegalStateException(key + ": config type " + type + " is not supported");
    }
    if (c.isArray()) {
      List<ConfigNode> items = sequence(node, key);
      Object out = Array.newInstance(c.getComponentType(), items.size());
      for (int i = 0; i < items.size(); i++) {
        Array.set(out, i, read(items.get(i), c.getComponentType(), key));
      }
      return out;
    }
    if (!(node instanceof ConfigNode.Scalar s)) {
      // Here c is a scalar type: arrays and lists were handled above.
      String note = node instanceof ConfigNode.Sequence ? " (a list makes a grid only for a model hyper-parameter)" : "";
      throw mismatch(node, key, expected(c), note);
    }
    if (s.kind() == ConfigNode.Scalar.Kind.NULL) {
      if (c.isPrimitive()) {
        throw mismatch(node, key, expected(c), "");
      }
      return null;
    }
    if (c == String.class) {
      return s.text();
    }
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
      if (s.kind() != ConfigNode.Scalar.Kind.INTEGER && s.kind() != ConfigNode.Scalar.Kind.STRING) {
        throw mismatch(node, key, expected(c), "");
      }
      try {
        long v = Long.parseLong(s.text().replace("_", ""));
        if ((c == int.class || c == Integer.class) && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
          throw mismatch(node, key, "an integer within the int range", "");
        }
        return c == int.class || c == Integer.class ? (Object) (int) v : (Object) v;
      } catch (NumberFormatException e) {
        throw mismatch(node, key, expected(c), "");
      }
    }
    if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
      if (s.kind() == ConfigNode.Scalar.Kind.BOOLEAN) {
        throw mismatch(node, key, expected(c), "");
      }
      try {
        double v = Double.parseDouble(s.text());
        return c == float.class || c == Float.class ? (Object) (float) v : (Object) v;
      } catch (NumberFormatException e) {
        throw mismatch(node, key, expected(c), "");
      }
    }
    if (c == boolean.class || c == Boolean.class) {
      if (s.kind() != ConfigNode.Scalar.Kind.BOOLEAN) {
        throw mismatch(node, key, expected(c), "");
      }
      return Boolean.parseBoolean(s.text());
    }
    if (c.isEnum()) {
      String want = s.text().toUpperCase(Locale.ROOT).replace('-', '_');
      List<String> names = new ArrayList<>();
      for (Object k : c.getEnumConstants()) {
        Enum<?> e = (Enum<?>) k;
        if (e.name().equals(want)) {
          return e;
        }
        names.add(e.name().toLowerCase(Locale.ROOT));
      }
      throw new ConfigException(node.location(), key + ": expected one of " + String.join(", ", names) + ", found '"
          + s.text() + "'" + NearestName.hint(s.text().toLowerCase(Locale.ROOT).replace('-', '_'), names));
    }
    throw new IllegalStateException(key + ": config type " + c.getName() + " is not supported");
  }

  private static List<ConfigNode> sequence(ConfigNode node, String key) {
    if (node instanceof ConfigNode.Sequence seq) {
      return seq.items();
    }
    throw mismatch(node, key, "a list", "");
  }

  private static String expected(Class<?> c) {
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
      return "an integer";
    }
    if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
      return "a number";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "true or false";
    }
    if (c.isEnum()) {
      return "one of " + Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT)).toList();
    }
    return c == String.class ? "text" : c.getSimpleName();
  }

  private static ConfigException mismatch(ConfigNode node, String key, String expected, String note) {
    return new ConfigException(node.location(), key + ": expected " + expected + ", found " + node.describe() + note);
  }
}
