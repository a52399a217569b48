package dev.recsuite.reports.paper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.recsuite.reports.claims.ClaimSpec;
import dev.recsuite.reports.compare.TestKind;
import dev.recsuite.reports.paper.PaperSpec.ColumnGroup;
import dev.recsuite.reports.paper.PaperSpec.Dim;
import dev.recsuite.reports.paper.PaperSpec.MetricRef;
import dev.recsuite.reports.paper.PaperSpec.ModelRef;
import dev.recsuite.reports.paper.PaperSpec.TableSpec;
import dev.recsuite.reports.reference.ReferenceData;
import dev.recsuite.reports.reference.ReferenceValue;
import dev.recsuite.reports.results.Measure;
import dev.recsuite.stats.correction.Correction;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the paper resource files ({@code papers/papers.yaml} lists them) and checks them against the reference
 * CSVs: every dataset, model and metric a table's rows use must be mapped (to a suite name, or explicitly to
 * nothing), every printed order must cover the CSV's values, and no two rows of one table may fall into the same
 * cell. The file format is described in {@code papers/README.md}.
 */
public final class PaperSpecLoader {
  static final String FOLDER = "papers/";
  private static final Set<String> TOP = Set.of("paper", "title", "citation", "source", "hardware", "significance",
      "evaluation", "protocols", "datasets", "models", "metrics", "tables", "claims", "notes");
  private static final Set<String> MODEL_KEYS = Set.of("model", "variant", "label", "versus", "attributes");
  private static final Set<String> METRIC_KEYS = Set.of("kind", "metric", "of", "over", "scale", "compare", "decimals",
      "label");
  private static final Set<String> TABLE_KEYS = Set.of("id", "caption", "file", "table", "rows", "columns", "order",
      "fixed", "column_groups", "row_attributes", "per_protocol", "ratio_to", "show_source");
  private static final Set<String> CLAIM_KEYS = Set.of("id", "text", "source", "reading", "kind", "model", "baselines",
      "pairs", "ascending", "datasets", "metrics", "protocols", "test", "alpha", "correction", "holds_when");

  private final ReferenceData reference;

  public PaperSpecLoader(ReferenceData reference) {
    this.reference = reference;
  }

  /** Every paper listed in {@code papers/papers.yaml}, in its order. */
  public List<PaperSpec> loadAll() {
    SpecNode index = read(FOLDER + "papers.yaml").requireKeys(Set.of("papers"));
    List<PaperSpec> out = new ArrayList<>();
    for (String f : index.texts("papers")) {
      out.add(load(FOLDER + f));
    }
    return out;
  }

  public PaperSpec load(String resource) {
    SpecNode top = read(resource).requireKeys(TOP);
    String paper = top.text("paper");
    List<PaperSpec.Protocol> protocols = new ArrayList<>();
    for (SpecNode p : top.list("protocols")) {
      p.requireKeys(Set.of("name", "note"));
      protocols.add(new PaperSpec.Protocol(p.text("name"), p.text("note", "")));
    }
    if (protocols.isEmpty()) {
      throw top.error("'protocols' is empty; list at least one suite protocol the paper is reproduced under");
    }
    Map<String, String> datasets = new LinkedHashMap<>();
    top.entries("datasets").forEach((k, v) -> datasets.put(k, v == null ? null : v.text()));
    Map<String, ModelRef> models = new LinkedHashMap<>();
    top.entries("models").forEach((k, v) -> models.put(k, model(k, v)));
    Map<String, MetricRef> metrics = new LinkedHashMap<>();
    top.entries("metrics").forEach((k, v) -> metrics.put(k, metric(k, v)));
    for (ModelRef m : models.values()) {
      if (m.versus() != null && !models.containsKey(m.versus())) {
        throw top.error("models." + m.name() + ".versus: '" + m.versus() + "' is not a declared model");
      }
    }
    for (MetricRef m : metrics.values()) {
      if (m.type() != MetricRef.Type.MEASURE) {
        MetricRef of = metrics.get(m.of());
        if (of == null || of.type() != MetricRef.Type.MEASURE) {
          throw top.error("metrics." + m.name() + ".of: '" + m.of() + "' is not a declared measured metric");
        }
        if (m.over() != null && !models.containsKey(m.over())) {
          throw top.error("metrics." + m.name() + ".over: '" + m.over() + "' is not a declared model");
        }
      }
    }
    String mode = top.text("evaluation", "full");

    PaperSpec partial = new PaperSpec(resource, paper, top.text("title"), top.text("citation", ""),
        top.text("source", ""), top.text("hardware", "not reported"), top.text("significance", "not reported"), mode,
        List.copyOf(protocols), datasets, models, metrics, List.of(), List.of(), top.texts("notes"));
    List<TableSpec> tables = new ArrayList<>();
    for (SpecNode t : top.list("tables")) {
      tables.add(table(t, partial));
    }
    List<ClaimSpec> claims = new ArrayList<>();
    Set<String> claimIds = new HashSet<>();
    for (SpecNode c : top.list("claims")) {
      ClaimSpec claim = claim(c, partial);
      if (!claimIds.add(claim.id())) {
        throw c.error("duplicate claim id '" + claim.id() + "'");
      }
      claims.add(claim);
    }
    return new PaperSpec(resource, paper, partial.title(), partial.citation(), partial.source(), partial.hardware(),
        partial.significance(), mode, partial.protocols(), datasets, models, metrics, List.copyOf(tables),
        List.copyOf(claims), partial.notes());
  }

