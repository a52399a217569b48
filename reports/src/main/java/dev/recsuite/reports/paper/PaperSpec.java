package dev.recsuite.reports.paper;

import dev.recsuite.reports.claims.ClaimSpec;
import dev.recsuite.reports.results.Measure;
import java.util.List;
import java.util.Map;

/**
 * One paper's resource file ({@code papers/*.yaml}): what the paper is, the protocols its tables are reproduced
 * under, how its dataset, model and metric names map to the suite's, the layout of each table as printed, and its
 * claims. The published numbers themselves are never here: tables point at {@code reference/*.csv} files.
 *
 * @param resource the file, e.g. {@code papers/wave-dgarec.yaml}
 * @param paper the {@code paper} column of the reference CSVs
 * @param hardware the hardware the paper reports (or "not reported")
 * @param evaluationMode the suite evaluation mode its numbers correspond to ({@code full} or {@code sampled})
 * @param datasets paper dataset name to suite dataset name (null: not available to the suite)
 * @param models paper model name to its suite counterpart
 * @param metrics paper metric name to how the suite measures it
 */
public record PaperSpec(String resource, String paper, String title, String citation, String source, String hardware,
    String significance, String evaluationMode, List<Protocol> protocols, Map<String, String> datasets,
    Map<String, ModelRef> models, Map<String, MetricRef> metrics, List<TableSpec> tables, List<ClaimSpec> claims,
    List<String> notes) {

  /** A protocol the paper's tables are shown under, with why. */
  public record Protocol(String name, String note) {}

  /**
   * @param name the paper's name for the model or row
   * @param label how the view prints it (defaults to the name)
   * @param model the suite's registered model; null when the suite has no counterpart
   * @param variant the suite system's variant ("" for the model's main configuration)
   * @param versus a paper model name this row is compared with (prose rows such as "USERec vs IDFREE")
   * @param attributes printed text columns of the row, e.g. input modality and structure in MM-RACL-KAL Table 4
   */
  public record ModelRef(String name, String label, String model, String variant, String versus,
      Map<String, String> attributes) {
    public boolean runnable() {
      return model != null;
    }
  }

  /**
   * How a paper metric is reproduced: a measure of each run (scaled to the paper's unit), or the relative gain or
   * drop of one model over another on a metric.
   *
   * @param measure for {@link Type#MEASURE}; null when the suite has no counterpart
   * @param of the paper metric a relative gain or drop is taken of
   * @param over the paper model the gain is relative to (else the row's {@link ModelRef#versus()})
   * @param scale multiplies the measure to reach the paper's unit (1e-6 for parameters in millions)
   * @param compare whether the relative difference to the published value is judged against the tolerance
   *     (false for timings and memory, which depend on hardware, and for counts the spec says not to target)
   * @param decimals decimals printed for the reproduced value
   */
  public record MetricRef(String name, Type type, Measure measure, String of, String over, double scale,
      boolean compare, int decimals, String label) {
    public enum Type {
      MEASURE, RELATIVE_GAIN, RELATIVE_DROP
    }

    public boolean runnable() {
      return type != Type.MEASURE || measure != null;
    }
  }

  /** A dimension of a reference value: which CSV column a table's rows or columns run over. */
  public enum Dim {
    DATASET, MODEL, METRIC
  }

  /**
   * One printed table (or a figure shown as a table).
   *
   * @param file the reference CSV; null for a figure that printed no numbers
   * @param referenceTable the CSV's {@code table} value to select ("*" for every row of the paper)
   * @param rows the dimensions down the side, outermost first
   * @param columns the dimension across the top (empty: a single value column)
   * @param order each dimension's values in printed order (from the CSV's row order where not given)
   * @param fixed the value of a dimension that is neither rows nor columns, where the CSV cannot tell it
   * @param columnGroups spanning headers above the columns, as printed
   * @param rowAttributes names of {@link ModelRef#attributes()} printed as text columns after the row labels
   * @param perProtocol whether the table is shown once per protocol (false for dataset statistics)
   * @param ratioTo a paper model whose value hardware-dependent cells are also shown relative to
   * @param showSource whether each row prints its source line (prose numbers)
   */
  public record TableSpec(String id, String caption, String file, String referenceTable, List<Dim> rows,
      List<Dim> columns, Map<Dim, List<String>> order, Map<Dim, String> fixed, List<ColumnGroup> columnGroups,
      List<String> rowAttributes, boolean perProtocol, String ratioTo, boolean showSource) {
    public boolean published() {
      return file != null;
    }
  }

  public record ColumnGroup(String label, List<String> members) {}
}
