package dev.recsuite.reports.claims;

import dev.recsuite.reports.compare.TestKind;
import dev.recsuite.stats.correction.Correction;
import java.util.List;
import java.util.Locale;

/**
 * One claim of a paper as data (the {@code claims} list of a paper resource file), evaluated on the suite's runs
 * by {@link ClaimEvaluator}. All names are the paper's; the paper's mapping turns them into suite names.
 *
 * <p>Two kinds:
 * <ul>
 *   <li>{@link Kind#BEATS_BEST_BASELINE}: on each dataset × metric, {@code model} is larger than the best (largest
 *       mean) of {@code baselines}, significantly under {@code test} at {@code alpha};</li>
 *   <li>{@link Kind#PAIRWISE}: for each pair, {@code higher} is larger than {@code lower} on each dataset × metric
 *       ({@code ascending: [a, b, c]} in a file means the pairs (b, a) and (c, b)).</li>
 * </ul>
 * Each dataset × metric × pair is a cell; p-values of the tested cells are adjusted together by
 * {@code correction} (null: none), separately for each protocol; {@code holdsWhen} says how many cells must pass.
 *
 * @param text the claim in words, close to the paper's
 * @param source the paper's text file and line
 * @param reading how the suite reads a vague claim ("several metrics" as at least two cells), or ""
 * @param protocols protocols to evaluate under (empty: every protocol of the paper)
 */
public record ClaimSpec(String id, String text, String source, String reading, Kind kind, String model,
    List<String> baselines, List<Pair> pairs, List<String> datasets, List<String> metrics, List<String> protocols,
    TestKind test, double alpha, Correction correction, Quantifier holdsWhen) {

  public enum Kind {
    BEATS_BEST_BASELINE, PAIRWISE
  }

  /** {@code higher} is claimed to have the larger value. */
  public record Pair(String higher, String lower) {}

  /** How many of the cells that ran must pass for the claim to hold. */
  public record Quantifier(Type type, double value) {
    public enum Type {
      /** Every cell that ran passes, and at least one ran. */
      EVERY,
      /** At least {@code value} cells pass. */
      AT_LEAST,
      /** At least a share {@code value} of the cells that ran pass. */
      SHARE
    }

    public static final Quantifier EVERY_CELL = new Quantifier(Type.EVERY, 1);

    public String describe() {
      return switch (type) {
        case EVERY -> "every cell that ran";
        case AT_LEAST -> "at least " + (int) value + " cells";
        case SHARE -> String.format(Locale.ROOT, "at least %.0f%% of the cells that ran", 100 * value);
      };
    }
  }

  /** "paired t-test across seeds, two-sided, α = 0.01, Holm-Bonferroni" as a claim prints it. */
  public String testDescription() {
    if (test == TestKind.NONE) {
      return test.description();
    }
    return String.format(Locale.ROOT, "%s, two-sided, α = %s, %s", test.description(), trim(alpha),
        correction == null ? "no correction" : correction.label() + " correction");
  }

  private static String trim(double v) {
    return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }
}
