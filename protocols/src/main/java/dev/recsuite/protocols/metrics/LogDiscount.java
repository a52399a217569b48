package dev.recsuite.protocols.metrics;

/** The logarithmic discount 1 / log2(r + 1) for 1-based rank r (RankSys {@code LogarithmicDiscountModel}, shifted to 1-based). */
final class LogDiscount {
  private LogDiscount() {}

  static double at(int rank) {
    return 1.0 / (Math.log(rank + 1.0) / Math.log(2.0));
  }
}