  private static ModelRef model(String name, SpecNode v) {
    if (v == null) {
      return new ModelRef(name, name, null, "", null, Map.of());
    }
    if (v.isText()) {
      return new ModelRef(name, name, v.text(), "", null, Map.of());
    }
    v.requireKeys(MODEL_KEYS);
    Map<String, String> attributes = new LinkedHashMap<>();
    v.entries("attributes").forEach((k, a) -> attributes.put(k, a == null ? "" : a.text()));
    return new ModelRef(name, v.text("label", name), v.has("model") ? v.text("model") : null, v.text("variant", ""),
        v.has("versus") ? v.text("versus") : null, attributes);
  }

  private static MetricRef metric(String name, SpecNode v) {
    if (v == null) {
      return new MetricRef(name, MetricRef.Type.MEASURE, null, null, null, 1, false, 4, name);
    }
    if (v.isText()) {
      return new MetricRef(name, MetricRef.Type.MEASURE, Measure.test(v.text()), null, null, 1, true, 4, name);
    }
    v.requireKeys(METRIC_KEYS);
    String kind = v.text("kind", "test_metric").toLowerCase(Locale.ROOT);
    String label = v.text("label", name);
    int decimals = (int) v.number("decimals", -1);
    switch (kind) {
      case "relative_gain", "relative_drop" -> {
        MetricRef.Type type = kind.equals("relative_gain") ? MetricRef.Type.RELATIVE_GAIN : MetricRef.Type.RELATIVE_DROP;
        return new MetricRef(name, type, null, v.text("of"), v.has("over") ? v.text("over") : null, 1,
            v.bool("compare", true), decimals < 0 ? 2 : decimals, label);
      }
      case "test_metric" -> {
        return new MetricRef(name, MetricRef.Type.MEASURE, Measure.test(v.text("metric", name)), null, null,
            v.number("scale", 1), v.bool("compare", true), decimals < 0 ? 4 : decimals, label);
      }
      default -> {
        Measure m = Measure.of(Measure.Kind.parse(kind, v.where() + ".kind"));
        boolean compare = v.bool("compare", !m.hardwareDependent());
        return new MetricRef(name, MetricRef.Type.MEASURE, m, null, null, v.number("scale", 1), compare,
            decimals < 0 ? 2 : decimals, label);
      }
    }
  }

