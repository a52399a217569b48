package dev.recsuite.baselines.gru4rec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.baselines.sequence.PaddedSequences;
import dev.recsuite.baselines.sequence.PrefixInstances;
import dev.recsuite.baselines.sequence.SequenceScorer;
import dev.recsuite.baselines.testing.GradientCheck;
import dev.recsuite.baselines.testing.SequenceScorerChecks;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.protocols.testing.LearningCheck;
import dev.recsuite.protocols.testing.RecommenderContract;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class GRU4RecTest extends RecommenderContract {
  @Override
  protected Recommender create(TrainView view, long seed) {
    return new GRU4Rec(new GRU4Rec.Config(16, 24, 1, 0.2, 20, 1e-3, 256, 0.0), view, seed);
  }

  /** One epoch is enough to check the contract; the learning test below checks training. */
  @Override
  protected int epochs() {
    return 1;
  }

  /** No dropout (a gradient check needs a deterministic function); two layers so the lower one returns every step. */
  private static GRU4Rec.Config exact(int maxLen) {
    return new GRU4Rec.Config(4, 3, 2, 0, maxLen, 1e-3, 256, 0.0);
  }

  // users 0..2, items 0..7; sequences of 3, 5 and 7 items (user 2's is longer than max_seq_length 5)
  private static TrainView tiny() {
    return TrainView.ofPairs(3, 8, new int[] {0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2},
        new int[] {1, 4, 2, 0, 3, 3, 6, 5, 7, 2, 5, 1, 0, 4, 6}, Map.of());
  }

  private static float[] encode(GRU4Rec.Net net, int[][] items, int[] ends, int length) {
    int[] rows = IntStream.range(0, items.length).toArray();
    PaddedSequences s = PaddedSequences.window(items, ends, net.cfg.maxSeqLength(), rows, length);
    return net.encode(Tape.inference(CpuBackend.shared()), s, new SplittableRandom(0)).value().data().clone();
  }

  /**
   * Issue 8: padding has no effect. Pad steps keep the state at 0, so the same window alone, padded to
   * max_seq_length, or beside a longer window gives the same user vector; so does the scorer.
   */
  @Test
  void paddingDoesNotChangeTheUserVector() {
    GRU4Rec m = new GRU4Rec(exact(8), tiny(), 4);
    GRU4Rec.Net net = m.net();
    int e = 4;
    int[] seq = {6, 0, 3};
    int[] longer = {2, 2, 7, 1, 5, 4, 3};
    float[] alone = encode(net, new int[][] {seq}, new int[] {3}, 3);
    assertArrayEquals(alone, encode(net, new int[][] {seq}, new int[] {3}, 8), 1e-6f);
    assertArrayEquals(alone, Arrays.copyOfRange(encode(net, new int[][] {longer, seq}, new int[] {7, 3}, 7), e, 2 * e), 1e-6f);
    SequenceScorerChecks.assertBatchAndCutInvariant((SequenceScorer) m.scorer(), 8, seq, longer,
        new int[] {5, 5, 1, 2, 2, 7, 1, 5, 4, 3});
  }

  /** The user vector depends on the order of the items (the GRU is not a bag of items). */
  @Test
  void orderMatters() {
    GRU4Rec.Net net = new GRU4Rec(exact(8), tiny(), 5).net();
    float[] ab = encode(net, new int[][] {{1, 2, 3}}, new int[] {3}, 3);
    float[] ba = encode(net, new int[][] {{2, 1, 3}}, new int[] {3}, 3);
    assertFalse(Arrays.equals(ab, ba));
  }

  /** RecBole CE over all items: every prefix of the tiny data, user 2's cut to max_seq_length 5. */
  @Test
  void gradientMatchesCentralDifferences() {
    TrainView v = tiny();
    GRU4Rec m = new GRU4Rec(exact(5), v, 1);
    PrefixInstances p = new PrefixInstances(v);
    PrefixInstances.Batch batch = p.batch(IntStream.range(0, p.size()).toArray());
    GradientCheck.assertGradients(m.net().params(), t -> GRU4Rec.loss(t, m.net(), batch, new SplittableRandom(0)),
        1e-3, 1e-5, 2e-2, 24);
  }

  /**
   * Issue 8: on the default data GRU4Rec beats MostPop. With RecBole's init (xavier-normal embeddings, std 0.044
   * here) and learning rate 1e-3 to 2e-3 the loss barely moves in the first epochs (measured: test Recall@20 0.15,
   * MostPop's level, after 4 epochs at 2e-3); 1e-2 with a small network (e 32, H 32, max_seq_length 10) gets
   * there in two.
   */
  @Tag("learning")
  @Test
  void beatsPopularityOnPlantedStructure() {
    Split split = LearningCheck.defaultSplit();
    double pop = LearningCheck.popularityRecallAt20(split);
    var cfg = new GRU4Rec.Config(32, 32, 1, 0.2, 10, 1e-2, 256, 0.0);
    double r = LearningCheck.testRecallAt20(split, (v, s) -> new GRU4Rec(cfg, v, s), 2, 1);
    assertTrue(r > pop * 1.5, "GRU4Rec Recall@20 " + r + " vs MostPop " + pop);
  }

  @Test
  void configValidationNamesTheKey() {
    var e = assertThrows(IllegalArgumentException.class, () -> new GRU4Rec.Config(64, 128, 0, 0.3, 50, 1e-3, 2048, 0.0));
    assertEquals("GRU4Rec.Config num_layers = 0: must be >= 1", e.getMessage());
  }
}
