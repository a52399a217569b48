package dev.recsuite.reports.paper;

import dev.recsuite.reports.Display;
import dev.recsuite.reports.claims.ClaimEvaluator;
import dev.recsuite.reports.claims.ClaimSpec;
import dev.recsuite.reports.claims.ClaimView;
import dev.recsuite.reports.compare.Estimate;
import dev.recsuite.reports.reference.ReferenceData;
import dev.recsuite.reports.results.ResultIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds one paper's view: each table once per protocol the paper is reproduced under (dataset statistics once),
 * and each claim evaluated under each of its protocols.
 */
public final class PaperViewBuilder {
  private final ReferenceData reference;
  private final Estimate.Config interval;
  private final double tolerance;

  public PaperViewBuilder(ReferenceData reference, Estimate.Config interval, double tolerance) {
    this.reference = reference;
    this.interval = interval;
    this.tolerance = tolerance;
  }

  public PaperView build(PaperSpec paper, ResultIndex index) {
    PaperCohorts cohorts = new PaperCohorts(paper, index);
    PaperTableBuilder tables = new PaperTableBuilder(paper, reference, cohorts, interval, tolerance);
    List<PaperTable> out = new ArrayList<>();
    for (PaperSpec.TableSpec t : paper.tables()) {
      if (!t.perProtocol()) {
        out.add(tables.build(t, "", ""));
        continue;
      }
      for (PaperSpec.Protocol p : paper.protocols()) {
        out.add(tables.build(t, p.name(), p.note()));
      }
    }
    ClaimEvaluator evaluator = new ClaimEvaluator(cohorts);
    List<ClaimView> claims = new ArrayList<>();
    for (ClaimSpec c : paper.claims()) {
      List<String> protocols = c.protocols().isEmpty()
          ? paper.protocols().stream().map(PaperSpec.Protocol::name).toList() : c.protocols();
      for (String p : protocols) {
        claims.add(evaluator.evaluate(c, p).view());
      }
    }
    Set<String> suiteDatasets = new HashSet<>();
    paper.datasets().values().stream().filter(d -> d != null).forEach(suiteDatasets::add);
    List<PaperView.ProtocolRow> protocols = paper.protocols().stream().map(p -> new PaperView.ProtocolRow(p.name(),
        p.note(), (int) index.runs().stream().filter(r -> r.protocol().equals(p.name())
            && suiteDatasets.contains(r.dataset()) && r.evaluation().mode().equals(paper.evaluationMode())).count()))
        .toList();
    List<PaperView.MappingRow> datasets = new ArrayList<>();
    paper.datasets().forEach((k, v) -> datasets.add(new PaperView.MappingRow(k, v == null ? "" : v)));
    return new PaperView(Display.anchor("paper-" + paper.paper()), paper.paper(), paper.title(), paper.citation(),
        paper.source(), paper.hardware(), paper.significance(), protocols, datasets, out, claims,
        reference.missing(paper.paper()), paper.notes());
  }
}
