package dev.recsuite.reports.input;

/**
 * One system of a leaderboard: a model, its variant ("" for the main configuration) and how its configuration
 * was chosen. Results chosen by test score ({@code test-as-mmrec}) are a different system from the same model
 * chosen on validation, so they are never averaged together.
 */
public record SystemKey(String model, String variant, String selectionRule) {

  /** "LightGCN", "Wave-DGARec (w/o Wavelet)"; the test-selection mark is added by the views. */
  public String label() {
    return variant.isEmpty() ? model : model + " (" + variant + ")";
  }

  public boolean testSelected() {
    return RunSummary.TEST_AS_MMREC.equals(selectionRule);
  }
}
