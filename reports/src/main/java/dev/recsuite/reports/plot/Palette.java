package dev.recsuite.reports.plot;

import java.util.List;

/** Ten distinguishable colours (Tableau 10), one per system, reused in order. */
final class Palette {
  private static final List<String> COLOURS = List.of("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
      "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac");

  private Palette() {}

  static String colour(int i) {
    return COLOURS.get(Math.floorMod(i, COLOURS.size()));
  }
}
