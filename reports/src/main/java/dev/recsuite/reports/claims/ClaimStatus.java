package dev.recsuite.reports.claims;

/** What the suite's runs say about a claim. */
public enum ClaimStatus {
  HELD("held", "held"),
  NOT_HELD("not held", "notheld"),
  /** Not enough of the claim's comparisons ran (or could be tested) to decide it. */
  NOT_RUN("not run", "notrun");

  private final String label;
  private final String cssClass;

  ClaimStatus(String label, String cssClass) {
    this.label = label;
    this.cssClass = cssClass;
  }

  public String label() {
    return label;
  }

  public String cssClass() {
    return cssClass;
  }
}
