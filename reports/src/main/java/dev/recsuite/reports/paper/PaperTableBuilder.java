package dev.recsuite.reports.paper;

import dev.recsuite.reports.Display;
import dev.recsuite.reports.compare.Estimate;
import dev.recsuite.reports.export.ExportTable;
import dev.recsuite.reports.paper.PaperSpec.Dim;
import dev.recsuite.reports.paper.PaperSpec.MetricRef;
import dev.recsuite.reports.paper.PaperSpec.TableSpec;
import dev.recsuite.reports.paper.PaperTable.Cell;
import dev.recsuite.reports.paper.PaperTable.HeaderCell;
import dev.recsuite.reports.paper.PaperTable.Row;
import dev.recsuite.reports.reference.ReferenceData;
import dev.recsuite.reports.reference.ReferenceValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays out one paper table as printed (rows, columns and groups from the paper's resource file, published values
 * from its reference CSV) and fills each cell with the suite's value under one protocol. A cell is judged
 * against the tolerance only where the metric is comparable across machines; timings are shown with their ratio to
 * the table's reference model instead.
 */
final class PaperTableBuilder {
  private final PaperSpec paper;
  private final ReferenceData reference;
  private final CellResolver resolver;
  private final double tolerance;

  PaperTableBuilder(PaperSpec paper, ReferenceData reference, PaperCohorts cohorts, Estimate.Config interval,
      double tolerance) {
    this.paper = paper;
    this.reference = reference;
    this.resolver = new CellResolver(cohorts, interval);
    this.tolerance = tolerance;
  }

  /** The table under {@code protocol} ("" for a protocol-independent table). */
  PaperTable build(TableSpec t, String protocol, String protocolNote) {
    List<ReferenceValue> values = t.published() ? reference.rows(t.file(), paper.paper(), t.referenceTable())
        : List.of();
    Map<ReferenceValue.Key, ReferenceValue> byKey = new HashMap<>();
    values.forEach(v -> byKey.put(v.key(), v));

    List<Map<Dim, String>> rowKeys = rowKeys(t, values);
    List<String> columnValues = t.columns().isEmpty() ? List.of("") : t.order().get(t.columns().get(0));

    List<Row> rows = new ArrayList<>();
    List<List<ExportTable.Cell>> exportRows = new ArrayList<>();
    List<List<String>> csvRows = new ArrayList<>();
    int published = 0;
    int reproduced = 0;
    for (int i = 0; i < rowKeys.size(); i++) {
      Map<Dim, String> rk = rowKeys.get(i);
      List<Cell> cells = new ArrayList<>();
      List<ExportTable.Cell> exportRow = new ArrayList<>();
      for (Dim d : t.rows()) {
        exportRow.add(ExportTable.Cell.plain(label(d, rk.get(d))));
      }
      List<String> attributes = attributes(t, rk.get(Dim.MODEL));
      attributes.forEach(a -> exportRow.add(ExportTable.Cell.plain(a)));
      String source = "";
      for (String col : columnValues) {
        Map<Dim, String> key = new EnumMap<>(Dim.class);
        key.putAll(t.fixed());
        key.putAll(rk);
        if (!t.columns().isEmpty()) {
          key.put(t.columns().get(0), col);
        }
        ReferenceValue pub = byKey.get(new ReferenceValue.Key(key.getOrDefault(Dim.DATASET, ""),
            key.getOrDefault(Dim.MODEL, ""), key.getOrDefault(Dim.METRIC, "")));
        if (pub != null) {
          source = pub.source();
        }
        Cell cell = cell(t, protocol, key, pub, byKey);
        cells.add(cell);
        published += pub == null ? 0 : 1;
        reproduced += pub != null && !cell.status().equals("notrun") ? 1 : 0;
        exportRow.add(new ExportTable.Cell(exportText(cell), cell.reportedBest(), cell.reportedSecond()));
        if (pub != null || !t.published()) {
          csvRows.add(csvRow(t, protocol, key, pub, cell));
        }
      }
      rows.add(new Row(labels(t, rowKeys, i), attributes, cells, t.showSource() ? source : ""));
      exportRows.add(exportRow);
    }

    String anchor = Display.anchor(paper.paper() + "-" + t.id() + (protocol.isEmpty() ? "" : "-" + protocol));
    List<String> exportHeader = new ArrayList<>();
    t.rows().forEach(d -> exportHeader.add(dimName(d)));
    exportHeader.addAll(t.rowAttributes());
    columnValues.forEach(c -> exportHeader.add(t.columns().isEmpty() ? "Value (paper / suite)"
        : label(t.columns().get(0), c)));
    String caption = paper.paper() + " " + t.id() + ": " + t.caption() + (protocol.isEmpty() ? ""
        : " (suite: " + protocol + ")");
    ExportTable export = new ExportTable(anchor, caption, exportHeader, exportRows, CSV_HEADER, csvRows);
    return new PaperTable(anchor, t.id(), t.caption(), protocol, protocolNote, fixedNote(t), header(t, columnValues),
        rows, published, reproduced, export);
  }

