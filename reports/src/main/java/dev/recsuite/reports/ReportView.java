package dev.recsuite.reports;

import dev.recsuite.reports.efficiency.EfficiencyView;
import dev.recsuite.reports.export.ExportTable;
import dev.recsuite.reports.leaderboard.LeaderboardView;
import dev.recsuite.reports.paper.PaperView;
import dev.recsuite.reports.plot.PlotView;
import dev.recsuite.reports.provenance.ProvenanceView;
import java.util.List;

/**
 * Everything the HTML template prints, already computed and formatted: the template only lays it out.
 *
 * @param summary one line: how many runs, settings, systems
 * @param settingsNote the test, correction, intervals and tolerance the report used
 * @param sections one per setting: its leaderboard and plots
 * @param sampledVsFull bar charts of sampled against full-ranking values
 * @param exports every exported table (CSV and LaTeX files beside the HTML)
 */
public record ReportView(String title, String summary, String settingsNote, String tolerance,
    List<SettingSection> sections, List<PlotView> sampledVsFull, List<PaperView> papers, EfficiencyView efficiency,
    ProvenanceView provenance, List<ExportTable> exports) {

  public record SettingSection(LeaderboardView leaderboard, List<PlotView> plots) {}
}
