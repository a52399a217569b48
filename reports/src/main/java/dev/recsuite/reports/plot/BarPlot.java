package dev.recsuite.reports.plot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Grouped bars as inline SVG: one group per category (a system), one bar per series (full, sampled). */
public final class BarPlot {
  private static final int LEFT = 62;
  private static final int RIGHT = 110;
  private static final int TOP = 28;
  private static final int BOTTOM = 80;
  private static final int HEIGHT = 320;

  private BarPlot() {}

  /** One category: its label and one value per series (NaN: no bar). */
  public record Group(String label, double[] values) {}

  public static String render(String title, String yLabel, List<String> seriesNames, List<Group> groups) {
    int width = Math.max(420, LEFT + RIGHT + groups.size() * (seriesNames.size() * 16 + 18));
    double hi = 0;
    for (Group g : groups) {
      for (double v : g.values()) {
        if (!Double.isNaN(v)) {
          hi = Math.max(hi, v);
        }
      }
    }
    Axis ay = Axis.of(0, hi, true, HEIGHT - BOTTOM, TOP);
    Svg svg = new Svg(width, HEIGHT, title);
    svg.text(LEFT, 16, title, "start", 12, 0);
    for (double t : ay.ticks()) {
      double y = ay.px(t);
      svg.line(LEFT, y, width - RIGHT, y, "#e3e3e3", 1);
      svg.text(LEFT - 6, y + 4, ay.label(t), "end", 10, 0);
    }
    svg.line(LEFT, HEIGHT - BOTTOM, width - RIGHT, HEIGHT - BOTTOM, "#555555", 1);
    svg.line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#555555", 1);
    svg.text(14, (TOP + HEIGHT - BOTTOM) / 2.0, yLabel, "middle", 11, -90);
    double slot = (width - RIGHT - LEFT) / (double) Math.max(1, groups.size());
    double bar = Math.min(18, (slot - 10) / Math.max(1, seriesNames.size()));
    for (int g = 0; g < groups.size(); g++) {
      double x0 = LEFT + g * slot + (slot - bar * seriesNames.size()) / 2;
      Group group = groups.get(g);
      for (int s = 0; s < seriesNames.size(); s++) {
        double v = group.values()[s];
        if (Double.isNaN(v)) {
          continue;
        }
        double y = ay.px(v);
        svg.rect(x0 + s * bar, y, bar - 1, HEIGHT - BOTTOM - y, Palette.colour(s),
            String.format(Locale.ROOT, "%s, %s: %.4f", group.label(), seriesNames.get(s), v));
      }
      double cx = LEFT + g * slot + slot / 2;
      svg.text(cx, HEIGHT - BOTTOM + 14, group.label(), "end", 10, -30);
    }
    Map<String, String> legend = new LinkedHashMap<>();
    for (int s = 0; s < seriesNames.size(); s++) {
      legend.put(seriesNames.get(s), Palette.colour(s));
    }
    LinePlot.legend(svg, legend, width - RIGHT + 14, TOP);
    return svg.toSvg();
  }
}
