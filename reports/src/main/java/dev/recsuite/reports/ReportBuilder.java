package dev.recsuite.reports;

import dev.recsuite.reports.efficiency.EfficiencyBuilder;
import dev.recsuite.reports.efficiency.EfficiencyView;
import dev.recsuite.reports.export.ExportTable;
import dev.recsuite.reports.input.RunSummary;
import dev.recsuite.reports.input.Setting;
import dev.recsuite.reports.leaderboard.LeaderboardBuilder;
import dev.recsuite.reports.leaderboard.LeaderboardView;
import dev.recsuite.reports.paper.PaperSpec;
import dev.recsuite.reports.paper.PaperSpecLoader;
import dev.recsuite.reports.paper.PaperTable;
import dev.recsuite.reports.paper.PaperView;
import dev.recsuite.reports.paper.PaperViewBuilder;
import dev.recsuite.reports.plot.PlotBuilder;
import dev.recsuite.reports.provenance.ProvenanceBuilder;
import dev.recsuite.reports.reference.ReferenceData;
import dev.recsuite.reports.results.ResultIndex;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a set of runs into a {@link ReportView}: leaderboards and plots per setting, one view per paper
 * (from {@code papers/*.yaml} and {@code reference/*.csv}), the efficiency comparison and the provenance footer.
 * The same runs and settings always give the same view.
 */
public final class ReportBuilder {
  private final ReportSettings settings;
  private final ReferenceData reference;
  private final List<PaperSpec> papers;

  public ReportBuilder(ReportSettings settings) {
    this(settings, new ReferenceData());
  }

  private ReportBuilder(ReportSettings settings, ReferenceData reference) {
    this(settings, reference, new PaperSpecLoader(reference).loadAll());
  }

  /** With an explicit list of paper specs (tests, or a report of chosen papers). */
  public ReportBuilder(ReportSettings settings, ReferenceData reference, List<PaperSpec> papers) {
    this.settings = settings;
    this.reference = reference;
    this.papers = List.copyOf(papers);
  }

  public ReportView build(Collection<RunSummary> runs) {
    ResultIndex index = ResultIndex.of(runs);
    LeaderboardBuilder leaderboards = new LeaderboardBuilder(settings);
    PlotBuilder plots = new PlotBuilder(settings);
    List<ReportView.SettingSection> sections = new ArrayList<>();
    List<ExportTable> exports = new ArrayList<>();
    for (Setting s : index.settings()) {
      boolean severalRules = index.settings(s.dataset(), s.protocol(), s.mode()).size() > 1;
      LeaderboardView lb = leaderboards.build(s, index.cohorts(s), severalRules);
      sections.add(new ReportView.SettingSection(lb, plots.forSetting(index.cohorts(s))));
      exports.add(lb.export());
    }
    PaperViewBuilder paperViews = new PaperViewBuilder(reference, settings.interval(), settings.tolerance());
    List<PaperView> paperList = new ArrayList<>();
    for (PaperSpec p : papers) {
      PaperView v = paperViews.build(p, index);
      paperList.add(v);
      v.tables().stream().map(PaperTable::export).forEach(exports::add);
    }
    EfficiencyView efficiency = new EfficiencyBuilder(reference).build(papers, index);
    exports.add(efficiency.export());
    return new ReportView(settings.title(), summary(index), settingsNote(), percent(settings.tolerance()), sections,
        plots.sampledVsFull(index), paperList, efficiency, ProvenanceBuilder.build(runs), List.copyOf(exports));
  }

  private static String summary(ResultIndex index) {
    Set<String> systems = new HashSet<>();
    Set<String> datasets = new HashSet<>();
    index.runs().forEach(r -> {
      systems.add(r.system().label());
      datasets.add(r.dataset());
    });
    return String.format(Locale.ROOT, "%d runs of %d systems on %d datasets in %d settings (dataset × protocol ×"
        + " evaluation)", index.runs().size(), systems.size(), datasets.size(), index.settings().size());
  }

  private String settingsNote() {
    return String.format(Locale.ROOT, "Significance: %s, two-sided, %s correction per leaderboard, α = %s. Intervals:"
        + " %s%% Student t across seeds; with one seed, a percentile bootstrap across users (%d resamples, seed %d)."
        + " Paper cells: within tolerance when |suite − paper| / paper ≤ %s.", settings.leaderboardTest().description(),
        settings.correction().label(), plain(settings.alpha()), plain(settings.interval().level() * 100),
        settings.interval().bootstrapResamples(), settings.interval().bootstrapSeed(), percent(settings.tolerance()));
  }

  private static String percent(double fraction) {
    return plain(fraction * 100) + "%";
  }

  private static String plain(double v) {
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }
}
