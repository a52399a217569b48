package dev.recsuite.suite.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recsuite.baselines.bpr.BPR;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridTest {
  public record WithList(int[] ks, double rate) {}

  private static ConfigNode.Mapping yaml(String text) {
    return YamlTree.parseDocument(text, "g.yaml", Location.Layer.EXPERIMENT);
  }

  @Test
  void cartesianProductInComponentOrderFirstKeySlowest() {
    // reg_weight is written first but embedding_size comes first in BPR.Config, so it varies slowest.
    List<Grid.Point> points = Grid.expand(BPR.Config.class, yaml("reg_weight: [0.1, 0.01, 0.001]\nembedding_size: [16, 32]\n"));
    assertEquals(6, points.size());
    assertEquals(List.of("embedding_size=16, reg_weight=0.1", "embedding_size=16, reg_weight=0.01",
        "embedding_size=16, reg_weight=0.001", "embedding_size=32, reg_weight=0.1", "embedding_size=32, reg_weight=0.01",
        "embedding_size=32, reg_weight=0.001"), points.stream().map(Grid.Point::label).toList());
    for (int k = 0; k < points.size(); k++) {
      assertEquals(k, points.get(k).index());
    }
    BPR.Config c = RecordBinder.bind(BPR.Config.class, BPR.Config.defaults(),
        Location.of(Location.Layer.MODEL, "d"), List.of(points.get(4).values()), "models.BPR").value();
    assertEquals(32, c.embeddingSize());
    assertEquals(0.01, c.regWeight());
  }

  @Test
  void theBoundValueKeepsTheLineOfItsListElement() {
    List<Grid.Point> points = Grid.expand(BPR.Config.class, yaml("reg_weight:\n  - 0.1\n  - 0.01\n"));
    var b = RecordBinder.bind(BPR.Config.class, BPR.Config.defaults(), Location.of(Location.Layer.MODEL, "d"),
        List.of(points.get(1).values()), "models.BPR");
    assertEquals("experiment: g.yaml:3", b.origins().get("reg_weight"));
  }

  @Test
  void noListsMeansOnePointWithAnEmptyLabel() {
    List<Grid.Point> points = Grid.expand(BPR.Config.class, yaml("reg_weight: 0.1\n"));
    assertEquals(1, points.size());
    assertEquals("", points.get(0).label());
  }

  @Test
  void aListValuedKeyIsAGridOnlyAsAListOfLists() {
    assertEquals(1, Grid.expand(WithList.class, yaml("ks: [5, 20]\n")).size());
    List<Grid.Point> points = Grid.expand(WithList.class, yaml("ks: [[5], [10, 20]]\nrate: [1, 2]\n"));
    assertEquals(List.of("ks=[5], rate=1", "ks=[5], rate=2", "ks=[10, 20], rate=1", "ks=[10, 20], rate=2"),
        points.stream().map(Grid.Point::label).toList());
  }

  @Test
  void anEmptyGridIsAnError() {
    ConfigException e = assertThrows(ConfigException.class, () -> Grid.expand(BPR.Config.class, yaml("reg_weight: []\n")));
    assertEquals("g.yaml:1: 'reg_weight': an empty grid has no configuration to run", e.getMessage());
  }
}
