package dev.recsuite.reports.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.reports.SampleReportAccess;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Every plot is well-formed SVG (an XML parser accepts it), with its text escaped. */
class SvgTest {

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyPlotOfTheSampleReportIsWellFormed() throws Exception {
    int n = 0;
    for (var s : SampleReportAccess.view().sections()) {
      for (PlotView p : s.plots()) {
        Document d = parse(p.svg());
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI());
        n++;
      }
    }
    for (PlotView p : SampleReportAccess.view().sampledVsFull()) {
      parse(p.svg());
      n++;
    }
    assertEquals(5 * 4 + 2, n, "per setting: validation curves and Recall/NDCG/HR against K; 2 sampled-vs-full");
    for (Element svg : SampleReportAccess.document().select("svg")) {
      assertTrue(svg.selectFirst("title") != null, "each inline SVG has an accessible title");
    }
  }

  @Test
  void labelsWithMarkupCharactersAreEscaped() throws Exception {
    String svg = LinePlot.render("a < b & \"c\"", "x", "y > 0",
        List.of(new LinePlot.Series("<model>", "#000", new double[] {1, 2}, new double[] {0.1, 0.2}, 1)));
    Document d = parse(svg);
    assertEquals("a < b & \"c\"", d.getElementsByTagName("title").item(0).getTextContent());
    assertTrue(svg.contains("&lt;model&gt;"));
    parse(BarPlot.render("t", "y", List.of("full", "sampled"),
        List.of(new BarPlot.Group("A&B", new double[] {0.1, Double.NaN}))));
  }

  @Test
  void axisTicksAreNiceAndCoverTheData() {
    Axis a = Axis.of(0.013, 0.118, false, 0, 100);
    assertEquals(0.0, a.min, 1e-12);
    assertEquals(0.12, a.max, 1e-12);
    assertEquals(0.02, a.step, 1e-12);
    assertEquals("0.06", a.label(0.06));
  }
}
