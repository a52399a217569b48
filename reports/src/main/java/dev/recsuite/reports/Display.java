package dev.recsuite.reports;

import java.util.Locale;

/** How numbers are printed in views and exports (Locale.ROOT, a real minus sign for negatives in HTML). */
public final class Display {
  private Display() {}

  /** {@code v} with {@code decimals} decimals; "–" for NaN. */
  public static String fixed(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** "0.0612 ± 0.0011" (just the mean when sd is undefined). */
  public static String meanSd(double mean, double sd, int decimals) {
    return Double.isNaN(sd) ? fixed(mean, decimals) : fixed(mean, decimals) + " ± " + fixed(sd, decimals);
  }

  /** A signed percentage: "+3.4%", "−12.0%". */
  public static String signedPercent(double fraction) {
    if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
      return "–";
    }
    String s = String.format(Locale.ROOT, "%+.1f%%", 100 * fraction);
    return s.replace('-', '−');
  }

  /** A p-value: "0.0032", "1.2e-05", "< 1e-300". */
  public static String p(double p) {
    if (Double.isNaN(p)) {
      return "–";
    }
    if (p == 0) {
      return "< 1e-300";
    }
    if (p >= 0.001) {
      return String.format(Locale.ROOT, "%.4f", p);
    }
    return String.format(Locale.ROOT, "%.1e", p);
  }

  /** Bytes as GiB with two decimals, "–" when unknown (negative or NaN). */
  public static String gib(double bytes) {
    return bytes < 0 || Double.isNaN(bytes) ? "–" : fixed(bytes / (1L << 30), 2);
  }


  /** An HTML id or file-name stem: lower case, runs of other characters as one hyphen. */
  public static String anchor(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
