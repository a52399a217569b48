package dev.recsuite.suite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.suite.run.RunRecord;
import dev.recsuite.suite.store.RunStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recsuite report} end to end on the default data: the smoke experiment (MostPop and a BPR grid, three
 * seeds; leave-one-out, 3 epochs) is run into a store once with selection on validation and once with MMRec's
 * test-score rule; the report is written, and every leaderboard cell read back from the HTML with jsoup equals
 * the mean ± sd of the stored results.
 */
class ReportCommandTest {
  private static final Path SMOKE = Path.of(System.getProperty("recsuite.home", ".."), "experiments", "smoke.yaml");

  private static int run(StringWriter out, StringWriter err, String... args) {
    return RecSuite.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void reportOfASmallMatrixShowsTheStoredResults(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path store = dir.resolve("store");
    for (String selection : List.of("validation", "test-as-mmrec")) {
      assertEquals(0, run(out, err, "run", SMOKE.toString(), "--protocol", "leave-one-out", "--epochs", "3", "--set",
          "selection=" + selection, "--store", store.toString(), "--no-progress"), err.toString());
    }
    Path html = dir.resolve("report.html");
    StringWriter reportOut = new StringWriter();
    assertEquals(0, run(reportOut, err, "report", "--store", store.toString(), "--out", html.toString()),
        err.toString());
    assertTrue(reportOut.toString().startsWith("9 runs from " + store + " (2 grid trials left out)"),
        reportOut.toString());
    assertTrue(Files.isRegularFile(dir.resolve("report-tables/tables.tex")));

    List<RunRecord> finals = new RunStore(store).list().stream().filter(RunRecord::isFinal).toList();
    Document doc = Jsoup.parse(Files.readString(html));
    Element table = doc.selectFirst("table.lb[data-dataset=synthetic-mm][data-protocol=leave-one-out]");
    List<String> metrics = table.select("thead th[data-metric]").eachAttr("data-metric");
    assertEquals(List.of("Recall@10", "Recall@20", "NDCG@10", "NDCG@20", "HR@10", "HR@20", "MRR"), metrics);
    int checked = 0;
    for (String system : List.of("MostPop", "BPR", "BPR †")) {
      Element row = table.selectFirst("tr[data-system=\"" + system + "\"]");
      assertEquals("baseline", row.selectFirst("td.label .role").text(), "both models are baselines in the registry");
      boolean byTest = system.endsWith("†");
      for (String metric : metrics) {
        double[] v = finals.stream().filter(r -> system.startsWith(r.model())
            && r.selectionRule().equals("test-as-mmrec") == byTest && (!r.model().equals("MostPop") || !byTest))
            .mapToDouble(r -> r.test().metrics().get(metric)).toArray();
        assertEquals(3, v.length, system);
        assertEquals(meanSd(v), row.selectFirst("td[data-metric=\"" + metric + "\"] span.value").text(),
            system + " " + metric);
        checked++;
      }
    }
    assertEquals(3 * metrics.size(), checked);
    String fingerprint = finals.get(0).protocol().fingerprint();
    assertEquals(1, doc.select("footer span.hash:containsOwn(" + fingerprint + ")").size(),
        "the split fingerprint is in the provenance footer");
  }

  @Test
  void anEmptyStoreIsOneClearError(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(1, run(out, err, "report", "--store", dir.toString(), "--out", dir.resolve("r.html").toString()));
    assertTrue(err.toString().startsWith("recsuite: error: no runs in " + dir.resolve("runs")), err.toString());
  }

  private static String meanSd(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return String.format(Locale.ROOT, "%.4f ± %.4f", mean, Math.sqrt(ss / (v.length - 1)));
  }
}
