package dev.recsuite.reports.claims;

import dev.recsuite.reports.Display;
import dev.recsuite.reports.claims.ClaimSpec.Quantifier;
import dev.recsuite.reports.compare.PairedComparison;
import dev.recsuite.reports.compare.TestKind;
import dev.recsuite.reports.paper.PaperCohorts;
import dev.recsuite.reports.paper.PaperSpec;
import dev.recsuite.reports.paper.PaperSpec.MetricRef;
import dev.recsuite.reports.results.Measure;
import dev.recsuite.stats.paired.Alternative;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a paper's claims on the suite's runs, one protocol at a time.
 *
 * <p>Each dataset × metric × pair is a cell. A cell passes when the claimed-higher system has the larger mean and,
 * unless the claim asks for no test, the two-sided paired test (across seeds or users, as the claim says) rejects
 * equality at α after the claim's correction over all its tested cells. For "beats the best baseline" the lower
 * side of each cell is the baseline with the largest mean on that dataset and metric among those that ran.
 * A cell is not run when either side has no runs, and untested when both ran but no test was possible (one seed);
 * neither counts as evidence. The quantifier then decides: see {@link Quantifier}.
 */
public final class ClaimEvaluator {
  private final PaperCohorts cohorts;

  public ClaimEvaluator(PaperCohorts cohorts) {
    this.cohorts = cohorts;
  }

  /** The claim's result, or a NOT_RUN result naming why, under one protocol. */
  public Result evaluate(ClaimSpec claim, String protocol) {
    PaperSpec paper = cohorts.paper();
    List<Cell> cells = new ArrayList<>();
    for (String dataset : claim.datasets()) {
      for (String metric : claim.metrics()) {
        MetricRef m = paper.metrics().get(metric);
        if (m == null || m.type() != MetricRef.Type.MEASURE || m.measure() == null) {
          for (ClaimSpec.Pair p : pairs(claim)) {
            cells.add(Cell.notRun(dataset, metric, p.higher(), p.lower(), "the suite has no counterpart of " + metric));
          }
          continue;
        }
        if (claim.kind() == ClaimSpec.Kind.BEATS_BEST_BASELINE) {
          cells.add(beatsBest(claim, protocol, dataset, metric, m.measure()));
        } else {
          for (ClaimSpec.Pair p : claim.pairs()) {
            cells.add(compare(claim, protocol, dataset, metric, m.measure(), p.higher(), p.lower(), ""));
          }
        }
      }
    }
    adjust(claim, cells);
    return new Result(claim, protocol, cells, decide(claim.holdsWhen(), cells));
  }

  private List<ClaimSpec.Pair> pairs(ClaimSpec claim) {
    return claim.kind() == ClaimSpec.Kind.BEATS_BEST_BASELINE
        ? List.of(new ClaimSpec.Pair(claim.model(), "best baseline")) : claim.pairs();
  }

  private Cell beatsBest(ClaimSpec claim, String protocol, String dataset, String metric, Measure measure) {
    String best = null;
    double bestMean = Double.NEGATIVE_INFINITY;
    int ran = 0;
    for (String b : claim.baselines()) {
      PaperCohorts.Lookup l = cohorts.find(protocol, dataset, b);
      if (!l.found()) {
        continue;
      }
      double mean = l.cohort().mean(measure);
      if (Double.isNaN(mean)) {
        continue;
      }
      ran++;
      if (mean > bestMean) {
        bestMean = mean;
        best = b;
      }
    }
    if (best == null) {
      return Cell.notRun(dataset, metric, claim.model(), "best baseline", "no baseline ran on " + dataset);
    }
    String note = ran < claim.baselines().size()
        ? "best of the " + ran + " of " + claim.baselines().size() + " baselines that ran" : "best of all baselines";
    return compare(claim, protocol, dataset, metric, measure, claim.model(), best, note);
  }

  private Cell compare(ClaimSpec claim, String protocol, String dataset, String metric, Measure measure,
      String higher, String lower, String note) {
    PaperCohorts.Lookup a = cohorts.find(protocol, dataset, higher);
    PaperCohorts.Lookup b = cohorts.find(protocol, dataset, lower);
    if (!a.found() || !b.found()) {
      return Cell.notRun(dataset, metric, higher, lower, !a.found() ? a.reason() : b.reason());
    }
    PairedComparison c = PairedComparison.of(a.cohort(), b.cohort(), measure, claim.test(), Alternative.TWO_SIDED);
    if (Double.isNaN(c.meanA()) || Double.isNaN(c.meanB())) {
      return Cell.notRun(dataset, metric, higher, lower, "the runs do not record " + measure.label());
    }
    String n = note;
    if (a.cohort().system().testSelected() || b.cohort().system().testSelected()) {
      n = (n.isEmpty() ? "" : n + "; ") + "† a configuration was chosen by test score";
    }
    return new Cell(dataset, metric, higher, lower, c, Double.NaN, null, n);
  }

