package dev.recsuite.reports.paper;

import dev.recsuite.reports.input.RunSummary;
import dev.recsuite.reports.paper.PaperSpec.ModelRef;
import dev.recsuite.reports.results.Cohort;
import dev.recsuite.reports.results.ResultIndex;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the suite's runs behind a paper's (dataset, model) under a protocol, through the paper's mapping. When
 * several systems match (the same model chosen on validation and by test score, under several evaluation rules,
 * or with configurations from several experiments in one store), the one chosen on validation with the most seeds
 * is used, and the cell's detail names it; the lookup says why nothing matched otherwise.
 */
public final class PaperCohorts {
  private final PaperSpec paper;
  private final ResultIndex index;

  public PaperCohorts(PaperSpec paper, ResultIndex index) {
    this.paper = paper;
    this.index = index;
  }

  public PaperSpec paper() {
    return paper;
  }

  /** The cohort of a paper model on a paper dataset, or why there is none. */
  public Lookup find(String protocol, String paperDataset, String paperModel) {
    String dataset = paper.datasets().get(paperDataset);
    if (dataset == null) {
      return Lookup.missing("not run: dataset '" + paperDataset + "' is not available to the suite");
    }
    ModelRef m = paper.models().get(paperModel);
    if (m == null || !m.runnable()) {
      return Lookup.missing("not run: the suite has no counterpart of '" + paperModel + "'");
    }
    List<Cohort> found = index.find(dataset, protocol, paper.evaluationMode(), m.model(), m.variant());
    Optional<Cohort> best = found.stream().min(Comparator.comparing((Cohort c) -> c.system().testSelected())
        .thenComparing(Comparator.comparingInt(Cohort::size).reversed())
        .thenComparing(c -> !c.system().variant().equals(m.variant())));
    String system = m.variant().isEmpty() ? m.model() : m.model() + " (" + m.variant() + ")";
    return best.map(Lookup::of).orElseGet(() -> Lookup.missing("not run: no " + paper.evaluationMode()
        + "-ranking runs of " + system + " on " + dataset + " under " + protocol));
  }

  /**
   * A run on a paper dataset, for dataset statistics (the same under every protocol): the one with the smallest
   * id, so the choice does not depend on the order runs were read in.
   */
  public Optional<RunSummary> anyRun(String paperDataset) {
    String dataset = paper.datasets().get(paperDataset);
    return dataset == null ? Optional.empty()
        : index.runs().stream().filter(r -> r.dataset().equals(dataset)).min(Comparator.comparing(RunSummary::runId));
  }

  /** A cohort, or the reason there is none. */
  public record Lookup(Cohort cohort, String reason) {
    static Lookup of(Cohort c) {
      return new Lookup(c, null);
    }

    static Lookup missing(String reason) {
      return new Lookup(null, reason);
    }

    public boolean found() {
      return cohort != null;
    }
  }
}
