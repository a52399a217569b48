package dev.recsuite.protocols.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.ParamCodec;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.Resumable;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.api.UserBatch;
import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.data.synthetic.SyntheticGenerator;
import dev.recsuite.protocols.split.LeaveOneOutSplit;
import dev.recsuite.protocols.split.Split;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every model test inherits (Hipparchus-style abstract test): the same seed gives identical
 * scores, scores are finite, candidate scoring agrees with full scoring, a scorer is a frozen snapshot, and
 * training does not modify its inputs. Runs on a small synthetic dataset (200 users, 200 items).
 */
public abstract class RecommenderContract {
  /** Builds the model under test with its default (or a small) config. */
  protected abstract Recommender create(TrainView view, long seed);

  /** Epochs trained before checking; models that are slow per epoch may lower it. */
  protected int epochs() {
    return 2;
  }

  /** The small multimodal dataset the contract runs on (image 16-d, text 12-d features). */
  public static Dataset smallDataset() {
    var d = SyntheticGenerator.Config.defaults();
    return SyntheticGenerator.generate("contract", new SyntheticGenerator.Config(d.version(), 200, 200, 3000, 10, 8, 16, 12,
        d.minPerUser(), d.favouriteClusters(), d.popularityExponent(), d.stayProbability(), d.successorProbability(),
        d.featureNoise(), d.startTime(), 11));
  }

  public static Split smallSplit() {
    return LeaveOneOutSplit.defaults().apply(smallDataset());
  }

  private final Split split = smallSplit();

  protected TrainView view() {
    return TrainView.of(split);
  }

  private UserBatch batch(TrainView v) {
    int[] users = {0, 1, 7, 42, 199};
    int[][] hist = new int[users.length][];
    for (int k = 0; k < users.length; k++) {
      hist[k] = v.userItems(users[k]);
    }
    return new UserBatch(users, hist);
  }

  private float[] trainAndScore(long seed) {
    TrainView v = view();
    Recommender m = create(v, seed);
    train(m);
    float[] out = new float[5 * v.nItems()];
    m.scorer().scoreAll(batch(v), out);
    return out;
  }

  private void train(Recommender m) {
    if (m.iterative()) {
      for (int e = 0; e < epochs(); e++) {
        double loss = m.trainEpoch(e);
        assertTrue(Double.isFinite(loss), "epoch " + e + " loss " + loss);
      }
    }
  }

  @Test
  void sameSeedGivesIdenticalScores() {
    assertArrayEquals(trainAndScore(5), trainAndScore(5));
  }

  @Test
  void scoresAreFinite() {
    for (float s : trainAndScore(6)) {
      assertTrue(Float.isFinite(s), "score " + s);
    }
  }

