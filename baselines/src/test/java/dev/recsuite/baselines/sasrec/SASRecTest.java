package dev.recsuite.baselines.sasrec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.baselines.sequence.LengthBuckets;
import dev.recsuite.baselines.sequence.PaddedSequences;
import dev.recsuite.baselines.sequence.PrefixInstances;
import dev.recsuite.baselines.sequence.SequenceScorer;
import dev.recsuite.baselines.testing.GradientCheck;
import dev.recsuite.baselines.testing.SequenceScorerChecks;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.rng.Rng;
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

class SASRecTest extends RecommenderContract {
  static SASRec.Config small(SASRec.LossType loss) {
    return new SASRec.Config(16, 2, 2, 32, 0.2, 0.2, 1e-12, 0.02, 20, loss, 1e-3, 256, 0.0);
  }

  /** No dropout (a gradient check needs a deterministic function) and a wide init so attention is not uniform. */
  static SASRec.Config exact(SASRec.LossType loss, int maxLen) {
    return new SASRec.Config(4, 2, 2, 8, 0, 0, 1e-12, 0.3, maxLen, loss, 1e-3, 256, 0.0);
  }

  @Override
  protected Recommender create(TrainView view, long seed) {
    return new SASRec(small(SASRec.LossType.CE), view, seed);
  }

  /** One epoch is enough to check the contract; the learning test below checks training. */
  @Override
  protected int epochs() {
    return 1;
  }

  // users 0..2, items 0..7; sequences of 3, 5 and 7 items (user 2's is longer than max_seq_length 5)
  private static TrainView tiny() {
    return TrainView.ofPairs(3, 8, new int[] {0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2},
        new int[] {1, 4, 2, 0, 3, 3, 6, 5, 7, 2, 5, 1, 0, 4, 6}, Map.of());
  }

  /** Every position's output [rows * L * d] of the windows items[r][.. ends[r]), padded to {@code length}. */
  private static float[] encodeAll(SASRec.Net net, int[][] items, int[] ends, int length) {
    int[] rows = IntStream.range(0, items.length).toArray();
    PaddedSequences s = PaddedSequences.window(items, ends, net.cfg.maxSeqLength(), rows, length);
    return net.encode(Tape.inference(CpuBackend.shared()), s, false, new SplittableRandom(0)).value().data().clone();
  }

  /** Issue 8: no position attends to a later one. Changing item k leaves positions 0..k-1 bit-identical. */
  @Test
  void aFutureItemDoesNotChangeEarlierOutputs() {
    SASRec.Net net = new SASRec(exact(SASRec.LossType.CE, 8), tiny(), 3).net();
    int d = 4;
    int len = 8;
    int[] seq = {1, 4, 2, 7, 3, 5};
    int pad = len - seq.length;
    float[] before = encodeAll(net, new int[][] {seq}, new int[] {seq.length}, len);
    for (int k = 1; k < seq.length; k++) {
      int[] changed = seq.clone();
      changed[k] = (seq[k] + 3) % 8;
      float[] after = encodeAll(net, new int[][] {changed}, new int[] {seq.length}, len);
      int firstChanged = (pad + k) * d;
      assertArrayEquals(Arrays.copyOfRange(before, pad * d, firstChanged), Arrays.copyOfRange(after, pad * d, firstChanged),
          "positions before the changed item " + k);
      // the test can fail: the changed position and every later one do see the change
      for (int j = k; j < seq.length; j++) {
        int at = (pad + j) * d;
        assertFalse(Arrays.equals(Arrays.copyOfRange(before, at, at + d), Arrays.copyOfRange(after, at, at + d)),
            "position " + j + " must see item " + k);
      }
    }
  }

  /**
   * Issue 8: padding has no effect. The same window with no padding, padded to max_seq_length, and in a batch
   * beside a longer window gives the same outputs at every real position; so does the scorer's user vector.
   */
  @Test
  void paddingDoesNotChangeRealPositions() {
    SASRec m = new SASRec(exact(SASRec.LossType.CE, 8), tiny(), 4);
    SASRec.Net net = m.net();
    int d = 4;
    int[] seq = {6, 0, 3};
    int[] longer = {2, 2, 7, 1, 5, 4, 3};
    float[] alone = encodeAll(net, new int[][] {seq}, new int[] {3}, 3);
    float[] padded = encodeAll(net, new int[][] {seq}, new int[] {3}, 8);
    float[] batched = encodeAll(net, new int[][] {longer, seq}, new int[] {7, 3}, 7);
    assertArrayEquals(alone, Arrays.copyOfRange(padded, 5 * d, 8 * d), 1e-6f);
    assertArrayEquals(alone, Arrays.copyOfRange(batched, (7 + 4) * d, 14 * d), 1e-6f);
    SequenceScorerChecks.assertBatchAndCutInvariant((SequenceScorer) m.scorer(), 8, seq, longer,
        new int[] {5, 5, 1, 2, 2, 7, 1, 5, 4, 3});
  }

