package dev.recsuite.suite.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.suite.experiment.ConfigResolver.EvalChoice;
import dev.recsuite.suite.experiment.ConfigResolver.ModelPoint;
import dev.recsuite.suite.experiment.EvalSettings;
import dev.recsuite.suite.experiment.Selection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardTest {
  /** One instance: EvalSettings holds an array, so two equal settings are not equal records. */
  private static final List<EvalChoice> EVALS = List.of(new EvalChoice("", EvalSettings.defaults(), Map.of()));

  private static Group group(String model, int points, int seeds) {
    List<ModelPoint> ps = new ArrayList<>();
    for (int k = 0; k < points; k++) {
      ps.add(new ModelPoint(k, "p" + k, new dev.recsuite.baselines.mostpop.MostPop.Config(), Map.of()));
    }
    List<Long> ss = new ArrayList<>();
    for (int s = 0; s < seeds; s++) {
      ss.add(999L + s);
    }
    return new Group("synthetic-mm", "leave-one-out", null, model, ps, ss, Selection.VALIDATION, null, EVALS, Map.of());
  }

  private static List<MatrixPlan.Unit> units() {
    MatrixPlan plan = new MatrixPlan(null, List.of(group("A", 1, 5), group("B", 4, 5), group("C", 1, 5), group("D", 2, 3)));
    return plan.units();
  }

  @Test
  void parsesOneBasedIOverN() {
    assertEquals(new Shard(2, 8), Shard.parse("2/8"));
    assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/8"));
    assertThrows(IllegalArgumentException.class, () -> Shard.parse("9/8"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("2")).getMessage().contains("I/N"));
  }

  @Test
  void gridGroupsAreOneUnitAndFixedSeedsAreOneUnitEach() {
    List<MatrixPlan.Unit> u = units();
    assertEquals(5 + 1 + 5 + 1, u.size());
    assertEquals(8, u.get(5).runs()); // B: 4 trials + 5 seeds - 1 (the chosen trial is the first seed)
    assertEquals(4, u.get(11).runs()); // D: 2 trials + 3 seeds - 1
  }

  @Test
  void shardsAreDisjointCoverTheMatrixAndAreDeterministic() {
    List<MatrixPlan.Unit> all = units();
    for (int n = 1; n <= 5; n++) {
      Set<MatrixPlan.Unit> seen = new HashSet<>();
      int total = 0;
      int max = 0;
      for (int i = 1; i <= n; i++) {
        List<MatrixPlan.Unit> mine = new Shard(i, n).select(all);
        assertEquals(mine, new Shard(i, n).select(units()));
        for (MatrixPlan.Unit u : mine) {
          assertTrue(seen.add(u), "unit in two shards");
        }
        int load = mine.stream().mapToInt(MatrixPlan.Unit::runs).sum();
        total += load;
        max = Math.max(max, load);
        assertEquals(mine, all.stream().filter(mine::contains).toList(), "a shard keeps matrix order");
      }
      assertEquals(all.size(), seen.size());
      assertEquals(22, total);
      assertTrue(max <= Math.max(8, (22 + n - 1) / n + 1), "n=" + n + " max load " + max);
    }
  }
}
