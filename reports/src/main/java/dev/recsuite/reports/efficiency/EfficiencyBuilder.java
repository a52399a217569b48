package dev.recsuite.reports.efficiency;

import dev.recsuite.reports.Display;
import dev.recsuite.reports.export.ExportTable;
import dev.recsuite.reports.paper.PaperCohorts;
import dev.recsuite.reports.paper.PaperSpec;
import dev.recsuite.reports.paper.PaperSpec.MetricRef;
import dev.recsuite.reports.reference.ReferenceData;
import dev.recsuite.reports.reference.ReferenceValue;
import dev.recsuite.reports.results.Cohort;
import dev.recsuite.reports.results.Measure;
import dev.recsuite.reports.results.ResultIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Collects each paper's efficiency figures (reference rows whose metric maps to seconds per epoch, parameters or
 * memory) and puts the suite's own figures for the same model and dataset beside them, under each of the paper's
 * protocols. Times and memory are never judged against the paper's: the hardware differs, and the view says so.
 */
public final class EfficiencyBuilder {
  private final ReferenceData reference;

  public EfficiencyBuilder(ReferenceData reference) {
    this.reference = reference;
  }

  public EfficiencyView build(List<PaperSpec> papers, ResultIndex index) {
    List<EfficiencyView.Block> blocks = new ArrayList<>();
    TreeSet<String> machines = new TreeSet<>();
    List<List<ExportTable.Cell>> exportRows = new ArrayList<>();
    List<List<String>> csvRows = new ArrayList<>();
    for (PaperSpec paper : papers) {
      Map<List<String>, Map<Measure.Kind, ReferenceValue>> figures = figures(paper);
      if (figures.isEmpty()) {
        continue;
      }
      PaperCohorts cohorts = new PaperCohorts(paper, index);
      List<EfficiencyView.Row> rows = new ArrayList<>();
      for (var e : figures.entrySet()) {
        String dataset = e.getKey().get(0);
        String model = e.getKey().get(1);
        Map<Measure.Kind, ReferenceValue> pub = e.getValue();
        for (PaperSpec.Protocol protocol : paper.protocols()) {
          PaperCohorts.Lookup l = cohorts.find(protocol.name(), dataset, model);
          EfficiencyView.Row row = row(paper, dataset, model, protocol.name(), pub, l.cohort());
          if (l.found()) {
            l.cohort().runs().forEach(r -> machines.add(r.provenance().machine()));
          }
          rows.add(row);
          exportRows.add(List.of(ExportTable.Cell.plain(paper.paper()), ExportTable.Cell.plain(dataset),
              ExportTable.Cell.plain(model), ExportTable.Cell.plain(protocol.name()),
              ExportTable.Cell.plain(row.paperTime()), ExportTable.Cell.plain(row.suiteTime()),
              ExportTable.Cell.plain(row.paperParams()), ExportTable.Cell.plain(row.suiteParams()),
              ExportTable.Cell.plain(row.paperMemory()), ExportTable.Cell.plain(row.suiteRss())));
          csvRows.add(csv(paper, dataset, model, protocol.name(), pub, l.cohort()));
        }
      }
      blocks.add(new EfficiencyView.Block(paper.paper(), paper.hardware(), rows));
    }
    ExportTable export = new ExportTable("efficiency", "Efficiency: papers' figures beside the suite's",
        List.of("Paper", "Dataset", "Model", "Protocol", "Paper s/epoch", "Suite s/epoch", "Paper params",
            "Suite params (M)", "Paper memory", "Suite peak RSS (GiB)"), exportRows, CSV_HEADER, csvRows);
    return new EfficiencyView(blocks, List.copyOf(machines), export);
  }

  private static final List<String> CSV_HEADER = List.of("paper", "dataset", "model", "protocol",
      "paper_seconds_per_epoch", "paper_params", "paper_params_unit", "paper_memory", "paper_memory_unit",
      "suite_seconds_per_epoch", "suite_seconds_per_epoch_min", "suite_seconds_per_epoch_max", "suite_parameters",
      "suite_peak_heap_bytes", "suite_peak_rss_bytes", "suite_test_eval_seconds", "seeds");

