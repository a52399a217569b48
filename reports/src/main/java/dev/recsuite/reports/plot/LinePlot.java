package dev.recsuite.reports.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A line chart as inline SVG: axes with nice ticks, one polyline per series, an optional marked point, a legend. */
public final class LinePlot {
  static final int WIDTH = 610;
  static final int HEIGHT = 300;
  private static final int LEFT = 62;
  private static final int RIGHT = 180;
  private static final int TOP = 28;
  private static final int BOTTOM = 44;

  private LinePlot() {}

  /**
   * @param legend the series' legend entry; series sharing one (a model's seeds) are drawn in one colour
   * @param markAt index of a point drawn as a dot (the best epoch), -1 for none
   */
  public record Series(String legend, String colour, double[] x, double[] y, int markAt) {}

  public static String render(String title, String xLabel, String yLabel, List<Series> series) {
    double xlo = Double.POSITIVE_INFINITY;
    double xhi = Double.NEGATIVE_INFINITY;
    double ylo = Double.POSITIVE_INFINITY;
    double yhi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.x().length; i++) {
        if (Double.isNaN(s.y()[i])) {
          continue;
        }
        xlo = Math.min(xlo, s.x()[i]);
        xhi = Math.max(xhi, s.x()[i]);
        ylo = Math.min(ylo, s.y()[i]);
        yhi = Math.max(yhi, s.y()[i]);
      }
    }
    if (xlo > xhi) {
      xlo = 0;
      xhi = 1;
      ylo = 0;
      yhi = 1;
    }
    Axis ax = Axis.of(xlo, xhi, false, LEFT, WIDTH - RIGHT);
    Axis ay = Axis.of(ylo, yhi, false, HEIGHT - BOTTOM, TOP);
    Svg svg = new Svg(WIDTH, HEIGHT, title);
    svg.text(LEFT, 16, title, "start", 12, 0);
    frame(svg, ax, ay, xLabel, yLabel);
    for (Series s : series) {
      List<double[]> pts = new ArrayList<>();
      for (int i = 0; i < s.x().length; i++) {
        if (!Double.isNaN(s.y()[i])) {
          pts.add(new double[] {ax.px(s.x()[i]), ay.px(s.y()[i])});
        }
      }
      svg.polyline(pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray(),
          s.colour(), 1.6, 0.9);
      if (pts.size() == 1) {
        svg.circle(pts.get(0)[0], pts.get(0)[1], 2.5, s.colour(), s.legend());
      }
      if (s.markAt() >= 0 && s.markAt() < s.x().length && !Double.isNaN(s.y()[s.markAt()])) {
        svg.circle(ax.px(s.x()[s.markAt()]), ay.px(s.y()[s.markAt()]), 3.5, s.colour(), String.format(Locale.ROOT,
            "%s: %s = %.4f at %s = %s", s.legend(), yLabel, s.y()[s.markAt()], xLabel, ax.label(s.x()[s.markAt()])));
      }
    }
    Map<String, String> legend = new LinkedHashMap<>();
    series.forEach(s -> legend.putIfAbsent(s.legend(), s.colour()));
    legend(svg, legend, WIDTH - RIGHT + 14, TOP);
    return svg.toSvg();
  }

  static void frame(Svg svg, Axis ax, Axis ay, String xLabel, String yLabel) {
    for (double t : ay.ticks()) {
      double y = ay.px(t);
      svg.line(LEFT, y, WIDTH - RIGHT, y, "#e3e3e3", 1);
      svg.text(LEFT - 6, y + 4, ay.label(t), "end", 10, 0);
    }
    for (double t : ax.ticks()) {
      double x = ax.px(t);
      svg.line(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4, "#555555", 1);
      svg.text(x, HEIGHT - BOTTOM + 16, ax.label(t), "middle", 10, 0);
    }
    svg.line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#555555", 1);
    svg.line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#555555", 1);
    svg.text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 8, xLabel, "middle", 11, 0);
    svg.text(14, (TOP + HEIGHT - BOTTOM) / 2.0, yLabel, "middle", 11, -90);
  }

  static void legend(Svg svg, Map<String, String> entries, double x, double y) {
    int i = 0;
    for (var e : entries.entrySet()) {
      double yy = y + 8 + 16 * i++;
      svg.rect(x, yy - 8, 12, 8, e.getValue(), e.getKey());
      svg.text(x + 17, yy, e.getKey(), "start", 10, 0);
    }
  }
}
