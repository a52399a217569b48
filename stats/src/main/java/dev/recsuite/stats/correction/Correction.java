package dev.recsuite.stats.correction;

import dev.recsuite.stats.paired.PairedTestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The adjustment a report applies to a family of comparisons (e.g. every model against the best baseline on
 * one leaderboard, or every cell of one paper claim), chosen by name in configuration.
 */
public enum Correction {
  /** {@link HolmBonferroni}: controls the family-wise error rate. */
  HOLM("Holm-Bonferroni", "family-wise error rate"),
  /** {@link BenjaminiHochberg}: controls the false discovery rate. */
  BENJAMINI_HOCHBERG("Benjamini-Hochberg", "false discovery rate");

  private final String label;
  private final String controls;

  Correction(String label, String controls) {
    this.label = label;
    this.controls = controls;
  }

  /** "Holm-Bonferroni" or "Benjamini-Hochberg". */
  public String label() {
    return label;
  }

  /** What the adjustment controls: "family-wise error rate" or "false discovery rate". */
  public String controls() {
    return controls;
  }

  /** Adjusted p-values in the order of {@code p}. */
  public double[] adjust(double[] p) {
    return switch (this) {
      case HOLM -> HolmBonferroni.adjust(p);
      case BENJAMINI_HOCHBERG -> BenjaminiHochberg.adjust(p);
    };
  }

  /** Adjusts the p-values of a family of tests together; the results keep the family's order. */
  public List<AdjustedResult> adjust(List<? extends PairedTestResult> family) {
    double[] p = new double[family.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = family.get(i).pValue();
    }
    double[] adjusted = adjust(p);
    List<AdjustedResult> out = new ArrayList<>(p.length);
    for (int i = 0; i < p.length; i++) {
      out.add(new AdjustedResult(family.get(i), this, p.length, adjusted[i]));
    }
    return List.copyOf(out);
  }

  /** Parses "holm" or "bh" / "benjamini_hochberg" / "fdr_bh" (case-insensitive), naming the choices on error. */
  public static Correction parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "holm", "holm_bonferroni", "holm-bonferroni" -> HOLM;
      case "bh", "fdr_bh", "benjamini_hochberg", "benjamini-hochberg" -> BENJAMINI_HOCHBERG;
      default -> throw new IllegalArgumentException("unknown correction '" + name
          + "'; expected 'holm' (Holm-Bonferroni) or 'bh' (Benjamini-Hochberg)");
    };
  }
}