  private TableSpec table(SpecNode t, PaperSpec paper) {
    t.requireKeys(TABLE_KEYS);
    String id = t.text("id");
    String file = t.has("file") ? t.text("file") : null;
    String refTable = t.text("table", id);
    List<Dim> rows = dims(t, "rows");
    List<Dim> columns = dims(t, "columns");
    if (rows.isEmpty()) {
      throw t.error("'rows' is empty; a table needs at least one row dimension (dataset, model or metric)");
    }
    if (columns.size() > 1) {
      throw t.get("columns").error("at most one column dimension is supported; found " + columns);
    }
    Set<Dim> used = new HashSet<>(rows);
    for (Dim d : columns) {
      if (!used.add(d)) {
        throw t.error("dimension " + d.name().toLowerCase(Locale.ROOT) + " is both a row and a column");
      }
    }
    Map<Dim, List<String>> order = new EnumMap<>(Dim.class);
    t.entries("order").forEach((k, v) -> order.put(dim(k, t), v == null ? List.of() : v.items().stream()
        .map(SpecNode::text).toList()));
    Map<Dim, String> fixed = new EnumMap<>(Dim.class);
    t.entries("fixed").forEach((k, v) -> fixed.put(dim(k, t), v == null ? "" : v.text()));

    List<ReferenceValue> values = file == null ? List.of() : reference.rows(file, paper.paper(), refTable);
    if (file != null && values.isEmpty()) {
      throw t.error("reference/" + file + " has no rows with paper = '" + paper.paper() + "' and table = '" + refTable
          + "'");
    }
    // Printed order from the CSV's row order where the file does not give one.
    for (Dim d : Dim.values()) {
      LinkedHashSet<String> seen = new LinkedHashSet<>();
      values.forEach(v -> seen.add(value(v, d)));
      if (!order.containsKey(d)) {
        if (file == null && (rows.contains(d) || columns.contains(d))) {
          throw t.error("a figure without a reference file must give 'order." + d.name().toLowerCase(Locale.ROOT)
              + "'");
        }
        order.put(d, List.copyOf(seen));
      } else if (!order.get(d).containsAll(seen)) {
        Set<String> missing = new LinkedHashSet<>(seen);
        missing.removeAll(order.get(d));
        throw t.error("order." + d.name().toLowerCase(Locale.ROOT) + " lacks " + missing + " from reference/" + file);
      }
      if (!rows.contains(d) && !columns.contains(d) && !fixed.containsKey(d)) {
        if (seen.size() > 1) {
          throw t.error(d.name().toLowerCase(Locale.ROOT) + " takes " + seen.size() + " values " + seen
              + " but is neither in rows nor columns");
        }
        fixed.put(d, seen.isEmpty() ? "" : seen.iterator().next());
      }
    }
    Set<ReferenceValue.Key> keys = new HashSet<>();
    for (ReferenceValue v : values) {
      if (!keys.add(v.key())) {
        throw t.error("reference/" + file + ":" + v.line() + " repeats (" + v.dataset() + ", " + v.model() + ", "
            + v.metric() + ") of an earlier row; a table cell holds one value");
      }
    }
    for (String d : order.get(Dim.DATASET)) {
      requireMapped(t, "dataset", d, paper.datasets().keySet());
    }
    requireMapped(t, "dataset", fixed.getOrDefault(Dim.DATASET, ""), paper.datasets().keySet());
    for (String m : order.get(Dim.MODEL)) {
      requireMapped(t, "model", m, paper.models().keySet());
    }
    requireMapped(t, "model", fixed.getOrDefault(Dim.MODEL, ""), paper.models().keySet());
    for (String m : order.get(Dim.METRIC)) {
      requireMapped(t, "metric", m, paper.metrics().keySet());
    }
    requireMapped(t, "metric", fixed.getOrDefault(Dim.METRIC, ""), paper.metrics().keySet());

    List<ColumnGroup> groups = new ArrayList<>();
    for (SpecNode g : t.list("column_groups")) {
      g.requireKeys(Set.of("label", "members"));
      List<String> members = g.texts("members");
      if (columns.isEmpty() || !order.get(columns.get(0)).containsAll(members)) {
        throw g.error("members " + members + " are not all column values " + (columns.isEmpty() ? "[]"
            : order.get(columns.get(0))));
      }
      groups.add(new ColumnGroup(g.text("label"), members));
    }
    String ratioTo = t.has("ratio_to") ? t.text("ratio_to") : null;
    if (ratioTo != null) {
      requireMapped(t, "model", ratioTo, paper.models().keySet());
    }
    return new TableSpec(id, t.text("caption", ""), file, refTable, rows, columns, order, fixed, List.copyOf(groups),
        t.texts("row_attributes"), t.bool("per_protocol", true), ratioTo, t.bool("show_source", false));
  }