  @Test
  void candidateScoresAgreeWithFullScores() {
    TrainView v = view();
    Recommender m = create(v, 8);
    train(m);
    Scorer s = m.scorer();
    UserBatch b = batch(v);
    float[] all = new float[b.size() * v.nItems()];
    s.scoreAll(b, all);
    int[][] cands = new int[b.size()][];
    float[][] out = new float[b.size()][];
    for (int k = 0; k < b.size(); k++) {
      cands[k] = new int[] {3, 0, v.nItems() - 1, 17};
      out[k] = new float[4];
    }
    s.scoreCandidates(b, cands, out);
    for (int k = 0; k < b.size(); k++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(all[k * v.nItems() + cands[k][j]], out[k][j], 1e-5f * Math.max(1f, Math.abs(out[k][j])));
      }
    }
  }

  @Test
  void aScorerIsAFrozenSnapshot() {
    TrainView v = view();
    Recommender m = create(v, 9);
    train(m);
    Scorer s = m.scorer();
    float[] before = new float[5 * v.nItems()];
    s.scoreAll(batch(v), before);
    if (m.iterative()) {
      m.trainEpoch(epochs());
    }
    float[] after = new float[5 * v.nItems()];
    s.scoreAll(batch(v), after);
    assertArrayEquals(before, after);
  }

  @Test
  void trainingDoesNotModifyItsInputs() {
    TrainView v = view();
    int[] users = v.users().clone();
    int[] items = v.items().clone();
    float[][] features = v.itemFeatures().values().stream().map(f -> f.data().clone()).toArray(float[][]::new);
    Recommender m = create(v, 10);
    train(m);
    assertArrayEquals(users, v.users());
    assertArrayEquals(items, v.items());
    float[][] now = v.itemFeatures().values().stream().map(f -> f.data()).toArray(float[][]::new);
    for (int k = 0; k < features.length; k++) {
      assertTrue(Arrays.equals(features[k], now[k]), "feature matrix " + k + " was modified");
    }
    assertTrue(m.parameterCount() >= 0);
  }

  /**
   * For {@link Resumable} models: train 1 + epochs() epochs straight; train 1 epoch, save parameters and optimiser,
   * restore them into a fresh model and train the rest there. The restored model must score as the saved one did,
   * and every parameter and score at the end must equal the straight run's bit for bit (a state the model keeps
   * outside its parameters and optimiser would show up here). And the restored optimiser must matter: the same
   * parameters with a fresh optimiser end elsewhere.
   */
  @Test
  void aRestoredTrainingStateContinuesBitForBit() throws IOException {
    TrainView v = view();
    Recommender straight = create(v, 12);
    assumeTrue(straight instanceof Resumable, "not Resumable: a killed training restarts from epoch 0");
    int total = 1 + epochs();
    for (int e = 0; e < total; e++) {
      straight.trainEpoch(e);
    }
    Recommender first = create(v, 12);
    first.trainEpoch(0);
    ByteArrayOutputStream params = new ByteArrayOutputStream();
    ParamCodec.write(new DataOutputStream(params), ((Resumable) first).trainingParams());
    ByteArrayOutputStream optimiser = new ByteArrayOutputStream();
    ((Resumable) first).optimizer().writeState(new DataOutputStream(optimiser));

    Recommender resumed = create(v, 12);
    ParamCodec.read(new DataInputStream(new ByteArrayInputStream(params.toByteArray())), ((Resumable) resumed).trainingParams());
    ((Resumable) resumed).optimizer().readState(new DataInputStream(new ByteArrayInputStream(optimiser.toByteArray())));
    // the trainer rebuilds each selection's best scorer this way: the parameters alone must give its scores
    float[] saved = new float[5 * v.nItems()];
    float[] restored = new float[5 * v.nItems()];
    first.scorer().scoreAll(batch(v), saved);
    resumed.scorer().scoreAll(batch(v), restored);
    assertArrayEquals(saved, restored, "the scorer of restored parameters differs from the scorer they were saved with");
    Recommender restarted = create(v, 12); // parameters only
    ParamCodec.read(new DataInputStream(new ByteArrayInputStream(params.toByteArray())), ((Resumable) restarted).trainingParams());
    for (int e = 1; e < total; e++) {
      resumed.trainEpoch(e);
      restarted.trainEpoch(e);
    }
    List<Param> a = ((Resumable) straight).trainingParams();
    List<Param> b = ((Resumable) resumed).trainingParams();
    for (int k = 0; k < a.size(); k++) {
      assertArrayEquals(a.get(k).value().data(), b.get(k).value().data(), a.get(k).name());
    }
    float[] sa = new float[5 * v.nItems()];
    float[] sb = new float[5 * v.nItems()];
    straight.scorer().scoreAll(batch(v), sa);
    resumed.scorer().scoreAll(batch(v), sb);
    assertArrayEquals(sa, sb);
    float[] sc = new float[5 * v.nItems()];
    restarted.scorer().scoreAll(batch(v), sc);
    assertFalse(Arrays.equals(sa, sc), "a fresh optimiser gave the same scores: the test cannot see a lost optimiser state");
  }
}
