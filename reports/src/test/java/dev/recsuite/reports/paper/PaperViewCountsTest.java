package dev.recsuite.reports.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.reports.SampleReportAccess;
import dev.recsuite.reports.reference.ReferenceData;
import dev.recsuite.reports.reference.ReferenceValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/**
 * The Wave-DGARec and MM-RACL-KAL views print every published number of their reference files, as printed, in
 * the rendered HTML of the sample report; cells the suite did not run say "not run".
 */
class PaperViewCountsTest {
  private static final Document DOC = SampleReportAccess.document();
  private static final ReferenceData REFERENCE = new ReferenceData();

  @Test
  void waveDgarecTable2Shows128PublishedValuesUnderEachProtocol() {
    for (String protocol : List.of("leave-one-out", "shipped")) {
      Elements reported = table("wave-dgarec", "Table 2", protocol).select("span.reported");
      assertEquals(128, reported.size(), protocol);
      assertEquals(multiset(REFERENCE.file("wave_dgarec_table2.csv")), multiset(reported.eachText()), protocol);
    }
  }

  @Test
  void mmRaclKalTable2Shows35PublishedValues() {
    Elements reported = table("mm-racl-kal", "Table 2", "temporal-ratio").select("span.reported");
    assertEquals(35, reported.size());
    assertEquals(multiset(REFERENCE.file("mm_racl_kal_table2.csv")), multiset(reported.eachText()));
  }

  /** Every table of both papers: Wave-DGARec 16 + 128 + 60 = 204 values, MM-RACL-KAL 6 + 35 + 35 + 24 + 9 + 11 = 120. */
  @Test
  void everyPublishedNumberOfBothPapersIsShown() {
    Map<String, String> wave = Map.of("Table 1", "wave_dgarec_table1_dataset_stats.csv", "Table 2",
        "wave_dgarec_table2.csv", "Table 3", "wave_dgarec_table3_efficiency.csv");
    Map<String, String> mm = Map.of("Table 1", "mm_racl_kal_table1_dataset_stats.csv", "Table 2",
        "mm_racl_kal_table2.csv", "Table 3", "mm_racl_kal_table3.csv", "Table 4", "mm_racl_kal_table4.csv",
        "Table 5", "mm_racl_kal_table5_ablation.csv", "Table 6", "mm_racl_kal_table6_cl_breakdown.csv");
    assertEquals(204, shownValues("wave-dgarec", wave, "shipped"));
    assertEquals(120, shownValues("mm-racl-kal", mm, "temporal-ratio"));
  }

  @Test
  void cellsWithoutRunsSayNotRunAndCarryNoNumber() {
    // The sample has no Clothing runs and Electronics is not available: those 64 cells of Table 2 are not run.
    Element t2 = table("wave-dgarec", "Table 2", "leave-one-out");
    Elements notRun = t2.select("td.pc.notrun");
    assertEquals(64, notRun.size());
    for (Element c : notRun) {
      assertEquals("not run", c.selectFirst("span.suite").text());
      assertTrue(c.select("span.ci, span.diff").isEmpty());
    }
    assertEquals(64, t2.select("td.pc.within, td.pc.near, td.pc.outside").size());
    // Neither MM-RACL-KAL dataset is available: no cell of any of its tables has a reproduced value.
    Element mm = DOC.getElementById("paper-mm-racl-kal");
    assertFalse(mm.select("td.pc").isEmpty());
    for (Element c : mm.select("td.pc:not(.empty)")) {
      assertEquals("not run", c.selectFirst("span.suite").text(), c.outerHtml());
    }
  }

  @Test
  void figuresWithoutNumbersShowOnlyReproducedValues() {
    Element fig = table("wave-dgarec", "Fig. 3", "leave-one-out");
    assertTrue(fig.select("span.reported").isEmpty());
    // Baby and Sports ran full, w/o Wavelet and Simple Fusion; w/o Graph Attention and w/o Contrast did not.
    assertEquals(2 * 3 * 2, fig.select("td.pc.nopub span.suite:not(:contains(not run))").size());
  }

  /** Checks each table prints exactly its file's values (Table 1 is protocol-independent); returns the count. */
  private static int shownValues(String paper, Map<String, String> files, String protocol) {
    int total = 0;
    for (var e : files.entrySet()) {
      Elements reported = table(paper, e.getKey(), e.getKey().equals("Table 1") ? "" : protocol)
          .select("span.reported");
      assertEquals(multiset(REFERENCE.file(e.getValue())), multiset(reported.eachText()), paper + " " + e.getKey());
      total += reported.size();
    }
    return total;
  }

  private static Element table(String paper, String id, String protocol) {
    Element section = DOC.getElementById("paper-" + paper);
    Element t = section.selectFirst("table.paper-table[data-table=\"" + id + "\"][data-protocol=\"" + protocol + "\"]");
    assertTrue(t != null, paper + " " + id + " " + protocol);
    return t;
  }

  /** Printed values as a multiset: a value with unit % prints with its sign. */
  private static TreeMap<String, Integer> multiset(List<?> values) {
    TreeMap<String, Integer> m = new TreeMap<>();
    for (Object o : values) {
      String s = o instanceof ReferenceValue v ? v.value() + ("%".equals(v.unit()) ? "%" : "") : (String) o;
      m.merge(s, 1, Integer::sum);
    }
    return m;
  }
}
