package dev.recsuite.suite.run;

/**
 * Why a run is made, which is part of its id: a reported run with a fixed configuration, a grid trial
 * (one grid point with the first seed), or a reported run whose configuration a selection rule chose from a
 * grid. The rule and the grid are part of a chosen run's id, so a result chosen by test score
 * ({@code test-as-mmrec}) is never mistaken for one chosen on validation, even with the same configuration.
 *
 * @param role {@code final} (reported) or {@code trial} (grid search)
 * @param rule {@code fixed}, {@code validation} or {@code test-as-mmrec}; null for a trial
 * @param grid SHA-256 of the grid's configurations (chosen runs only)
 * @param point the grid point, e.g. {@code reg_weight=0.001} ("" without a grid)
 */
public record Purpose(String role, String rule, String grid, String point) {
  public static final String FINAL = "final";
  public static final String TRIAL = "trial";
  public static final String FIXED = "fixed";

  public static Purpose fixed() {
    return new Purpose(FINAL, FIXED, null, "");
  }

  public static Purpose trial(String point) {
    return new Purpose(TRIAL, null, null, point);
  }

  public static Purpose chosen(String rule, String grid, String point) {
    return new Purpose(FINAL, rule, grid, point);
  }

  /** The part of the run id: the point is not in it (the configuration already is). */
  public String key() {
    return role.equals(TRIAL) ? TRIAL : FINAL + ":" + rule + (grid == null ? "" : ":" + grid);
  }
}
