package dev.recsuite.suite.experiment;

import java.util.Arrays;
import java.util.List;

/** How a configuration is chosen from a grid: the experiment file's {@code selection} key. */
public enum Selection {
  /** By the selection metric on the validation split, at each trial's best epoch (the suite default). */
  VALIDATION("validation"),
  /**
   * MMRec's rule: by the test value of the selection metric at each trial's best validation epoch
   * (specs/baselines.md §2.3; enoche/MMRec#64 calls it test leakage). Only for reproducing published
   * numbers; every result chosen this way is marked.
   */
  TEST_AS_MMREC("test-as-mmrec");

  private final String key;

  Selection(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Selection::key).toList();
  }
}
