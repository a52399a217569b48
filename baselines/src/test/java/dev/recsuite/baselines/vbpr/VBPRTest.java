package dev.recsuite.baselines.vbpr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.baselines.testing.GradientCheck;
import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.nn.Losses;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.protocols.testing.LearningCheck;
import dev.recsuite.protocols.testing.RecommenderContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class VBPRTest extends RecommenderContract {
  @Override
  protected Recommender create(TrainView view, long seed) {
    return new VBPR(VBPR.Config.defaults(), view, seed);
  }

  // 3 users, 4 items; text 2-d, image 3-d, every value distinct so the order is visible
  private static TrainView tiny() {
    FeatureMatrix text = new FeatureMatrix(4, 2, new float[] {1, 2, 3, 4, 5, 6, 7, 8});
    FeatureMatrix image = new FeatureMatrix(4, 3, new float[] {-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12});
    return TrainView.ofPairs(3, 4, new int[] {0, 0, 1, 2}, new int[] {0, 1, 2, 3}, Map.of("image", image, "text", text));
  }

  /** §3.3: f_i = [t_i ; v_i], text first (MMRec torch.cat((t_feat, v_feat), -1)), whatever the map order. */
  @Test
  void rawFeatureIsTextThenImage() {
    VBPR m = new VBPR(new VBPR.Config(2, 0.1, 1e-3, 4), tiny(), 1);
    assertEquals(List.of("text", "image"), m.modalities());
    assertArrayEquals(new float[] {3, 4, -4, -5, -6}, java.util.Arrays.copyOfRange(m.rawFeatures().data(), 5, 10));
    FeatureMatrix image = new FeatureMatrix(4, 3, new float[12]);
    TrainView imageOnly = TrainView.ofPairs(3, 4, new int[] {0}, new int[] {0}, Map.of("image", image));
    assertEquals(List.of("image"), new VBPR(new VBPR.Config(2, 0.1, 1e-3, 4), imageOnly, 1).modalities());
  }

  @Test
  void withoutFeaturesTheErrorNamesTheDataset() {
    TrainView none = TrainView.ofPairs(3, 4, new int[] {0}, new int[] {0}, Map.of());
    var e = assertThrows(IllegalArgumentException.class, () -> new VBPR(VBPR.Config.defaults(), none, 1));
    assertTrue(e.getMessage().contains("'pairs'"), e.getMessage());
  }

  /** P is [nU, 2d], Q [nI, d], E [d, F] and b = 0 at initialisation (MMRec xavier_normal_initialization). */
  @Test
  void shapesAndZeroBias() {
    VBPR m = new VBPR(new VBPR.Config(2, 0.1, 1e-3, 4), tiny(), 1);
    List<Param> ps = m.parameters();
    assertArrayEquals(new int[] {3, 4}, ps.get(0).value().shape());
    assertArrayEquals(new int[] {4, 2}, ps.get(1).value().shape());
    assertArrayEquals(new int[] {2, 5}, ps.get(2).value().shape());
    assertArrayEquals(new float[2], ps.get(3).value().data());
    assertEquals(12 + 8 + 10 + 2, m.parameterCount());
  }

  /**
   * The batch loss over distinct items equals MMRec's form (project all items, then gather r[p], r[n]) in value and
   * in every gradient; the batch repeats items and shares one between positives and negatives.
   */
  @Test
  void distinctItemLossEqualsAllItemsForm() {
    VBPR m = new VBPR(new VBPR.Config(2, 0.3, 1e-3, 4), tiny(), 2);
    int[] u = {0, 1, 2, 0, 1};
    int[] p = {1, 2, 3, 1, 2};
    int[] n = {3, 0, 0, 2, 1};
    float[][] g1 = new float[4][];
    float[][] g2 = new float[4][];
    double l1 = lossAndGrads(m, t -> m.loss(t, u, p, n), g1);
    double l2 = lossAndGrads(m, t -> {
      Var r = m.itemRepresentation(t);
      Var ue = t.gather(t.param(m.parameters().get(0)), u);
      Var pe = t.gather(r, p);
      Var ne = t.gather(r, n);
      Var bpr = Losses.bpr(t, t.rowDot(ue, pe), t.rowDot(ue, ne), 1e-10f);
      return t.add(bpr, t.scale(Losses.embLoss(t, ue, pe, ne), 0.3f));
    }, g2);
    assertEquals(l2, l1, 1e-6);
    for (int k = 0; k < 4; k++) {
      for (int e = 0; e < g1[k].length; e++) {
        assertEquals(g2[k][e], g1[k][e], 1e-6, m.parameters().get(k).name() + "[" + e + "]");
      }
    }
  }

  private static double lossAndGrads(VBPR m, java.util.function.Function<Tape, Var> loss, float[][] grads) {
    Tape t = Tape.training(CpuBackend.shared());
    Var l = loss.apply(t);
    t.backward(l);
    for (int k = 0; k < grads.length; k++) {
      Param p = m.parameters().get(k);
      grads[k] = p.grad().data().clone();
      p.zeroGrad();
    }
    return l.item();
  }

  /** Tape vs central differences for P, Q, E and b; reg_weight 0.5 so the regulariser's path through E matters. */
  @Test
  void gradientMatchesCentralDifferences() {
    VBPR m = new VBPR(new VBPR.Config(2, 0.5, 1e-3, 4), tiny(), 3);
    int[] u = {0, 1, 2, 0};
    int[] p = {1, 2, 3, 1};
    int[] n = {3, 0, 0, 2};
    GradientCheck.assertGradients(m.parameters(), t -> m.loss(t, u, p, n), 1e-3, 1e-5, 1e-2, 1000);
  }

  /**
   * reg_weight 1.0 from MMRec's grid: the synthetic features have norms near 10, so the projection dominates r and
   * needs the EmbLoss pull (with 1e-4 VBPR stays below MostPop for 90+ epochs on this data).
   */
  @Tag("learning")
  @Test
  void beatsPopularityOnPlantedStructure() {
    Split split = LearningCheck.defaultSplit();
    double pop = LearningCheck.popularityRecallAt20(split);
    VBPR.Config cfg = new VBPR.Config(64, 1.0, 1e-3, 2048);
    double r = LearningCheck.testRecallAt20(split, (v, s) -> new VBPR(cfg, v, s), 30, 3);
    assertTrue(r > pop * 1.15, "VBPR Recall@20 " + r + " vs MostPop " + pop);
  }
}
