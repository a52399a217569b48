package dev.recsuite.reports.paper;

/**
 * The suite's value for one paper cell, in the paper's unit, or why there is none.
 *
 * @param mean the reproduced value (NaN when not run)
 * @param sd standard deviation over seeds (NaN with one seed or for derived values)
 * @param n seeds behind the value
 * @param ciLower lower end of the confidence interval (NaN when none)
 * @param ciMethod how the interval was built, e.g. "95% CI, Student t, 4 df"
 * @param testSelected whether a configuration behind the value was chosen by test score
 * @param detail what ran (system, seeds, runs) or why nothing did
 */
public record Reproduction(boolean run, double mean, double sd, int n, double ciLower, double ciUpper,
    String ciMethod, boolean testSelected, String detail) {

  static Reproduction notRun(String why) {
    return new Reproduction(false, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, "", false, why);
  }

  public boolean hasInterval() {
    return !Double.isNaN(ciLower);
  }

  /** True when the interval holds {@code x}. */
  public boolean intervalContains(double x) {
    return hasInterval() && ciLower <= x && x <= ciUpper;
  }
}