  private static final List<String> CSV_HEADER = List.of("paper_table", "protocol", "dataset", "model", "metric",
      "reported", "reproduced_mean", "reproduced_sd", "seeds", "ci_lower", "ci_upper", "relative_difference",
      "status", "test_selected", "source");

  private Cell cell(TableSpec t, String protocol, Map<Dim, String> key, ReferenceValue pub,
      Map<ReferenceValue.Key, ReferenceValue> byKey) {
    String dataset = key.getOrDefault(Dim.DATASET, "");
    String model = key.getOrDefault(Dim.MODEL, "");
    String metric = key.getOrDefault(Dim.METRIC, "");
    if (pub == null && t.published()) {
      return new Cell("", false, false, "", "", "", "empty", "not printed in the paper", false);
    }
    MetricRef m = paper.metrics().get(metric);
    Reproduction r = resolver.resolve(protocol, dataset, model, metric);
    boolean percent = pub != null ? "%".equals(pub.unit()) : m != null && m.type() != MetricRef.Type.MEASURE;
    String unit = percent ? "%" : "";
    String reported = pub == null ? "" : pub.value() + unit;
    boolean best = pub != null && pub.best();
    boolean second = pub != null && (pub.secondBest() || "underline".equals(pub.marker()));
    StringBuilder tip = new StringBuilder();
    if (pub != null) {
      tip.append("published: ").append(pub.rawText()).append(" (").append(pub.source()).append("; reference/")
          .append(pub.file()).append(':').append(pub.line()).append(')');
      if (!pub.notes().isEmpty()) {
        tip.append("; ").append(pub.notes());
      }
      tip.append(". ");
    }
    tip.append("suite: ").append(r.detail());
    if (!r.run()) {
      return new Cell(reported, best, second, "not run", "", "", pub == null ? "nopub" : "notrun", tip.toString(),
          false);
    }
    int decimals = m.decimals();
    String value = Display.fixed(r.mean(), decimals) + unit;
    String interval = r.hasInterval() ? "[" + Display.fixed(r.ciLower(), decimals) + ", "
        + Display.fixed(r.ciUpper(), decimals) + "]" : "";
    if (r.hasInterval()) {
      tip.append("; ").append(r.ciMethod());
    }
    if (pub == null) {
      return new Cell("", false, false, value, interval, "", "nopub", tip.toString(), r.testSelected());
    }
    double published = pub.number();
    double rel = published == 0 ? Double.NaN : (r.mean() - published) / Math.abs(published);
    if (!m.compare()) {
      String ratio = ratioText(t, protocol, dataset, model, metric, r.mean(), published, byKey);
      return new Cell(reported, best, second, value, interval, ratio, "info", tip
          + "; not judged against the tolerance (depends on hardware or is not a target)", r.testSelected());
    }
    String status = Math.abs(rel) <= tolerance ? "within" : r.intervalContains(published) ? "near" : "outside";
    return new Cell(reported, best, second, value, interval, Display.signedPercent(rel), status, tip.toString(),
        r.testSelected());
  }

