package dev.recsuite.reports.claims;

import java.util.List;

/**
 * A claim evaluated under one protocol, ready to print.
 *
 * @param status held, not held or not run
 * @param statusClass the CSS class of the status: held, notheld, notrun
 * @param test the test used, its level and correction
 * @param coverage how many cells were evaluated, and why others were not
 * @param cells every cell, for the details
 */
public record ClaimView(String id, String text, String source, String reading, String protocol, String status,
    String statusClass, String test, String rule, String coverage, List<CellRow> cells) {

  /**
   * One comparison of a claim: {@code higher} is claimed larger than {@code lower}.
   *
   * @param outcome pass, fail, untested or not run
   */
  public record CellRow(String dataset, String metric, String higher, String lower, String meanHigher,
      String meanLower, String p, String pAdjusted, String outcome, String note) {}
}
