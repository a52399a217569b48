package dev.recsuite.reports.paper;

import dev.recsuite.reports.input.RunSummary;
import java.util.List;

/** The toy runs, for tests in other packages. */
public final class ToyRunsAccess {
  private ToyRunsAccess() {}

  public static List<RunSummary> all() {
    return ToyRuns.all();
  }

  public static double[] aRecall() {
    return ToyRuns.A_RECALL.clone();
  }

  public static double[] bRecall() {
    return ToyRuns.B_RECALL.clone();
  }
}
