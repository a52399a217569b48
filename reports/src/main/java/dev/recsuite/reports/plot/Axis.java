package dev.recsuite.reports.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear axis from data range to pixels, with "nice" ticks at 1, 2 or 5 × 10^k (Heckbert, "Nice numbers for
 * graph labels", Graphics Gems, 1990), extended to cover the data.
 */
final class Axis {
  final double min;
  final double max;
  final double step;
  private final double pixelFrom;
  private final double pixelTo;

  private Axis(double min, double max, double step, double pixelFrom, double pixelTo) {
    this.min = min;
    this.max = max;
    this.step = step;
    this.pixelFrom = pixelFrom;
    this.pixelTo = pixelTo;
  }

  /** An axis covering [lo, hi] (and 0 when {@code fromZero}) mapped onto pixels [from, to]. */
  static Axis of(double lo, double hi, boolean fromZero, double from, double to) {
    if (fromZero) {
      lo = Math.min(0, lo);
      hi = Math.max(0, hi);
    }
    if (!(hi > lo)) {
      double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
      lo -= pad;
      hi += pad;
    }
    double step = nice((hi - lo) / 5);
    double min = Math.floor(lo / step) * step;
    double max = Math.ceil(hi / step) * step;
    return new Axis(min, max, step, from, to);
  }

  double px(double v) {
    return pixelFrom + (v - min) / (max - min) * (pixelTo - pixelFrom);
  }

  List<Double> ticks() {
    List<Double> out = new ArrayList<>();
    int n = (int) Math.round((max - min) / step);
    for (int i = 0; i <= n; i++) {
      out.add(min + i * step);
    }
    return out;
  }

  /** A tick label with as many decimals as the step needs. */
  String label(double v) {
    int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
    return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step * 1e-9 ? 0.0 : v);
  }

  private static double nice(double raw) {
    double exp = Math.floor(Math.log10(raw));
    double f = raw / Math.pow(10, exp);
    double nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    return nf * Math.pow(10, exp);
  }
}
