package dev.recsuite.suite.experiment;

import dev.recsuite.protocols.config.NearestName;
import dev.recsuite.suite.registry.ModelRegistry;
import dev.recsuite.suite.registry.ProtocolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an experiment file, applies {@code --set KEY=VALUE} overrides (dotted paths into the same tree,
 * values in YAML: {@code --set models.BPR.reg_weight=[0.01,0.001]}), and validates its structure: known
 * top-level keys, datasets in {@code datasets.lock}, registered protocols and models, seeds and the selection
 * rule. Hyper-parameter keys are checked when {@link ConfigResolver} binds them. Every error names the file
 * (or the {@code --set} argument) and the line.
 *
 * <p>Short forms: {@code datasets: synthetic-mm} for a one-item list; {@code protocols} and {@code models} as
 * lists of names (defaults) or as mappings of name to parameters; {@code seeds: N} for N seeds 999, 1000, ...
 */
public final class ExperimentLoader {
  public static final String BUILT_IN = "built-in default experiment";
  static final String BUILT_IN_RESOURCE = "default-experiment.yaml";
  public static final List<String> KEYS = List.of("name", "description", "datasets", "protocols", "models", "seeds",
      "selection", "unavailable", "training", "evaluation", "evaluations");
  /** Seeds when the file gives none: five, as the issue asks; 999 first (MMRec's default seed). */
  public static final int DEFAULT_SEED_COUNT = 5;
  public static final long FIRST_SEED = 999;

  private final Collection<String> datasets;

  /** @param datasets the names in {@code datasets.lock} */
  public ExperimentLoader(Collection<String> datasets) {
    this.datasets = List.copyOf(datasets);
  }

