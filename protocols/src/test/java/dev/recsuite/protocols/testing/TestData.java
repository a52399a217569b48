package dev.recsuite.protocols.testing;

import dev.recsuite.protocols.data.Chronology;
import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.data.DatasetBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small hand-made datasets and the location of the shared real data for tests. */
public final class TestData {
  private TestData() {}

  /**
   * A timestamped dataset from rows "user item time" (external ids are the given strings; internal ids by
   * first appearance).
   */
  public static Dataset timestamped(String name, String... rows) {
    DatasetBuilder b = new DatasetBuilder(name, DatasetBuilder.IdPolicy.MAPPED, false, true, false, false);
    for (String row : rows) {
      String[] f = row.trim().split("\\s+");
      b.add(f[0], f[1], 0f, Long.parseLong(f[2]), 0, null);
    }
    return b.build(Chronology.TIMESTAMPS);
  }

  /** An untimed dataset with shipped labels from rows "user item label" (numeric ids). */
  public static Dataset labelled(String name, String... rows) {
    DatasetBuilder b = new DatasetBuilder(name, DatasetBuilder.IdPolicy.NUMERIC, false, false, true, false);
    for (String row : rows) {
      String[] f = row.trim().split("\\s+");
      b.add(f[0], f[1], 0f, 0L, Integer.parseInt(f[2]), null);
    }
    return b.build(Chronology.NONE);
  }

  /** The project root (surefire passes it as recsuite.home). */
  public static Path home() {
    String h = System.getProperty("recsuite.home");
    if (h != null) {
      return Path.of(h);
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("datasets.lock"))) {
      p = p.getParent();
    }
    return p;
  }

  /** ../shared/datasets beside the checkout, or null when absent. */
  public static Path sharedDatasets() {
    Path p = home().resolve("..").resolve("shared").resolve("datasets").normalize();
    return Files.isDirectory(p) ? p : null;
  }
}