  /** "×1.45 (paper ×7.16)": the cell's value over the table's reference model's, in the suite and in the paper. */
  private String ratioText(TableSpec t, String protocol, String dataset, String model, String metric, double value,
      double published, Map<ReferenceValue.Key, ReferenceValue> byKey) {
    if (t.ratioTo() == null || t.ratioTo().equals(model)) {
      return "";
    }
    Reproduction ref = resolver.resolve(protocol, dataset, t.ratioTo(), metric);
    ReferenceValue pubRef = byKey.get(new ReferenceValue.Key(dataset, t.ratioTo(), metric));
    String suite = ref.run() && ref.mean() != 0 ? "×" + Display.fixed(value / ref.mean(), 2) : "×–";
    String paperRatio = pubRef == null || pubRef.number() == 0 ? "" : " (paper ×"
        + Display.fixed(published / pubRef.number(), 2) + ")";
    return suite + " vs " + paper.models().get(t.ratioTo()).label() + paperRatio;
  }

  private static String exportText(Cell c) {
    if (c.status().equals("empty")) {
      return "—";
    }
    String suite = c.reproduced().equals("not run") ? "not run" : c.reproduced();
    return c.reported().isEmpty() ? "— / " + suite : c.reported() + " / " + suite;
  }

  private List<String> csvRow(TableSpec t, String protocol, Map<Dim, String> key, ReferenceValue pub, Cell c) {
    Reproduction r = resolver.resolve(protocol, key.getOrDefault(Dim.DATASET, ""), key.getOrDefault(Dim.MODEL, ""),
        key.getOrDefault(Dim.METRIC, ""));
    double rel = pub == null || !r.run() || pub.number() == 0 ? Double.NaN
        : (r.mean() - pub.number()) / Math.abs(pub.number());
    return List.of(paper.paper() + " " + t.id(), protocol, key.getOrDefault(Dim.DATASET, ""),
        key.getOrDefault(Dim.MODEL, ""), key.getOrDefault(Dim.METRIC, ""), pub == null ? "" : pub.value(),
        num(r.mean()), num(r.sd()), r.run() ? Integer.toString(r.n()) : "", num(r.ciLower()), num(r.ciUpper()),
        num(rel), c.status(), Boolean.toString(r.testSelected()), pub == null ? "" : pub.source());
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  /** Row keys: for a prose list, the CSV's order; otherwise the printed orders' product, keeping rows that print. */
  private static List<Map<Dim, String>> rowKeys(TableSpec t, List<ReferenceValue> values) {
    List<Map<Dim, String>> out = new ArrayList<>();
    if (t.columns().isEmpty() && t.published()) {
      for (ReferenceValue v : values) {
        Map<Dim, String> k = new EnumMap<>(Dim.class);
        t.rows().forEach(d -> k.put(d, PaperSpecLoader.value(v, d)));
        out.add(k);
      }
      return out;
    }
    product(t, 0, new EnumMap<>(Dim.class), out);
    if (!t.published()) {
      return out;
    }
    return out.stream().filter(k -> values.stream().anyMatch(v -> t.rows().stream()
        .allMatch(d -> PaperSpecLoader.value(v, d).equals(k.get(d))))).toList();
  }

  private static void product(TableSpec t, int level, Map<Dim, String> prefix, List<Map<Dim, String>> out) {
    if (level == t.rows().size()) {
      out.add(new EnumMap<>(prefix));
      return;
    }
    Dim d = t.rows().get(level);
    for (String v : t.order().get(d)) {
      prefix.put(d, v);
      product(t, level + 1, prefix, out);
    }
    prefix.remove(d);
  }

  /** The label cells row {@code i} prints: an outer label only where its value changes, spanning its run. */
  private List<HeaderCell> labels(TableSpec t, List<Map<Dim, String>> keys, int i) {
    List<HeaderCell> out = new ArrayList<>();
    for (int level = 0; level < t.rows().size(); level++) {
      if (i > 0 && samePrefix(t, keys.get(i - 1), keys.get(i), level)) {
        continue;
      }
      int span = 1;
      while (i + span < keys.size() && samePrefix(t, keys.get(i), keys.get(i + span), level)) {
        span++;
      }
      Dim d = t.rows().get(level);
      String v = keys.get(i).get(d);
      out.add(new HeaderCell(label(d, v), sub(d, v), 1, span));
    }
    return out;
  }

  private static boolean samePrefix(TableSpec t, Map<Dim, String> a, Map<Dim, String> b, int level) {
    for (int l = 0; l <= level; l++) {
      Dim d = t.rows().get(l);
      if (!a.get(d).equals(b.get(d))) {
        return false;
      }
    }
    return true;
  }

  private List<List<HeaderCell>> header(TableSpec t, List<String> columnValues) {
    boolean grouped = !t.columnGroups().isEmpty();
    int span = grouped ? 2 : 1;
    List<HeaderCell> first = new ArrayList<>();
    t.rows().forEach(d -> first.add(new HeaderCell(dimName(d), "", 1, span)));
    t.rowAttributes().forEach(a -> first.add(new HeaderCell(a, "", 1, span)));
    if (!grouped) {
      columnValues.forEach(c -> first.add(t.columns().isEmpty() ? new HeaderCell("Paper / suite", "", 1, 1)
          : new HeaderCell(label(t.columns().get(0), c), sub(t.columns().get(0), c), 1, 1)));
      if (t.showSource()) {
        first.add(new HeaderCell("Source", "", 1, 1));
      }
      return List.of(first);
    }
    Map<String, String> groupOf = new LinkedHashMap<>();
    t.columnGroups().forEach(g -> g.members().forEach(m -> groupOf.put(m, g.label())));
    List<HeaderCell> second = new ArrayList<>();
    int k = 0;
    while (k < columnValues.size()) {
      String g = groupOf.getOrDefault(columnValues.get(k), "");
      int n = 1;
      while (k + n < columnValues.size() && groupOf.getOrDefault(columnValues.get(k + n), "").equals(g)) {
        n++;
      }
      first.add(new HeaderCell(g, "", n, 1));
      k += n;
    }
    Dim cd = t.columns().get(0);
    columnValues.forEach(c -> second.add(new HeaderCell(label(cd, c), sub(cd, c), 1, 1)));
    return List.of(first, second);
  }

  private List<String> attributes(TableSpec t, String model) {
    List<String> out = new ArrayList<>();
    for (String a : t.rowAttributes()) {
      PaperSpec.ModelRef m = model == null ? null : paper.models().get(model);
      out.add(m == null ? "" : m.attributes().getOrDefault(a, ""));
    }
    return out;
  }

  private String fixedNote(TableSpec t) {
    List<String> parts = new ArrayList<>();
    for (var e : t.fixed().entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      String s = sub(e.getKey(), e.getValue());
      parts.add(dimName(e.getKey()) + ": " + label(e.getKey(), e.getValue()) + (s.isEmpty() ? "" : " (" + s + ")"));
    }
    return String.join("; ", parts);
  }

  private String label(Dim d, String v) {
    return switch (d) {
      case MODEL -> paper.models().containsKey(v) ? paper.models().get(v).label() : v;
      case METRIC -> paper.metrics().containsKey(v) ? paper.metrics().get(v).label() : v;
      case DATASET -> v;
    };
  }

  /** For a dataset, the suite dataset it maps to. */
  private String sub(Dim d, String v) {
    if (d != Dim.DATASET || v.isEmpty()) {
      return "";
    }
    String suite = paper.datasets().get(v);
    return suite == null ? "not available" : "suite: " + suite;
  }

  private static String dimName(Dim d) {
    String n = d.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }
}