  /** (dataset, model) to its printed figures by kind, in the paper's order. */
  private Map<List<String>, Map<Measure.Kind, ReferenceValue>> figures(PaperSpec paper) {
    Map<List<String>, Map<Measure.Kind, ReferenceValue>> out = new LinkedHashMap<>();
    for (PaperSpec.TableSpec t : paper.tables()) {
      if (!t.published()) {
        continue;
      }
      for (ReferenceValue v : reference.rows(t.file(), paper.paper(), t.referenceTable())) {
        MetricRef m = paper.metrics().get(v.metric());
        if (m == null || m.type() != MetricRef.Type.MEASURE || m.measure() == null) {
          continue;
        }
        Measure.Kind k = m.measure().kind();
        if (k == Measure.Kind.SECONDS_PER_EPOCH || k == Measure.Kind.PARAMETERS || k == Measure.Kind.PEAK_RSS
            || k == Measure.Kind.PEAK_HEAP) {
          out.computeIfAbsent(List.of(v.dataset(), v.model()), x -> new LinkedHashMap<>()).put(
              k == Measure.Kind.PEAK_HEAP ? Measure.Kind.PEAK_RSS : k, v);
        }
      }
    }
    return out;
  }

  private static EfficiencyView.Row row(PaperSpec paper, String dataset, String model, String protocol,
      Map<Measure.Kind, ReferenceValue> pub, Cohort c) {
    String suiteDataset = paper.datasets().get(dataset);
    String time = printed(pub.get(Measure.Kind.SECONDS_PER_EPOCH));
    String params = printed(pub.get(Measure.Kind.PARAMETERS));
    String memory = printed(pub.get(Measure.Kind.PEAK_RSS));
    if (c == null) {
      return new EfficiencyView.Row(dataset, suiteDataset == null ? "not available" : suiteDataset, model, protocol,
          time, "not run", params, "not run", memory, "not run", "not run", "not run", false);
    }
    double lo = fastestEpoch(c);
    double hi = slowestEpoch(c);
    double median = c.mean(Measure.of(Measure.Kind.SECONDS_PER_EPOCH));
    String suiteTime = Double.isNaN(median) ? "– (not iterative)" : Display.fixed(median, 3)
        + (Double.isNaN(lo) ? "" : " [" + Display.fixed(lo, 3) + "–" + Display.fixed(hi, 3) + "]");
    double parameters = c.mean(Measure.of(Measure.Kind.PARAMETERS));
    return new EfficiencyView.Row(dataset, suiteDataset, model, protocol, time, suiteTime, params,
        Double.isNaN(parameters) ? "–" : Display.fixed(parameters / 1e6, 3), memory,
        Display.gib(c.mean(Measure.of(Measure.Kind.PEAK_HEAP))), Display.gib(c.mean(Measure.of(Measure.Kind.PEAK_RSS))),
        Display.fixed(c.mean(Measure.of(Measure.Kind.TEST_EVAL_SECONDS)), 3), true);
  }

  private static List<String> csv(PaperSpec paper, String dataset, String model, String protocol,
      Map<Measure.Kind, ReferenceValue> pub, Cohort c) {
    ReferenceValue t = pub.get(Measure.Kind.SECONDS_PER_EPOCH);
    ReferenceValue p = pub.get(Measure.Kind.PARAMETERS);
    ReferenceValue m = pub.get(Measure.Kind.PEAK_RSS);
    List<String> row = new ArrayList<>(List.of(paper.paper(), dataset, model, protocol, t == null ? "" : t.value(),
        p == null ? "" : p.value(), p == null ? "" : p.unit(), m == null ? "" : m.value(), m == null ? "" : m.unit()));
    if (c == null) {
      row.addAll(List.of("", "", "", "", "", "", "", "0"));
      return row;
    }
    row.addAll(List.of(num(c.mean(Measure.of(Measure.Kind.SECONDS_PER_EPOCH))), num(fastestEpoch(c)),
        num(slowestEpoch(c)), num(c.mean(Measure.of(Measure.Kind.PARAMETERS))),
        num(c.mean(Measure.of(Measure.Kind.PEAK_HEAP))), num(c.mean(Measure.of(Measure.Kind.PEAK_RSS))),
        num(c.mean(Measure.of(Measure.Kind.TEST_EVAL_SECONDS))), Integer.toString(c.size())));
    return row;
  }

  /** The fastest epoch (after the first) over all seeds. */
  private static double fastestEpoch(Cohort c) {
    return c.runs().stream().mapToDouble(r -> r.efficiency().epochSecondsMin()).filter(v -> !Double.isNaN(v)).min()
        .orElse(Double.NaN);
  }

  private static double slowestEpoch(Cohort c) {
    return c.runs().stream().mapToDouble(r -> r.efficiency().epochSecondsMax()).filter(v -> !Double.isNaN(v)).max()
        .orElse(Double.NaN);
  }

  private static String printed(ReferenceValue v) {
    if (v == null) {
      return "";
    }
    String unit = v.unit().equals("s/epoch") ? "s" : v.unit();
    return v.value() + " " + unit;
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
