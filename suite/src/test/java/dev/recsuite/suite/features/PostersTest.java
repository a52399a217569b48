package dev.recsuite.suite.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real posters of movielens-100k-mm decode (skipped, visibly, when ../shared/datasets is absent). Pure-Java
 * progressive JPEG decoding takes about 10 ms a poster here, so the test decodes every tenth of the 1,637 sorted
 * files; {@code recsuite features image ml-100k-mm} decodes all of them and fails naming any that does not.
 */
class PostersTest {
  @Test
  void everyPosterDecodes() throws IOException {
    Path home = Path.of(System.getProperty("recsuite.home", ".")).toAbsolutePath().normalize();
    Path posters = home.resolve("../shared/datasets/movielens-100k-mm/posters").normalize();
    if (!Files.isDirectory(posters)) {
      System.out.println("SKIPPED PostersTest: " + posters + " is absent (real data lives in ../shared/datasets)");
    }
    Assumptions.assumeTrue(Files.isDirectory(posters), posters + " is absent");
    List<Path> files;
    try (Stream<Path> s = Files.list(posters)) {
      files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
    }
    assertEquals(1637, files.size());
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < files.size(); i += 10) {
      Path f = files.get(i);
      try {
        RgbImage img = RgbImage.read(f);
        if (img.width() < 16 || img.height() < 16) {
          failures.add(f + ": " + img.width() + "x" + img.height());
        }
      } catch (RuntimeException e) {
        failures.add(e.getMessage());
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }
}