  /** @param source how to name the file in messages (the path as the user typed it) */
  public Experiment load(Path file, String source, List<String> overrides) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read experiment file " + source + ": " + e.getMessage(), e);
    }
    String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return parse(text, source, stem, overrides);
  }

  /** The experiment {@code recsuite run} runs without a file (MostPop and BPR on the synthetic data). */
  public Experiment builtIn(List<String> overrides) {
    try (InputStream in = ExperimentLoader.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the suite jar lacks " + BUILT_IN_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN, "default", overrides);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Experiment parse(String text, String source, String defaultName, List<String> overrides) {
    ConfigNode.Mapping doc = normalise(YamlTree.parseDocument(text, source, Location.Layer.EXPERIMENT));
    for (String set : overrides) {
      doc = normalise(applySet(doc, set));
    }
    for (String key : List.of("datasets", "protocols", "models")) {
      boolean empty = doc.get(key).map(n -> n instanceof ConfigNode.Sequence s ? s.items().isEmpty()
          : ((ConfigNode.Mapping) n).entries().isEmpty()).orElse(true);
      if (empty) {
        throw new ConfigException(doc.location(), "no " + key + ": the experiment needs a '" + key + ":' list"
            + " (e.g. " + example(key) + ")");
      }
    }
    String name = doc.get("name").map(n -> scalarText(n, "name")).orElse(defaultName);
    checkUnavailable(doc);
    return new Experiment(name, source, Sha256.hex(text), List.copyOf(overrides), doc, seeds(doc), selection(doc));
  }

  private static String example(String key) {
    return switch (key) {
      case "datasets" -> "datasets: [synthetic-mm]";
      case "protocols" -> "protocols: [leave-one-out]";
      default -> "models: [MostPop, BPR]";
    };
  }

  private ConfigNode.Mapping normalise(ConfigNode.Mapping doc) {
    ConfigNode.Mapping out = doc;
    for (var e : doc.entries().entrySet()) {
      String key = e.getKey();
      ConfigNode value = e.getValue().value();
      if (!KEYS.contains(key)) {
        throw new ConfigException(e.getValue().keyLocation(), "unknown key '" + key + "'" + hintOrList(key, KEYS));
      }
      ConfigNode fixed = switch (key) {
        case "datasets" -> datasetList(value);
        case "protocols" -> namedSections(value, "protocols", this::protocolName);
        case "models" -> namedSections(value, "models", ExperimentLoader::modelName);
        case "training", "evaluation" -> section(value, key);
        case "evaluations" -> namedSections(value, "evaluations", ExperimentLoader::evaluationName);
        default -> value;
      };
      out = out.with(key, new ConfigNode.Mapping.Entry(e.getValue().keyLocation(), fixed));
    }
    return out;
  }

  private ConfigNode datasetList(ConfigNode value) {
    List<ConfigNode> items = value instanceof ConfigNode.Sequence s ? s.items() : List.of(value);
    Set<String> seen = new LinkedHashSet<>();
    for (ConfigNode item : items) {
      String name = scalarText(item, "datasets");
      if (!datasets.contains(name)) {
        throw new ConfigException(item.location(), "unknown dataset '" + name + "'" + NearestName.hint(name, datasets)
            + " (datasets.lock has: " + String.join(", ", datasets) + ")");
      }
      if (!seen.add(name)) {
        throw new ConfigException(item.location(), "dataset '" + name + "' is listed twice");
      }
    }
    return new ConfigNode.Sequence(items, value.location());
  }

  private String protocolName(String name, Location at) {
    if (!ProtocolRegistry.names().contains(name)) {
      throw new ConfigException(at, "unknown protocol '" + name + "'" + NearestName.hint(name, ProtocolRegistry.names())
          + " (known: " + String.join(", ", ProtocolRegistry.names()) + ")");
    }
    return name;
  }

  /** Evaluation names label runs in the matrix's output and --dry-run: letters, digits, '-', '_' and '.'. */
  private static String evaluationName(String name, Location at) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new ConfigException(at, "evaluations: name '" + name + "' may use only letters, digits, '-', '_' and '.'");
    }
    return name;
  }

  private static String modelName(String name, Location at) {
    try {
      return ModelRegistry.get(name).name();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(at, e.getMessage());
    }
  }

  /** A list of names, or a mapping of name to parameters, as a mapping of canonical name to a mapping. */
  private static ConfigNode.Mapping namedSections(ConfigNode value, String key, Canonical canonical) {
    Map<String, ConfigNode.Mapping.Entry> out = new LinkedHashMap<>();
    if (value instanceof ConfigNode.Sequence seq) {
      for (ConfigNode item : seq.items()) {
        String name = canonical.of(scalarText(item, key), item.location());
        put(out, name, new ConfigNode.Mapping.Entry(item.location(), ConfigNode.Mapping.empty(item.location())), key);
      }
    } else if (value instanceof ConfigNode.Mapping m) {
      for (var e : m.entries().entrySet()) {
        String name = canonical.of(e.getKey(), e.getValue().keyLocation());
        ConfigNode params = e.getValue().value();
        if (params instanceof ConfigNode.Scalar s && s.kind() == ConfigNode.Scalar.Kind.NULL) {
          params = ConfigNode.Mapping.empty(s.location());
        }
        if (!(params instanceof ConfigNode.Mapping)) {
          throw new ConfigException(params.location(), key + "." + name + ": expected a mapping of parameters"
              + " (e.g. '" + name + ": {}' for the defaults), found " + params.describe());
        }
        put(out, name, new ConfigNode.Mapping.Entry(e.getValue().keyLocation(), params), key);
      }
    } else {
      throw new ConfigException(value.location(), key + ": expected a list of names or a mapping of name to parameters,"
          + " found " + value.describe());
    }
    return new ConfigNode.Mapping(out, value.location());
  }

  private static void put(Map<String, ConfigNode.Mapping.Entry> out, String name, ConfigNode.Mapping.Entry e, String key) {
    if (out.put(name, e) != null) {
      throw new ConfigException(e.keyLocation(), key + ": '" + name + "' is listed twice");
    }
  }

  @FunctionalInterface
  private interface Canonical {
    String of(String name, Location at);
  }

  private static ConfigNode section(ConfigNode value, String key) {
    if (value instanceof ConfigNode.Scalar s && s.kind() == ConfigNode.Scalar.Kind.NULL) {
      return ConfigNode.Mapping.empty(s.location());
    }
    if (!(value instanceof ConfigNode.Mapping)) {
      throw new ConfigException(value.location(), key + ": expected a mapping of settings, found " + value.describe());
    }
    return value;
  }

  private static List<Long> seeds(ConfigNode.Mapping doc) {
    ConfigNode n = doc.get("seeds").orElse(null);
    if (n == null) {
      return countSeeds(DEFAULT_SEED_COUNT);
    }
    if (n instanceof ConfigNode.Scalar s && s.kind() == ConfigNode.Scalar.Kind.INTEGER) {
      int count = Integer.parseInt(s.text());
      if (count < 1 || count > 1000) {
        throw new ConfigException(n.location(), "seeds: a count must be in 1..1000, found " + count
            + " (write a list, e.g. seeds: [2020], for explicit seeds)");
      }
      return countSeeds(count);
    }
    if (!(n instanceof ConfigNode.Sequence seq) || seq.items().isEmpty()) {
      throw new ConfigException(n.location(), "seeds: expected a list of integer seeds or a count, found " + n.describe());
    }
    List<Long> out = new ArrayList<>();
    for (ConfigNode item : seq.items()) {
      if (!(item instanceof ConfigNode.Scalar s) || s.kind() != ConfigNode.Scalar.Kind.INTEGER) {
        throw new ConfigException(item.location(), "seeds: expected an integer, found " + item.describe());
      }
      long seed = Long.parseLong(s.text());
      if (out.contains(seed)) {
        throw new ConfigException(item.location(), "seeds: " + seed + " is listed twice");
      }
      out.add(seed);
    }
    return List.copyOf(out);
  }

  private static List<Long> countSeeds(int count) {
    List<Long> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      out.add(FIRST_SEED + k);
    }
    return List.copyOf(out);
  }

  private static void checkUnavailable(ConfigNode.Mapping doc) {
    ConfigNode n = doc.get("unavailable").orElse(null);
    if (n != null) {
      String text = scalarText(n, "unavailable");
      if (!text.equals("fail") && !text.equals("skip")) {
        throw new ConfigException(n.location(), "unavailable: expected fail or skip, found '" + text + "'"
            + NearestName.hint(text, List.of("fail", "skip")));
      }
    }
  }

  private static Selection selection(ConfigNode.Mapping doc) {
    ConfigNode n = doc.get("selection").orElse(null);
    if (n == null) {
      return Selection.VALIDATION;
    }
    String text = scalarText(n, "selection");
    for (Selection s : Selection.values()) {
      if (s.key().equals(text)) {
        return s;
      }
    }
    throw new ConfigException(n.location(), "selection: expected one of " + String.join(", ", Selection.keys()) + ", found '"
        + text + "'" + NearestName.hint(text, Selection.keys()));
  }

  /** Applies one {@code KEY=VALUE}; the value's location is the argument itself (layer {@code cli}). */
  ConfigNode.Mapping applySet(ConfigNode.Mapping doc, String arg) {
    Location at = Location.of(Location.Layer.CLI, "--set " + arg);
    int eq = arg.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException(at, "expected KEY=VALUE, e.g. --set training.epochs=5");
    }
    String[] path = arg.substring(0, eq).strip().split("\\.", -1);
    for (String p : path) {
      if (p.isEmpty()) {
        throw new ConfigException(at, "empty key segment in '" + arg.substring(0, eq) + "'");
      }
    }
    if (!KEYS.contains(path[0])) {
      throw new ConfigException(at, "unknown key '" + path[0] + "'" + hintOrList(path[0], KEYS));
    }
    ConfigNode value = YamlTree.parseValue(arg.substring(eq + 1), "--set " + arg, Location.Layer.CLI);
    return setIn(doc, path, 0, value, at);
  }

  private ConfigNode.Mapping setIn(ConfigNode.Mapping m, String[] path, int i, ConfigNode value, Location at) {
    String key = path[i];
    if (i == 1 && (path[0].equals("models") || path[0].equals("protocols"))) {
      key = existingName(m, key, path[0], at);
    }
    if (i == path.length - 1) {
      return m.with(key, new ConfigNode.Mapping.Entry(at, value));
    }
    ConfigNode child = m.get(key).orElse(null);
    if (child == null) {
      child = ConfigNode.Mapping.empty(at);
    }
    if (!(child instanceof ConfigNode.Mapping cm)) {
      throw new ConfigException(at, "'" + String.join(".", java.util.Arrays.copyOf(path, i + 1)) + "' is "
          + child.describe() + ", not a mapping of keys");
    }
    ConfigNode.Mapping.Entry old = m.entry(key).orElse(null);
    return m.with(key, new ConfigNode.Mapping.Entry(old != null ? old.keyLocation() : at, setIn(cm, path, i + 1, value, at)));
  }

  /** A model or protocol named in a --set path must already be in the experiment (set the list to add one). */
  private static String existingName(ConfigNode.Mapping section, String name, String what, Location at) {
    for (String k : section.entries().keySet()) {
      if (k.equalsIgnoreCase(name)) {
        return k;
      }
    }
    throw new ConfigException(at, "'" + name + "' is not among the experiment's " + what + " ("
        + String.join(", ", section.entries().keySet()) + "); add it with --set " + what + "=[...] or in the file");
  }

  private static String scalarText(ConfigNode n, String key) {
    if (n instanceof ConfigNode.Scalar s && s.kind() != ConfigNode.Scalar.Kind.NULL) {
      return s.text();
    }
    throw new ConfigException(n.location(), key + ": expected a name, found " + n.describe());
  }

  static String hintOrList(String key, List<String> keys) {
    String hint = NearestName.hint(key, keys);
    return hint.isEmpty() ? " (valid keys: " + String.join(", ", keys) + ")" : hint;
  }

}
