package dev.recsuite.reports.leaderboard;

import dev.recsuite.reports.export.ExportTable;
import java.util.List;

/**
 * One leaderboard: the systems run in one dataset × protocol × evaluation mode (and rule), each metric's mean ±
 * standard deviation over seeds, the best bold and the second underlined, and marks where a system differs
 * significantly from the best baseline.
 *
 * @param testNote the test, level and correction behind the marks, and the family size
 */
public record LeaderboardView(String anchor, String title, String dataset, String protocol, String mode, String rule,
    List<String> metrics, List<Row> rows, String testNote, ExportTable export) {

  /**
   * @param system the model and variant, with † when its configuration was chosen by test score
   * @param bestEpoch the median best epoch (1-based) over seeds, "–" for models fit on construction
   * @param secondsPerEpoch mean over seeds of the median training seconds per epoch
   */
  public record Row(String system, String role, boolean testSelected, String config, int seeds, List<Cell> cells,
      String bestEpoch, String secondsPerEpoch) {}

  /**
   * @param text "0.0612 ± 0.0011"
   * @param mark ▲ or ▼ (significantly above or below the best baseline after correction), "ref" for the best
   *     baseline itself, or ""
   * @param p the corrected p-value against the best baseline, or ""
   * @param tooltip the test in full, or why none ran
   */
  public record Cell(String text, boolean best, boolean second, String mark, String p, String tooltip) {}
}