  /** Adjusts the tested cells' p-values together and settles every cell's outcome. */
  private static void adjust(ClaimSpec claim, List<Cell> cells) {
    List<Cell> tested = cells.stream().filter(c -> c.comparison != null && c.comparison.tested()).toList();
    double[] p = tested.stream().mapToDouble(c -> c.comparison.test().pValue()).toArray();
    double[] adjusted = claim.correction() == null ? p : claim.correction().adjust(p);
    for (int i = 0; i < tested.size(); i++) {
      tested.get(i).pAdjusted = adjusted[i];
    }
    for (Cell c : cells) {
      if (c.comparison == null) {
        c.outcome = Outcome.NOT_RUN;
      } else if (!(c.comparison.difference() > 0)) {
        c.outcome = Outcome.FAIL;
      } else if (claim.test() == TestKind.NONE) {
        c.outcome = Outcome.PASS;
      } else if (!c.comparison.tested()) {
        c.outcome = Outcome.UNTESTED;
      } else {
        c.outcome = c.pAdjusted <= claim.alpha() ? Outcome.PASS : Outcome.FAIL;
      }
    }
  }

  static ClaimStatus decide(Quantifier q, List<Cell> cells) {
    long pass = cells.stream().filter(c -> c.outcome == Outcome.PASS).count();
    long fail = cells.stream().filter(c -> c.outcome == Outcome.FAIL).count();
    long pending = cells.size() - pass - fail;
    return switch (q.type()) {
      case EVERY -> fail > 0 ? ClaimStatus.NOT_HELD : pass == 0 ? ClaimStatus.NOT_RUN : ClaimStatus.HELD;
      case AT_LEAST -> pass >= q.value() ? ClaimStatus.HELD
          : pass + pending >= q.value() ? ClaimStatus.NOT_RUN : ClaimStatus.NOT_HELD;
      case SHARE -> pass + fail == 0 ? ClaimStatus.NOT_RUN
          : pass >= q.value() * (pass + fail) - 1e-12 ? ClaimStatus.HELD : ClaimStatus.NOT_HELD;
    };
  }

  /** The outcome of one cell. */
  public enum Outcome {
    PASS("pass"), FAIL("fail"), UNTESTED("untested"), NOT_RUN("not run");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One comparison of a claim; {@code comparison} is null when a side did not run. */
  public static final class Cell {
    final String dataset;
    final String metric;
    final String higher;
    final String lower;
    final PairedComparison comparison;
    final String note;
    double pAdjusted;
    Outcome outcome;

    Cell(String dataset, String metric, String higher, String lower, PairedComparison comparison, double pAdjusted,
        Outcome outcome, String note) {
      this.dataset = dataset;
      this.metric = metric;
      this.higher = higher;
      this.lower = lower;
      this.comparison = comparison;
      this.pAdjusted = pAdjusted;
      this.outcome = outcome;
      this.note = note;
    }

    static Cell notRun(String dataset, String metric, String higher, String lower, String why) {
      return new Cell(dataset, metric, higher, lower, null, Double.NaN, Outcome.NOT_RUN, why);
    }

    public Outcome outcome() {
      return outcome;
    }

    public double pAdjusted() {
      return pAdjusted;
    }

    public PairedComparison comparison() {
      return comparison;
    }
  }

  /** A claim's cells and status under one protocol. */
  public record Result(ClaimSpec claim, String protocol, List<Cell> cells, ClaimStatus status) {

    public long count(Outcome o) {
      return cells.stream().filter(c -> c.outcome == o).count();
    }

    /** The printable view. */
    public ClaimView view() {
      List<ClaimView.CellRow> rows = new ArrayList<>();
      for (Cell c : cells) {
        PairedComparison pc = c.comparison;
        String untested = pc != null && !pc.tested() && claim.test() != TestKind.NONE ? pc.untested() : "";
        String note = String.join("; ", List.of(c.note, untested).stream().filter(s -> !s.isEmpty()).toList());
        rows.add(new ClaimView.CellRow(c.dataset, c.metric, c.higher, c.lower,
            pc == null ? "" : Display.fixed(pc.meanA(), 4), pc == null ? "" : Display.fixed(pc.meanB(), 4),
            pc == null || !pc.tested() ? "" : Display.p(pc.test().pValue()),
            Double.isNaN(c.pAdjusted) ? "" : Display.p(c.pAdjusted), c.outcome.label(), note));
      }
      long pass = count(Outcome.PASS);
      long fail = count(Outcome.FAIL);
      long untested = count(Outcome.UNTESTED);
      long notRun = count(Outcome.NOT_RUN);
      String coverage = String.format(Locale.ROOT, "%d of %d comparisons evaluated: %d passed, %d failed", pass + fail,
          cells.size(), pass, fail) + (untested > 0 ? String.format(Locale.ROOT, "; %d untested", untested) : "")
          + (notRun > 0 ? String.format(Locale.ROOT, "; %d not run", notRun) : "") + pRange();
      return new ClaimView(claim.id(), claim.text(), claim.source(), claim.reading(), protocol, status.label(),
          status.cssClass(), claim.testDescription(), "holds when " + claim.holdsWhen().describe() + " passes",
          coverage, rows);
    }

    /** "; corrected p 0.0012 to 0.34" over the tested cells ("" when none was tested). */
    private String pRange() {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (Cell c : cells) {
        if (!Double.isNaN(c.pAdjusted)) {
          lo = Math.min(lo, c.pAdjusted);
          hi = Math.max(hi, c.pAdjusted);
        }
      }
      if (lo > hi) {
        return "";
      }
      String what = claim.correction() == null ? "p" : "corrected p";
      return lo == hi ? "; " + what + " " + Display.p(lo) : "; " + what + " " + Display.p(lo) + " to " + Display.p(hi);
    }
  }
}
