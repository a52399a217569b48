package dev.recsuite.suite.experiment;

import dev.recsuite.protocols.config.NearestName;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds layered config values to a {@code Config} record by one mechanical rule: the snake_case key
 * {@code reg_weight} is the record component {@code regWeight} (each upper-case letter of the component
 * name becomes {@code _} and its lower-case letter). The record is built through its canonical
 * constructor, so its compact-constructor validation runs; a value no layer sets comes from the defaults
 * record. Unknown keys, wrong types and rejected values are {@link ConfigException}s naming the file and
 * line.
 *
 * <p>Types: {@code int}, {@code long}, {@code double}, {@code float}, {@code boolean} (and boxes),
 * {@code String}, enums (case-insensitive, {@code -} for {@code _}), arrays and {@code List}s of those.
 */
public final class RecordBinder {
  private RecordBinder() {}

  /** A bound record and, for every component key, the origin of its value ({@link Location#origin()}). */
  public record Bound<R extends Record>(R value, Map<String, String> origins) {}

  /** The experiment key of a record component: {@code embeddingSize} -> {@code embedding_size}. */
  public static String key(String component) {
    StringBuilder sb = new StringBuilder(component.length() + 4);
    for (char c : component.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The valid keys of a record type, in component order. */
  public static List<String> keys(Class<? extends Record> type) {
    List<String> keys = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      keys.add(key(c.getName()));
    }
    return keys;
  }

  /**
   * Binds {@code type} from {@code layers} (lowest first; each may be null), falling back to {@code defaults}.
   *
   * @param path the section's dotted path for messages, e.g. {@code models.BPR}
   * @param defaultsAt where the defaults come from, e.g. {@code model: BPR.Config.defaults()}
   */
  public static <R extends Record> Bound<R> bind(Class<R> type, R defaults, Location defaultsAt, List<ConfigNode.Mapping> layers,
      String path) {
    List<String> keys = keys(type);
    for (ConfigNode.Mapping layer : layers) {
      if (layer != null) {
        checkKeys(layer, keys, path, type);
      }
    }
    RecordComponent[] comps = type.getRecordComponents();
    Object[] args = new Object[comps.length];
    Class<?>[] types = new Class<?>[comps.length];
    Map<String, String> origins = new LinkedHashMap<>();
    Map<String, Location> given = new LinkedHashMap<>();
    for (int k = 0; k < comps.length; k++) {
      String key = keys.get(k);
      types[k] = comps[k].getType();
      ConfigNode.Mapping.Entry top = null;
      for (int l = layers.size() - 1; l >= 0 && top == null; l--) {
        if (layers.get(l) != null) {
          top = layers.get(l).entries().get(key);
        }
      }
      if (top != null) {
        args[k] = ValueReader.read(top.value(), comps[k].getGenericType(), path + "." + key);
        origins.put(key, top.value().location().origin());
        given.put(key, top.value().location());
      } else if (defaults != null) {
        args[k] = accessor(comps[k], defaults);
        origins.put(key, defaultsAt.origin());
      } else {
        throw new ConfigException(sectionLocation(layers, defaultsAt), "missing key '" + path + "." + key + "' ("
            + type.getSimpleName() + " has no default for it)");
      }
    }
    return new Bound<>(construct(type, types, args, given, sectionLocation(layers, defaultsAt)), origins);
  }

  /** The record's values by key, with enums as lower-case names and arrays as lists (for JSON and run ids). */
  public static Map<String, Object> values(Record r) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      m.put(key(c.getName()), plain(accessor(c, r)));
    }
    return m;
  }

  private static Object plain(Object v) {
    if (v instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    }
    if (v != null && v.getClass().isArray()) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < Array.getLength(v); i++) {
        out.add(plain(Array.get(v, i)));
      }
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(RecordBinder::plain).toList();
    }
    return v;
  }

  private static void checkKeys(ConfigNode.Mapping layer, List<String> keys, String path, Class<?> type) {
    for (var e : layer.entries().entrySet()) {
      if (!keys.contains(e.getKey())) {
        String hint = NearestName.hint(e.getKey(), keys);
        if (hint.isEmpty()) {
          hint = keys.isEmpty() ? " (" + path + " takes no parameters)" : " (valid keys: " + String.join(", ", keys) + ")";
        }
        throw new ConfigException(e.getValue().keyLocation(), "unknown key '" + path + "." + e.getKey() + "'" + hint);
      }
    }
  }

  private static Location sectionLocation(List<ConfigNode.Mapping> layers, Location fallback) {
    for (int l = layers.size() - 1; l >= 0; l--) {
      if (layers.get(l) != null) {
        return layers.get(l).location();
      }
    }
    return fallback;
  }

  private static Object accessor(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
    }
  }

  private static final Pattern WORD = Pattern.compile("[a-z0-9_]+");

  private static <R extends Record> R construct(Class<R> type, Class<?>[] types, Object[] args, Map<String, Location> given,
      Location section) {
    Constructor<R> ctor;
    try {
      ctor = type.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
    }
    try {
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException) {
        throw new ConfigException(blame(cause.getMessage(), given, section), cause.getMessage());
      }
      throw new IllegalStateException("cannot build " + type.getSimpleName() + ": " + cause, cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName() + ": " + e, e);
    }
  }

  /** The location of the first given key that a validation message names; the section otherwise. */
  private static Location blame(String message, Map<String, Location> given, Location section) {
    if (message != null) {
      var m = WORD.matcher(message);
      while (m.find()) {
        Location at = given.get(m.group());
        if (at != null) {
          return at;
        }
      }
    }
    return section;
  }
}