  private static ClaimSpec claim(SpecNode c, PaperSpec paper) {
    c.requireKeys(CLAIM_KEYS);
    String kindText = c.text("kind").toLowerCase(Locale.ROOT);
    ClaimSpec.Kind kind = switch (kindText) {
      case "beats_best_baseline" -> ClaimSpec.Kind.BEATS_BEST_BASELINE;
      case "pairwise", "ordering" -> ClaimSpec.Kind.PAIRWISE;
      default -> throw c.get("kind").error("unknown claim kind '" + kindText
          + "'; expected beats_best_baseline, pairwise or ordering");
    };
    List<ClaimSpec.Pair> pairs = new ArrayList<>();
    for (SpecNode p : c.list("pairs")) {
      List<String> two = p.items().stream().map(SpecNode::text).toList();
      if (two.size() != 2) {
        throw p.error("a pair is [higher, lower]; found " + two.size() + " names");
      }
      pairs.add(new ClaimSpec.Pair(two.get(0), two.get(1)));
    }
    List<String> ascending = c.texts("ascending");
    for (int i = 1; i < ascending.size(); i++) {
      pairs.add(new ClaimSpec.Pair(ascending.get(i), ascending.get(i - 1)));
    }
    String model = c.has("model") ? c.text("model") : null;
    List<String> baselines = c.texts("baselines");
    if (kind == ClaimSpec.Kind.BEATS_BEST_BASELINE && (model == null || baselines.isEmpty())) {
      throw c.error("a beats_best_baseline claim needs 'model' and 'baselines'");
    }
    if (kind == ClaimSpec.Kind.BEATS_BEST_BASELINE) {
      for (String m : c.texts("metrics")) {
        MetricRef ref = paper.metrics().get(m);
        if (ref != null && ref.measure() != null && ref.measure().kind() != Measure.Kind.TEST_METRIC) {
          throw c.error("beats_best_baseline compares test metrics (larger is better); '" + m + "' is "
              + ref.measure().label() + ": use a pairwise claim");
        }
      }
    }
    if (kind == ClaimSpec.Kind.PAIRWISE && pairs.isEmpty()) {
      throw c.error("a " + kindText + " claim needs 'pairs' or 'ascending'");
    }
    List<String> names = new ArrayList<>(baselines);
    if (model != null) {
      names.add(model);
    }
    pairs.forEach(p -> {
      names.add(p.higher());
      names.add(p.lower());
    });
    names.forEach(n -> requireMapped(c, "model", n, paper.models().keySet()));
    List<String> datasets = c.texts("datasets");
    datasets.forEach(d -> requireMapped(c, "dataset", d, paper.datasets().keySet()));
    List<String> metrics = c.texts("metrics");
    metrics.forEach(m -> requireMapped(c, "metric", m, paper.metrics().keySet()));
    if (datasets.isEmpty() || metrics.isEmpty()) {
      throw c.error("a claim needs 'datasets' and 'metrics'");
    }
    Set<String> paperProtocols = new HashSet<>();
    paper.protocols().forEach(p -> paperProtocols.add(p.name()));
    List<String> protocols = c.texts("protocols");
    protocols.forEach(p -> requireMapped(c, "protocol", p, paperProtocols));
    TestKind test = TestKind.parse(c.text("test", "t-test-seeds"), c.where() + ".test");
    double alpha = c.number("alpha", 0.05);
    if (!(alpha > 0 && alpha < 1)) {
      throw c.get("alpha").error("alpha = " + alpha + "; expected 0 < alpha < 1");
    }
    String corr = c.text("correction", "holm");
    Correction correction = corr.equalsIgnoreCase("none") ? null : Correction.parse(corr);
    return new ClaimSpec(c.text("id"), c.text("text"), c.text("source", ""), c.text("reading", ""), kind, model,
        baselines, List.copyOf(pairs), datasets, metrics, protocols, test, alpha, correction, quantifier(c));
  }

  private static ClaimSpec.Quantifier quantifier(SpecNode c) {
    if (!c.has("holds_when")) {
      return ClaimSpec.Quantifier.EVERY_CELL;
    }
    SpecNode q = c.get("holds_when");
    if (q.isText()) {
      if (!q.text().equals("every")) {
        throw q.error("expected 'every', {at_least: N} or {share: x}; found '" + q.text() + "'");
      }
      return ClaimSpec.Quantifier.EVERY_CELL;
    }
    q.requireKeys(Set.of("at_least", "share"));
    if (q.has("at_least")) {
      return new ClaimSpec.Quantifier(ClaimSpec.Quantifier.Type.AT_LEAST, q.number("at_least", 1));
    }
    double share = q.number("share", 1);
    if (!(share > 0 && share <= 1)) {
      throw q.error("share = " + share + "; expected 0 < share <= 1");
    }
    return new ClaimSpec.Quantifier(ClaimSpec.Quantifier.Type.SHARE, share);
  }

  private static List<Dim> dims(SpecNode t, String key) {
    List<Dim> out = new ArrayList<>();
    for (SpecNode n : t.list(key)) {
      out.add(dim(n.text(), n));
    }
    return out;
  }

  private static Dim dim(String name, SpecNode where) {
    try {
      return Dim.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw where.error("unknown dimension '" + name + "'; expected dataset, model or metric");
    }
  }

  static String value(ReferenceValue v, Dim d) {
    return switch (d) {
      case DATASET -> v.dataset();
      case MODEL -> v.model();
      case METRIC -> v.metric();
    };
  }

  private static void requireMapped(SpecNode where, String what, String name, Set<String> declared) {
    if (!name.isEmpty() && !declared.contains(name)) {
      throw where.error(what + " '" + name + "' is not declared; add it to '" + what + "s' (map it to a suite name,"
          + " or to ~ when the suite has no counterpart)");
    }
  }

  private static SpecNode read(String resource) {
    try (InputStream in = PaperSpecLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(resource + ": no such resource on the classpath");
      }
      JsonNode root = new YAMLMapper().readTree(in);
      if (root == null) {
        throw new IllegalArgumentException(resource + ": empty file");
      }
      return new SpecNode(resource, "", root);
    } catch (IOException e) {
      throw new IllegalArgumentException(resource + ": not valid YAML: " + e.getMessage(), e);
    }
  }
}
