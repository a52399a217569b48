package dev.recsuite.reports.plot;

import java.util.Locale;

/**
 * A small builder of inline SVG: elements are appended in order and every text and attribute value is escaped,
 * so the result is always well-formed XML. Coordinates are printed with two decimals.
 */
public final class Svg {
  private final StringBuilder body = new StringBuilder();
  private final int width;
  private final int height;
  private final String label;

  /** {@code label} becomes the SVG's accessible name (aria-label and title). */
  public Svg(int width, int height, String label) {
    this.width = width;
    this.height = height;
    this.label = label;
  }

  public Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    body.append(String.format(Locale.ROOT,
        "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"%.2f\"/>", x1, y1, x2, y2,
        attr(stroke), strokeWidth));
    return this;
  }

  /** An open polyline through (xs[i], ys[i]). */
  public Svg polyline(double[] xs, double[] ys, String stroke, double strokeWidth, double opacity) {
    StringBuilder pts = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      pts.append(String.format(Locale.ROOT, "%s%.2f,%.2f", i == 0 ? "" : " ", xs[i], ys[i]));
    }
    body.append(String.format(Locale.ROOT,
        "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\" stroke-opacity=\"%.2f\"/>", pts,
        attr(stroke), strokeWidth, opacity));
    return this;
  }

  public Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
    body.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\">",
        x, y, w, h, attr(fill)));
    title(tooltip).append("</rect>");
    return this;
  }

  public Svg circle(double cx, double cy, double r, String fill, String tooltip) {
    body.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\">", cx, cy, r,
        attr(fill)));
    title(tooltip).append("</circle>");
    return this;
  }

  /** Text at (x, y); {@code anchor} is start, middle or end; {@code rotate} in degrees about (x, y). */
  public Svg text(double x, double y, String text, String anchor, int size, double rotate) {
    String transform = rotate == 0 ? "" : String.format(Locale.ROOT, " transform=\"rotate(%.0f %.2f %.2f)\"", rotate,
        x, y);
    body.append(String.format(Locale.ROOT,
        "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\" font-size=\"%d\"%s>%s</text>", x, y, attr(anchor), size,
        transform, escape(text)));
    return this;
  }

  public String toSvg() {
    return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\"><title>%s</title>%s</svg>",
        width, height, width, height, attr(label), escape(label), body);
  }

  private StringBuilder title(String tooltip) {
    if (tooltip != null && !tooltip.isEmpty()) {
      body.append("<title>").append(escape(tooltip)).append("</title>");
    }
    return body;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String attr(String s) {
    return escape(s).replace("\"", "&quot;");
  }
}
