package dev.recsuite.baselines.bpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.protocols.testing.LearningCheck;
import dev.recsuite.protocols.testing.RecommenderContract;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class BPRTest extends RecommenderContract {
  @Override
  protected Recommender create(TrainView view, long seed) {
    return new BPR(BPR.Config.defaults(), view, seed);
  }

  /**
   * The tape's gradient of the §3.1 loss against central differences (h 1e-3 on the float parameters, loss
   * re-evaluated in double), including a repeated user and a repeated item in the batch, whose gradients must
   * accumulate. reg_weight 0.5 so the EmbLoss term matters.
   */
  @Test
  void gradientMatchesCentralDifferences() {
    TrainView v = TrainView.ofPairs(3, 5, new int[] {0, 1, 2, 0}, new int[] {0, 1, 2, 3}, Map.of());
    BPR m = new BPR(new BPR.Config(3, 0.5, 1e-3, 4), v, 1);
    int[] u = {0, 1, 0, 2};
    int[] p = {0, 1, 3, 2};
    int[] n = {4, 4, 2, 0};
    Tape t = Tape.training(CpuBackend.shared());
    t.backward(m.loss(t, u, p, n));
    check(m, m.userEmbedding(), m.userEmbedding().grad().data().clone(), u, p, n);
    check(m, m.itemEmbedding(), m.itemEmbedding().grad().data().clone(), u, p, n);
  }

  private static double lossAt(BPR m, int[] u, int[] p, int[] n) {
    Tape t = Tape.inference(CpuBackend.shared());
    return m.loss(t, u, p, n).item();
  }

  private static void check(BPR m, Param param, float[] analytic, int[] u, int[] p, int[] n) {
    float[] w = param.value().data();
    double eps = 1e-3;
    double worst = 0;
    for (int k = 0; k < w.length; k++) {
      float keep = w[k];
      w[k] = (float) (keep + eps);
      double up = lossAt(m, u, p, n);
      w[k] = (float) (keep - eps);
      double down = lossAt(m, u, p, n);
      w[k] = keep;
      double numeric = (up - down) / (2 * eps);
      double rel = Math.abs(numeric - analytic[k]) / Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic[k]));
      worst = Math.max(worst, Math.abs(numeric - analytic[k]) < 1e-5 ? 0 : rel);
    }
    assertTrue(worst < 1e-2, param.name() + ": worst relative gradient error " + worst);
  }

  @Tag("learning")
  @Test
  void beatsPopularityOnPlantedStructure() {
    Split split = LearningCheck.defaultSplit();
    double pop = LearningCheck.popularityRecallAt20(split);
    double bpr = LearningCheck.testRecallAt20(split, (v, s) -> new BPR(BPR.Config.defaults(), v, s), 60, 5);
    assertTrue(bpr > pop * 1.15, "BPR Recall@20 " + bpr + " vs MostPop " + pop);
  }

  @Test
  void configValidationNamesTheKey() {
    var e = assertThrows(IllegalArgumentException.class, () -> new BPR.Config(64, -1, 1e-3, 2048));
    assertEquals("BPR.Config reg_weight = -1.0: must be >= 0", e.getMessage());
  }

  /** Xavier-normal sigma for a (19445, 64) table is sqrt(2 / 19509) = 0.01013 (specs/baselines.md §1). */
  @Test
  void xavierNormalHasThePyTorchScale() {
    TrainView v = TrainView.ofPairs(19445, 2, new int[] {0}, new int[] {0}, Map.of());
    float[] w = new BPR(BPR.Config.defaults(), v, 1).userEmbedding().value().data();
    double ss = 0;
    for (float x : w) {
      ss += x * x;
    }
    assertEquals(0.01013, Math.sqrt(ss / w.length), 0.0001);
  }
}
