package dev.recsuite.protocols.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.optim.Optimizer;
import dev.recsuite.engine.optim.Sgd;
import dev.recsuite.engine.parallel.WorkerPool;
import dev.recsuite.engine.tensor.Tensor;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.Resumable;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.UserBatch;
import dev.recsuite.protocols.eval.EvalTask;
import dev.recsuite.protocols.eval.Evaluator;
import dev.recsuite.protocols.eval.TiePolicy;
import dev.recsuite.protocols.metrics.MetricSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {
  /**
   * A model whose validation HR@1 follows a script: after epoch e, the first round(script[e] * 10000) of the
   * 10000 validation users get their target (item 0) ranked first. Its scorer remembers the epoch it was taken at.
   */
  static class Scripted implements Recommender {
    final double[] script;
    int epoch = -1;

    Scripted(double... script) {
      this.script = script;
    }

    @Override
    public double trainEpoch(int e) {
      epoch = e;
      return 1.0 / (e + 1);
    }

    @Override
    public Scorer scorer() {
      int hits = (int) Math.round(script[Math.max(epoch, 0)] * USERS);
      int taken = epoch;
      return new Scorer() {
        @Override
        public int nItems() {
          return 2;
        }

        @Override
        public void scoreAll(UserBatch b, float[] out) {
          for (int k = 0; k < b.size(); k++) {
            boolean hit = b.users()[k] < hits;
            out[2 * k] = hit ? 1 : 0;
            out[2 * k + 1] = hit ? 0 : 1;
          }
        }

        @Override
        public String toString() {
          return "epoch " + taken;
        }
      };
    }

    @Override
    public long parameterCount() {
      return 0;
    }
  }

  static final int USERS = 10000;

  static Evaluator validation() {
    return validation(USERS);
  }

  /** Validation over users {@code 0 .. n-1}: HR@1 = min(hits, n) / n. */
  static Evaluator validation(int n) {
    int[] users = new int[n];
    int[][] targets = new int[n][];
    int[][] none = new int[n][0];
    for (int k = 0; k < n; k++) {
      users[k] = k;
      targets[k] = new int[] {0};
    }
    return new Evaluator(new EvalTask("valid", 2, users, none, targets, none, null, 0, "test", null),
        MetricSet.standard(new int[] {1}), TiePolicy.PESSIMISTIC, 0, 4096);
  }

  @Test
  void stopsAfterPatiencePlusOneEpochsWithoutStrictImprovement() {
    // best at epoch 1 (0.30); epochs 2..4 equal or lower; patience 2 -> stop after 3 non-improving epochs (epoch 4)
    Scripted m = new Scripted(0.10, 0.30, 0.30, 0.20, 0.25, 0.90, 0.90);
    TrainingResult r = new Trainer(new Trainer.Config(100, 2, "HR@1", 4, true)).fit(m, validation(), null);
    assertEquals(1, r.bestEpoch());
    assertEquals(5, r.epochs().size());
    assertEquals("epoch 1", r.bestScorer().toString()); // frozen at the best epoch, not the last
    assertTrue(r.stopReason().startsWith("early stop"));
  }

  @Test
  void nonStrictImprovementAcceptsEqualValues() {
    Scripted m = new Scripted(0.10, 0.30, 0.30, 0.20, 0.25, 0.20, 0.20);
    TrainingResult r = new Trainer(new Trainer.Config(100, 2, "HR@1", 4, false)).fit(m, validation(), null);
    assertEquals(2, r.bestEpoch());
  }

  /** MMRec rounds to 4 decimals before comparing: 0.30004 rounds to 0.3000, not an improvement over 0.3000. */
  @Test
  void roundingHappensBeforeTheComparison() {
    Trainer t = new Trainer(new Trainer.Config(10, 2, "HR@1", 4, true));
    assertEquals(0.3, t.round(0.30004), 0);
    assertEquals(0.3001, t.round(0.30005000001), 0);
    assertEquals(0.1235, t.round(0.12345), 1e-15); // 0.12345 is stored as 0.1234500000000000013..., so half-up
    assertEquals(0.30004, new Trainer(new Trainer.Config(10, 2, "HR@1", -1, true)).round(0.30004), 0);
  }

  @Test
  void aNanLossStopsWithTheEpoch() {
    Recommender nan = new Scripted(0.1, 0.1) {
      @Override
      public double trainEpoch(int e) {
        super.trainEpoch(e);
        return e == 1 ? Double.NaN : 1;
      }
    };
    var e = assertThrows(IllegalStateException.class, () -> new Trainer(new Trainer.Config(10, 2, "HR@1", 4, true)).fit(nan, validation(), null));
    assertEquals("NaN training loss at epoch 1", e.getMessage());
  }

  @Test
  void anUnevaluatedSelectionMetricFailsBeforeTraining() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Trainer(Trainer.Config.defaults()).fit(new Scripted(0.1), validation(), null));
    assertTrue(e.getMessage().contains("Recall@20 is not among"), e.getMessage());
  }

  @Test
  void withoutValidationTheLastEpochIsUsed() {
    Scripted m = new Scripted(0.1, 0.2, 0.3);
    TrainingResult r = new Trainer(new Trainer.Config(3, 0, "HR@1", 4, true)).fit(m, null, null);
    assertEquals(2, r.bestEpoch());
    assertEquals("epoch 2", r.bestScorer().toString());
  }

  @Test
  void nonIterativeModelsRunNoEpochs() {
    Recommender fixed = new Scripted(0.5) {
      @Override
      public boolean iterative() {
        return false;
      }
    };
    TrainingResult r = new Trainer(new Trainer.Config(10, 2, "HR@1", 4, true)).fit(fixed, validation(), null);
    assertEquals(0, r.epochs().size());
    assertEquals(0.5, r.bestValid().mean("HR@1"), 1e-12);
  }

  /**
   * Two selections over one training: each must equal the run it would have had alone (best epoch, curve,
   * frozen scorer, reason), and training must go on until the later one stops.
   */
  @Test
  void eachSelectionOfAJointRunEqualsItsRunAlone() {
    // users 0..2999 see min(hits, 3000) / 3000: 0.33 0.67 1 1 1 1 -> best epoch 2, stop at epoch 5 (patience 2)
    // all users: best at epoch 6 (0.55), stop at epoch 9
    double[] script = {0.10, 0.20, 0.35, 0.40, 0.45, 0.50, 0.55, 0.54, 0.53, 0.52, 0.51, 0.50};
    Trainer t = new Trainer(new Trainer.Config(100, 2, "HR@1", 4, true));
    Scripted joint = new Scripted(script);
    var both = t.fitJointly(joint, List.of(validation(3000), validation(USERS)), null, null);
    assertEquals(9, joint.epoch); // trained until the second selection stopped
    TrainingResult[] alone = {t.fit(new Scripted(script), validation(3000), null),
        t.fit(new Scripted(script), validation(USERS), null)};
    assertEquals(2, alone[0].bestEpoch());
    assertEquals(6, alone[1].bestEpoch());
    assertEquals(6, both.get(0).epochs().size());
    for (int k = 0; k < 2; k++) {
      TrainingResult j = both.get(k);
      assertEquals(alone[k].bestEpoch(), j.bestEpoch());
      assertEquals(alone[k].stopReason(), j.stopReason());
      assertEquals(alone[k].bestScorer().toString(), j.bestScorer().toString());
      assertEquals(alone[k].bestValid().mean("HR@1"), j.bestValid().mean("HR@1"), 0);
      assertEquals(alone[k].epochs().size(), j.epochs().size());
      for (int e = 0; e < j.epochs().size(); e++) {
        assertEquals(alone[k].epochs().get(e).validMetric(), j.epochs().get(e).validMetric(), 0);
        assertEquals(alone[k].epochs().get(e).loss(), j.epochs().get(e).loss(), 0);
      }
    }
  }

  /** {@link Scripted} whose epoch lives in a parameter, so that a checkpoint carries it. */
  static final class ResumableScripted extends Scripted implements Resumable {
    final Param state = new Param("epoch", Tensor.of(new float[] {-1}, 1));
    final Sgd sgd = new Sgd(List.of(state), 0.1, 0, new WorkerPool(1));

    ResumableScripted(double... script) {
      super(script);
    }

    @Override
    public double trainEpoch(int e) {
      state.value().data()[0] = e;
      return super.trainEpoch(e);
    }

    @Override
    public Scorer scorer() {
      epoch = (int) state.value().data()[0];
      return super.scorer();
    }

    @Override
    public List<Param> trainingParams() {
      return List.of(state);
    }

    @Override
    public Optimizer optimizer() {
      return sgd;
    }
  }

  /** Keeps checkpoints in memory; saves after every epoch and, like a kill, throws right after saving epoch {@code killAfter}. */
  static final class MemorySink implements CheckpointSink {
    byte[] saved;
    int killAfter = Integer.MAX_VALUE;

    @Override
    public byte[] load() {
      return saved;
    }

    @Override
    public boolean due(int epoch) {
      return true;
    }

    @Override
    public void save(byte[] checkpoint) {
      saved = checkpoint;
      if (nextEpoch(checkpoint) - 1 > killAfter) {
        throw new IllegalStateException("killed");
      }
    }

    @Override
    public String writer() {
      return "test";
    }
  }

  private static int nextEpoch(byte[] checkpoint) {
    try {
      return TrainingCheckpoint.decode(checkpoint).nextEpoch();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aTrainingKilledAfterACheckpointContinuesToTheUninterruptedResults() {
    double[] script = {0.10, 0.20, 0.35, 0.40, 0.45, 0.50, 0.55, 0.54, 0.53, 0.52, 0.51, 0.50};
    Trainer t = new Trainer(new Trainer.Config(100, 2, "HR@1", 4, true));
    List<TrainingResult> straight = t.fitJointly(new ResumableScripted(script), List.of(validation(3000), validation(USERS)),
        null, new MemorySink());
    MemorySink sink = new MemorySink();
    sink.killAfter = 6; // the first selection stopped at epoch 5; the second is still training
    assertThrows(IllegalStateException.class,
        () -> t.fitJointly(new ResumableScripted(script), List.of(validation(3000), validation(USERS)), null, sink));
    sink.killAfter = Integer.MAX_VALUE;
    CheckpointProgress progress = CheckpointProgress.of(sink.saved).orElseThrow(); // what --dry-run lists
    assertEquals(8, progress.nextEpoch());
    assertTrue(progress.selections().get(0).stopped());
    assertEquals(straight.get(0).bestEpoch(), progress.selections().get(0).bestEpoch());
    assertEquals(new CheckpointProgress.Selection(6, 0.55, 1, false), progress.selections().get(1)); // 0.54 after 0.55
    assertTrue(CheckpointProgress.of("not a checkpoint".getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEmpty());
    ResumableScripted fresh = new ResumableScripted(script);
    List<TrainingResult> resumed = t.fitJointly(fresh, List.of(validation(3000), validation(USERS)), null, sink);
    assertEquals(9, fresh.epoch);
    for (int k = 0; k < 2; k++) {
      TrainingResult a = straight.get(k);
      TrainingResult b = resumed.get(k);
      assertEquals(a.bestEpoch(), b.bestEpoch());
      assertEquals(a.stopReason(), b.stopReason());
      assertEquals(a.bestScorer().toString(), b.bestScorer().toString());
      assertEquals(a.bestValid().mean("HR@1"), b.bestValid().mean("HR@1"), 0);
      assertEquals(a.epochs().stream().map(e -> List.of(e.epoch(), e.loss(), e.validMetric())).toList(),
          b.epochs().stream().map(e -> List.of(e.epoch(), e.loss(), e.validMetric())).toList());
      assertEquals(List.of(), a.resumes());
      assertEquals(List.of(new Resume(8, "test")), b.resumes()); // saved after epoch 7, then "killed"
    }
  }

  @Test
  void aCheckpointThatNoLongerReproducesItsBestEpochIsRefused() {
    Trainer t = new Trainer(new Trainer.Config(100, 2, "HR@1", 4, true));
    MemorySink sink = new MemorySink();
    sink.killAfter = 3;
    assertThrows(IllegalStateException.class,
        () -> t.fitJointly(new ResumableScripted(0.1, 0.2, 0.3, 0.4, 0.5, 0.6), List.of(validation()), null, sink));
    // saved after epoch 4 (best so far); "changed code": that epoch now validates differently
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> t.fitJointly(new ResumableScripted(0.1, 0.2, 0.3, 0.4, 0.9, 0.6), List.of(validation()), null, sink));
    assertTrue(e.getMessage().contains("best epoch 4 give valid HR@1 0.9, the checkpoint says 0.5"), e.getMessage());
  }

  @Test
  void modelsThatCannotResumeWriteNoCheckpoint() {
    MemorySink sink = new MemorySink();
    new Trainer(new Trainer.Config(5, 2, "HR@1", 4, true)).fitJointly(new Scripted(0.1, 0.2, 0.3, 0.4, 0.5), List.of(validation()),
        null, sink);
    assertNull(sink.saved);
  }
}