  /** The last-position shortcut of the last block gives the full pass's last position. */
  @Test
  void lastOnlyEqualsTheLastPositionOfTheFullPass() {
    SASRec.Net net = new SASRec(exact(SASRec.LossType.CE, 8), tiny(), 5).net();
    int[][] items = {{1, 4, 2, 7, 3}, {6, 0}};
    int[] ends = {5, 2};
    PaddedSequences s = PaddedSequences.window(items, ends, 8, new int[] {0, 1}, 5);
    float[] last = net.encode(Tape.inference(CpuBackend.shared()), s, true, new SplittableRandom(0)).value().data().clone();
    float[] all = encodeAll(net, items, ends, 5);
    for (int b = 0; b < 2; b++) {
      assertArrayEquals(Arrays.copyOfRange(all, (b * 5 + 4) * 4, (b * 5 + 5) * 4), Arrays.copyOfRange(last, b * 4, b * 4 + 4),
          1e-6f);
    }
  }

  /** RecBole CE over all items: every prefix of the tiny data, user 2's cut to max_seq_length 5. */
  @Test
  void crossEntropyGradientMatchesCentralDifferences() {
    TrainView v = tiny();
    SASRec m = new SASRec(exact(SASRec.LossType.CE, 5), v, 1);
    PrefixInstances p = new PrefixInstances(v);
    PrefixInstances.Batch batch = p.batch(IntStream.range(0, p.size()).toArray());
    GradientCheck.assertGradients(m.net().params(), t -> SASRec.ceLoss(t, m.net(), batch, new SplittableRandom(0)),
        1e-3, 1e-5, 2e-2, 24);
  }

  /** kang205 BCE: one instance per user, one negative per position (the same draws at every evaluation). */
  @Test
  void binaryCrossEntropyGradientMatchesCentralDifferences() {
    SASRec m = new SASRec(exact(SASRec.LossType.BCE, 5), tiny(), 2);
    int[] users = {0, 1, 2};
    GradientCheck.assertGradients(m.net().params(),
        t -> m.bceLoss(t, m.net(), users, Rng.stream(2, "negatives", 0), new SplittableRandom(0)), 1e-3, 1e-5, 2e-2, 24);
  }

  /**
   * Issue 8: on the default data (leave-one-out, chronological) SASRec beats MostPop. A small network (d 32, one
   * block, max_seq_length 10) and learning rate 5e-3 get there in one epoch; the test is about learning, not
   * about the defaults, which need more epochs.
   */
  @Tag("learning")
  @Test
  void beatsPopularityOnPlantedStructure() {
    Split split = LearningCheck.defaultSplit();
    double pop = LearningCheck.popularityRecallAt20(split);
    var cfg = new SASRec.Config(32, 1, 2, 64, 0.2, 0.2, 1e-12, 0.02, 10, SASRec.LossType.CE, 5e-3, 256, 0.0);
    double r = LearningCheck.testRecallAt20(split, (v, s) -> new SASRec(cfg, v, s), 1, 0);
    assertTrue(r > pop * 1.5, "SASRec Recall@20 " + r + " vs MostPop " + pop);
  }

  /** The kang205 variant learns too: on the tiny data its loss falls. */
  @Test
  void bceTrainingLowersTheLoss() {
    SASRec m = new SASRec(new SASRec.Config(8, 1, 2, 16, 0.1, 0.1, 1e-12, 0.02, 5, SASRec.LossType.BCE, 1e-2, 2, 0.0),
        tiny(), 6);
    double first = m.trainEpoch(0);
    double last = first;
    for (int e = 1; e < 40; e++) {
      last = m.trainEpoch(e);
    }
    assertTrue(last < 0.6 * first, "BCE loss " + first + " -> " + last);
  }

