package dev.recsuite.suite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.suite.run.ResultFiles;
import dev.recsuite.suite.run.RunRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recsuite report} end to end on the default data: a small matrix (MostPop and BPR, leave-one-out, two
 * seeds) is run into a store, the report is written, and every leaderboard cell read back from the HTML with jsoup
 * equals the mean ± sd of the stored results.
 */
class ReportCommandTest {

  private static int run(StringWriter out, StringWriter err, String... args) {
    return RecSuite.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void reportOfASmallMatrixShowsTheStoredResults(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "run", "--epochs", "3", "--protocol", "leave-one-out", "--seed", "1,2", "--out",
        dir.resolve("store/default").toString(), "--no-progress"), err.toString());
    Path html = dir.resolve("report.html");
    assertEquals(0, run(out, err, "report", "--store", dir.resolve("store").toString(), "--out", html.toString()),
        err.toString());
    assertTrue(out.toString().contains("4 runs from"), out.toString());
    assertTrue(Files.isRegularFile(dir.resolve("report-tables/tables.tex")));

    List<RunRecord> stored = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.resolve("store/default"))) {
      files.filter(p -> p.toString().endsWith(".json")).forEach(p -> stored.add(ResultFiles.read(p)));
    }
    Document doc = Jsoup.parse(Files.readString(html));
    Element table = doc.selectFirst("table.lb[data-dataset=synthetic-mm][data-protocol=leave-one-out]");
    List<String> metrics = table.select("thead th[data-metric]").eachAttr("data-metric");
    assertTrue(metrics.contains("Recall@20") && metrics.contains("NDCG@10"), metrics.toString());
    int checked = 0;
    for (String model : List.of("MostPop", "BPR")) {
      Element row = table.selectFirst("tr[data-system=" + model + "]");
      assertEquals("baseline", row.selectFirst("td.label .role").text(), "both are baselines in the registry");
      for (String metric : metrics) {
        double[] v = stored.stream().filter(r -> r.model().equals(model))
            .mapToDouble(r -> r.test().metrics().get(metric)).toArray();
        assertEquals(2, v.length);
        double mean = (v[0] + v[1]) / 2;
        double sd = Math.abs(v[0] - v[1]) / Math.sqrt(2);
        assertEquals(String.format(Locale.ROOT, "%.4f ± %.4f", mean, sd),
            row.selectFirst("td[data-metric=\"" + metric + "\"] span.value").text(), model + " " + metric);
        checked++;
      }
    }
    assertEquals(2 * metrics.size(), checked);
    assertEquals(1, doc.select("footer td:contains(" + stored.get(0).protocol().fingerprint() + ")").size(),
        "the split fingerprint is in the provenance footer");
  }

  @Test
  void aMissingStoreIsOneClearError(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(1, run(out, err, "report", "--store", dir.resolve("nothing").toString(), "--out",
        dir.resolve("r.html").toString()));
    assertTrue(err.toString().startsWith("recsuite: error: results store "), err.toString());
  }
}
