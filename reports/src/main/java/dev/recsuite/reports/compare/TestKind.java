package dev.recsuite.reports.compare;

import dev.recsuite.stats.Pairing;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which paired test compares two systems, named as resource files and settings spell it. Across seeds each run
 * gives one value (its mean over users); across users each user gives one value (its mean over the seeds that
 * both systems ran). Wave-DGARec and MM-RACL-KAL test across seeds (specs/proposed.md §0.3, W-17).
 */
public enum TestKind {
  T_TEST_SEEDS("t-test-seeds", "paired t-test across seeds", Pairing.SEED),
  WILCOXON_SEEDS("wilcoxon-seeds", "Wilcoxon signed-rank test across seeds", Pairing.SEED),
  T_TEST_USERS("t-test-users", "paired t-test across users", Pairing.USER),
  WILCOXON_USERS("wilcoxon-users", "Wilcoxon signed-rank test across users", Pairing.USER),
  /** No test: compare the means only (timings, where seeds do not make a sample of interest). */
  NONE("none", "means compared, no test", null);

  private final String key;
  private final String description;
  private final Pairing pairing;

  TestKind(String key, String description, Pairing pairing) {
    this.key = key;
    this.description = description;
    this.pairing = pairing;
  }

  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** SEED or USER; null for {@link #NONE}. */
  public Pairing pairing() {
    return pairing;
  }

  public static TestKind parse(String key, String where) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    for (TestKind t : values()) {
      if (t.key.equals(k)) {
        return t;
      }
    }
    throw new IllegalArgumentException(where + ": unknown test '" + key + "'; expected one of "
        + String.join(", ", Arrays.stream(values()).map(TestKind::key).toList()));
  }
}