  @Test
  void configValidationNamesTheKey() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new SASRec.Config(64, 2, 3, 256, 0.5, 0.5, 1e-12, 0.02, 50, SASRec.LossType.CE, 1e-3, 2048, 0.0));
    assertEquals("SASRec.Config hidden_size = 64 is not a multiple of n_heads = 3 (specs/baselines.md §3.7: head size = "
        + "hidden_size / n_heads)", e.getMessage());
  }

  /**
   * The BCE loss of a batch cut into several length groups equals the kang205 loss written out in double, user by
   * user: every real position's output scored against the next item and against the one item the user never saw
   * (each user's sequence avoids exactly one of the 6 items, so the negative is known).
   */
  @Test
  void bceLossPairsEveryPositionWithItsNextItem() {
    int nUsers = 310; // 300 users with 6 items and 10 with 60 (cut to max_seq_length 50): two length groups
    SplittableRandom r = new SplittableRandom(12);
    int[][] seqs = new int[nUsers][];
    int rows = 0;
    for (int u = 0; u < nUsers; u++) {
      int missing = u % 6;
      int shift = r.nextInt(5);
      // the five other items each once (so the negative is forced), then random ones among them
      seqs[u] = IntStream.range(0, u < 300 ? 6 : 60)
          .map(j -> (missing + 1 + (j < 5 ? (j + shift) % 5 : r.nextInt(5))) % 6).toArray();
      rows += seqs[u].length;
    }
    int[] us = new int[rows];
    int[] is = new int[rows];
    for (int u = 0, k = 0; u < nUsers; u++) {
      for (int item : seqs[u]) {
        us[k] = u;
        is[k++] = item;
      }
    }
    int[] inputLengths = Arrays.stream(seqs).mapToInt(q -> Math.min(q.length - 1, 50)).toArray();
    assertTrue(LengthBuckets.split(inputLengths).length > 1, "the batch must span several groups");
    SASRec m = new SASRec(exact(SASRec.LossType.BCE, 50), TrainView.ofPairs(nUsers, 6, us, is, Map.of()), 8);
    SASRec.Net net = m.net();
    int[] users = IntStream.range(0, nUsers).toArray();
    double loss = m.bceLoss(Tape.inference(CpuBackend.shared()), net, users, Rng.stream(8, "negatives", 0),
        new SplittableRandom(0)).item();
    float[] e = net.itemEmb.value().data();
    double sum = 0;
    int count = 0;
    for (int u = 0; u < nUsers; u++) {
      int end = seqs[u].length - 1;
      int len = Math.min(end, 50);
      float[] h = encodeAll(net, new int[][] {seqs[u]}, new int[] {end}, len); // [len, 4]
      for (int j = 0; j < len; j++) {
        int next = seqs[u][end - len + j + 1];
        sum += softplus(-dot(h, j, e, next + 1)) + softplus(dot(h, j, e, u % 6 + 1));
        count++;
      }
    }
    assertEquals(sum / count, loss, 1e-5);
  }

  private static double dot(float[] h, int position, float[] table, int row) {
    double s = 0;
    for (int c = 0; c < 4; c++) {
      s += (double) h[position * 4 + c] * table[row * 4 + c];
    }
    return s;
  }

  private static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  /** kang205 {@code random_neq}: a BCE negative is never one of the user's training items. */
  @Test
  void bceNegativesAvoidTheUsersTrainingItems() {
    TrainView v = TrainView.ofPairs(2, 5, new int[] {0, 0, 0, 1, 1, 1, 1, 1}, new int[] {0, 2, 4, 0, 1, 2, 3, 4}, Map.of());
    SASRec m = new SASRec(exact(SASRec.LossType.BCE, 5), v, 7);
    SplittableRandom rng = Rng.stream(7, "negatives", 0);
    int[] drawn = new int[5];
    for (int k = 0; k < 200; k++) {
      drawn[m.negative(0, rng)]++;
    }
    assertEquals(0, drawn[0] + drawn[2] + drawn[4], Arrays.toString(drawn));
    assertTrue(drawn[1] > 50 && drawn[3] > 50, Arrays.toString(drawn));
    var e = assertThrows(IllegalStateException.class, () -> m.negative(1, rng));
    assertEquals("user 1 has interacted with every item: no negative exists", e.getMessage());
  }
}
