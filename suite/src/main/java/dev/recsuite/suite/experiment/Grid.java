package dev.recsuite.suite.experiment;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hyper-parameter grids. Under {@code models.NAME}, a list given for a scalar hyper-parameter is a grid
 * ({@code reg_weight: [1.0e-3, 1.0e-4]}); for a list-valued one, a list of lists is. The grid is the
 * Cartesian product of every grid key, the first key (in the record's component order) varying slowest, as
 * {@code itertools.product} does in MMRec's sweep (specs/baselines.md §2.3).
 */
public final class Grid {
  private Grid() {}

  /**
   * One configuration of a grid: the section with every grid key replaced by one of its values.
   *
   * @param label the grid keys and their values here, e.g. {@code reg_weight=0.001, n_layers=2} ("" without a grid)
   */
  public record Point(int index, ConfigNode.Mapping values, String label) {}

  /** The points of a model section; a section without lists gives one point with an empty label. */
  public static List<Point> expand(Class<? extends Record> type, ConfigNode.Mapping section) {
    List<String> keys = new ArrayList<>();
    List<List<ConfigNode>> choices = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      String key = RecordBinder.key(c.getName());
      ConfigNode node = section.get(key).orElse(null);
      if (!(node instanceof ConfigNode.Sequence seq)) {
        continue;
      }
      boolean listValued = c.getType().isArray() || c.getType() == List.class;
      boolean grid = !listValued || (!seq.items().isEmpty() && seq.items().stream().allMatch(n -> n instanceof ConfigNode.Sequence));
      if (!grid) {
        continue;
      }
      if (seq.items().isEmpty()) {
        throw new ConfigException(seq.location(), "'" + key + "': an empty grid has no configuration to run");
      }
      keys.add(key);
      choices.add(seq.items());
    }
    List<Point> points = new ArrayList<>();
    int total = 1;
    for (List<ConfigNode> c : choices) {
      total = Math.multiplyExact(total, c.size());
    }
    for (int p = 0; p < total; p++) {
      ConfigNode.Mapping values = section;
      List<String> label = new ArrayList<>();
      int rest = p;
      int stride = total;
      for (int k = 0; k < keys.size(); k++) {
        stride /= choices.get(k).size();
        ConfigNode chosen = choices.get(k).get(rest / stride);
        rest %= stride;
        values = values.with(keys.get(k), new ConfigNode.Mapping.Entry(section.entries().get(keys.get(k)).keyLocation(), chosen));
        label.add(keys.get(k) + "=" + text(chosen));
      }
      points.add(new Point(p, values, String.join(", ", label)));
    }
    return points;
  }

  private static String text(ConfigNode n) {
    if (n instanceof ConfigNode.Scalar s) {
      return s.text();
    }
    if (n instanceof ConfigNode.Sequence seq) {
      return seq.items().stream().map(Grid::text).collect(Collectors.joining(", ", "[", "]"));
    }
    return ((ConfigNode.Mapping) n).entries().entrySet().stream().map(e -> e.getKey() + ": " + text(e.getValue().value()))
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
