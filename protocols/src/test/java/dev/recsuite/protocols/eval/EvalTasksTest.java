package dev.recsuite.protocols.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.sampling.EvalNegativeSampler;
import dev.recsuite.protocols.split.LeaveOneOutSplit;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.protocols.testing.TestData;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvalTasksTest {
  // u: a b c d (test d, valid c); v: a e f (test f, valid e); w: b (train only)
  static Split split() {
    Dataset d = TestData.timestamped("e", "u a 1", "u b 2", "u c 3", "u d 4", "v a 1", "v e 2", "v f 3", "w b 1",
        "x g 1", "x h 2", "x i 3", "x j 4", "x k 5", "x l 6", "x m 7");
    return LeaveOneOutSplit.defaults().apply(d);
  }

  static int id(Dataset d, String key) {
    for (int i = 0; i < d.nItems(); i++) {
      if (d.itemKey(i).equals(key)) {
        return i;
      }
    }
    throw new AssertionError(key);
  }

  @Test
  void testHistoriesIncludeValidationAndMasksFollowThePolicy() {
    Split s = split();
    Dataset d = s.dataset();
    EvalTask t = EvalTasks.full(s, EvalTasks.Phase.TEST, MaskPolicy.TRAIN);
    assertEquals(3, t.size()); // u, v, x; w has no test row
    assertArrayEquals(new int[] {id(d, "a"), id(d, "b"), id(d, "c")}, t.histories()[0]);
    assertArrayEquals(new int[] {id(d, "d")}, t.targets()[0]);
    assertArrayEquals(new int[] {id(d, "a"), id(d, "b")}, t.excluded()[0]); // validation item c stays rankable (MMRec)
    EvalTask tv = EvalTasks.full(s, EvalTasks.Phase.TEST, MaskPolicy.TRAIN_AND_VALID);
    assertArrayEquals(new int[] {id(d, "a"), id(d, "b"), id(d, "c")}, tv.excluded()[0]);
    assertEquals(0, EvalTasks.full(s, EvalTasks.Phase.TEST, MaskPolicy.NONE).excluded()[0].length);
    EvalTask v = EvalTasks.full(s, EvalTasks.Phase.VALID, MaskPolicy.TRAIN_AND_VALID);
    assertArrayEquals(new int[] {id(d, "a"), id(d, "b")}, v.histories()[0]);
    assertArrayEquals(new int[] {id(d, "c")}, v.targets()[0]);
  }

  @Test
  void sampledCandidatesHoldTheTargetAndUnseenNegativesAndAreReproducible() {
    Split s = split();
    Dataset d = s.dataset();
    EvalTask t = EvalTasks.sampled(s, EvalTasks.Phase.TEST, 5, EvalNegativeSampler.Strategy.UNIFORM, 42);
    for (int k = 0; k < t.size(); k++) {
      int u = t.users()[k];
      int[] c = t.candidates()[k];
      assertEquals(6, c.length);
      assertEquals(t.targets()[k][0], c[0]);
      Set<Integer> seen = new HashSet<>();
      for (int r : d.userRows(u)) {
        seen.add(d.item(r));
      }
      Set<Integer> distinct = new HashSet<>();
      for (int j = 1; j < c.length; j++) {
        assertTrue(!seen.contains(c[j]), "negative " + c[j] + " is a positive of user " + u);
        assertTrue(distinct.add(c[j]));
      }
    }
    EvalTask again = EvalTasks.sampled(s, EvalTasks.Phase.TEST, 5, EvalNegativeSampler.Strategy.UNIFORM, 42);
    assertEquals(t.candidatesSha256(), again.candidatesSha256());
    assertNotEquals(t.candidatesSha256(), EvalTasks.sampled(s, EvalTasks.Phase.TEST, 5, EvalNegativeSampler.Strategy.UNIFORM, 43).candidatesSha256());
    assertTrue(Arrays.stream(t.candidates()).allMatch(c -> c.length == 6));
  }
}
