package dev.recsuite.protocols.train;

import dev.recsuite.engine.autodiff.ParamCodec;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.Resumable;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.eval.EvaluationResult;
import dev.recsuite.protocols.eval.Evaluator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shared training loop with early stopping, as MMRec's {@code Trainer.fit} (specs/baselines.md §2.3):
 * train one epoch, evaluate on validation, and keep the best epoch by the selection metric. The metric is
 * rounded (MMRec: 4 decimals, Python {@code round}, i.e. half-even on the exact binary value) before the
 * comparison; with {@code strict_improvement} only a strictly greater value counts (MMRec; RecBole accepts
 * equal values). Training stops when more than {@code stopping_step} epochs in a row did not improve.
 *
 * <p>Unlike MMRec, which evaluates the test split every epoch and reports the value at the best validation
 * epoch, the trainer freezes the model's scorer at the best epoch and the caller tests it once: same numbers,
 * half the evaluation cost. With no validation users (an 8:2 split) the model trains for {@code epochs}
 * epochs and the last is used.
 */
public final class Trainer {
  /**
   * @param epochs maximum number of epochs
   * @param stoppingStep patience: stop after stopping_step + 1 non-improving epochs in a row
   * @param validMetric selection metric on the validation split, e.g. Recall@20
   * @param metricDecimals decimals the metric is rounded to before comparing; -1 for none
   * @param strictImprovement whether an equal value fails to count as an improvement
   */
  public record Config(int epochs, int stoppingStep, String validMetric, int metricDecimals, boolean strictImprovement) {
    public Config {
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
      }
      if (stoppingStep < 0) {
        throw new IllegalArgumentException("stopping_step must be >= 0, got " + stoppingStep);
      }
    }

    /** MMRec's overall.yaml: 1000 epochs, stopping_step 20, valid_metric Recall@20, 4 decimals, strict. */
    public static Config defaults() {
      return new Config(1000, 20, "Recall@20", 4, true);
    }
  }

  /** Progress callback after each epoch. */
  public interface Listener {
    void epochDone(EpochRecord record, int bestEpoch, int sinceBest);
  }

  private final Config cfg;

  public Trainer(Config cfg) {
    this.cfg = cfg;
  }

  public TrainingResult fit(Recommender model, Evaluator validation, Listener listener) {
    return fitJointly(model, Collections.singletonList(validation), listener, null).get(0);
  }

  /**
   * Trains once and selects once per validation evaluator, each with its own best epoch, patience and frozen
   * scorer, as if each had its own training run: the training trajectory does not depend on validation (a
   * scorer is a frozen copy and draws no training randomness), so every result equals the one a run with that
   * evaluator alone would give. Training goes on until every selection has stopped; each curve ends where its
   * own run would have ended. This is how one run is tested under full ranking and under sampled candidates
   * (or under two masking rules) for the price of one training.
   *
   * <p>With a {@code checkpoints} sink and a {@link Resumable} model, the whole state (curves, patience, each
   * selection's best parameters, the model's parameters and optimiser) is saved after the epochs the sink asks
   * for, and a saved state is continued from: the results are the uninterrupted run's, bit for bit. On restore,
   * each selection's best scorer is rebuilt from its saved parameters and validated again; a value that differs
   * from the saved one means the code or data changed, and the restore fails rather than mix two trainings.
   *
   * @param validations one evaluator per selection (null or empty ones: no validation, the last epoch is used)
   * @param listener progress of the first selection still training
   * @param checkpoints where to save and find checkpoints; null for none
   */
  public List<TrainingResult> fitJointly(Recommender model, List<Evaluator> validations, Listener listener,
      CheckpointSink checkpoints) {
    for (Evaluator v : validations) {
      if (v != null && v.task().size() > 0 && v.metricNames().stream().noneMatch(m -> m.equalsIgnoreCase(cfg.validMetric()))) {
        throw new IllegalArgumentException("selection metric " + cfg.validMetric() + " is not among the evaluated metrics "
            + v.metricNames());
      }
    }
    List<Selection> selections = validations.stream().map(Selection::new).toList();
    if (!model.iterative()) {
      Scorer s = model.scorer();
      return selections.stream().map(sel -> new TrainingResult(List.of(), -1,
          sel.hasValid ? sel.validation.evaluate(s) : null, s, "not iterative: fit on construction", List.of())).toList();
    }
    Resumable resumable = checkpoints != null && model instanceof Resumable r ? r : null;
    List<Resume> resumes = new ArrayList<>();
    int start = 0;
    byte[] saved = resumable == null ? null : checkpoints.load();
    if (saved != null) {
      start = restore(saved, model, resumable, selections, resumes);
    }
    for (int epoch = start; epoch < cfg.epochs() && selections.stream().anyMatch(sel -> !sel.stopped); epoch++) {
      long t0 = System.nanoTime();
      double loss = model.trainEpoch(epoch);
      double trainSec = (System.nanoTime() - t0) / 1e9;
      if (Double.isNaN(loss)) {
        throw new IllegalStateException("NaN training loss at epoch " + epoch);
      }
      Scorer scorer = selections.stream().anyMatch(sel -> sel.hasValid && !sel.stopped) ? model.scorer() : null;
      Listener tell = listener;
      byte[] parameters = null; // this epoch's parameters, shared by every selection it improves
      for (Selection sel : selections) {
        if (!sel.stopped) {
          boolean improved = sel.epochDone(epoch, loss, trainSec, scorer, tell);
          tell = null;
          if (improved && resumable != null) {
            parameters = parameters != null ? parameters : parameters(resumable);
            sel.bestParameters = parameters;
          }
        }
      }
      boolean more = epoch + 1 < cfg.epochs() && selections.stream().anyMatch(sel -> !sel.stopped);
      if (resumable != null && more && checkpoints.due(epoch)) {
        checkpoints.save(checkpoint(epoch + 1, checkpoints.writer(), resumes, selections, resumable).encode());
      }
    }
    return selections.stream().map(sel -> sel.result(model, resumes)).toList();
  }

  private static byte[] parameters(Resumable model) {
    return bytes(out -> ParamCodec.write(out, model.trainingParams()));
  }

  private static TrainingCheckpoint checkpoint(int nextEpoch, String writer, List<Resume> resumes, List<Selection> selections,
      Resumable model) {
    byte[] state = bytes(out -> {
      ParamCodec.write(out, model.trainingParams());
      model.optimizer().writeState(out);
    });
    List<TrainingCheckpoint.SelectionState> states = selections.stream().map(s -> new TrainingCheckpoint.SelectionState(
        List.copyOf(s.curve), s.best, s.bestEpoch, s.sinceBest, s.stopped, s.reason, s.bestParameters)).toList();
    return new TrainingCheckpoint(nextEpoch, writer, List.copyOf(resumes), states, state);
  }

  private interface StateWriter {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] bytes(StateWriter writer) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      writer.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /** Puts the saved state into the model and the selections; returns the next epoch. */
  private int restore(byte[] saved, Recommender model, Resumable resumable, List<Selection> selections, List<Resume> resumes) {
    TrainingCheckpoint c;
    try {
      c = TrainingCheckpoint.decode(saved);
      if (c.selections().size() != selections.size()) {
        throw new IOException("it has " + c.selections().size() + " selections, this training " + selections.size());
      }
      for (int k = 0; k < selections.size(); k++) {
        Selection sel = selections.get(k);
        TrainingCheckpoint.SelectionState st = c.selections().get(k);
        sel.curve.addAll(st.curve());
        sel.best = st.best();
        sel.bestEpoch = st.bestEpoch();
        sel.sinceBest = st.sinceBest();
        sel.stopped = st.stopped();
        sel.reason = st.reason();
        sel.bestParameters = st.bestParameters();
        if (sel.hasValid && st.bestParameters() != null) {
          ParamCodec.read(new DataInputStream(new ByteArrayInputStream(st.bestParameters())), resumable.trainingParams());
          sel.bestScorer = model.scorer();
          sel.bestValid = sel.validation.evaluate(sel.bestScorer);
          double again = round(sel.bestValid.mean(cfg.validMetric()));
          if (Double.compare(again, sel.best) != 0) {
            throw new IOException("the parameters of best epoch " + sel.bestEpoch + " give valid " + cfg.validMetric() + " "
                + again + ", the checkpoint says " + sel.best + " (was the code or the data changed since it was written?)");
          }
        }
      }
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(c.model()));
      ParamCodec.read(in, resumable.trainingParams());
      resumable.optimizer().readState(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot continue from the saved checkpoint (written by " + checkpointWriter(saved)
          + "): " + e.getMessage(), e);
    }
    resumes.addAll(c.resumes());
    resumes.add(new Resume(c.nextEpoch(), c.writer()));
    return c.nextEpoch();
  }

  private static String checkpointWriter(byte[] saved) {
    try {
      return TrainingCheckpoint.decode(saved).writer();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** One selection's state: its curve, best epoch, patience and frozen scorer. */
  private final class Selection {
    final Evaluator validation;
    final boolean hasValid;
    final List<EpochRecord> curve = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    int bestEpoch = -1;
    EvaluationResult bestValid;
    Scorer bestScorer;
    byte[] bestParameters; // kept only when checkpointing
    int sinceBest;
    boolean stopped;
    String reason = "reached " + cfg.epochs() + " epochs";

    Selection(Evaluator validation) {
      this.validation = validation;
      this.hasValid = validation != null && validation.task().size() > 0;
    }

    /** Returns whether this epoch became the best. */
    boolean epochDone(int epoch, double loss, double trainSec, Scorer scorer, Listener listener) {
      boolean improved = false;
      if (!hasValid) {
        curve.add(new EpochRecord(epoch, loss, trainSec, Double.NaN, 0));
        bestEpoch = epoch;
      } else {
        EvaluationResult v = validation.evaluate(scorer);
        double value = round(v.mean(cfg.validMetric()));
        curve.add(new EpochRecord(epoch, loss, trainSec, value, v.seconds()));
        improved = cfg.strictImprovement() ? value > best : value >= best;
        if (improved) {
          best = value;
          bestEpoch = epoch;
          bestValid = v;
          bestScorer = scorer;
          sinceBest = 0;
        } else {
          sinceBest++;
        }
        if (sinceBest > cfg.stoppingStep()) {
          reason = "early stop: " + sinceBest + " epochs without improvement of valid " + cfg.validMetric();
          stopped = true;
        }
      }
      if (listener != null) {
        listener.epochDone(curve.get(curve.size() - 1), bestEpoch, sinceBest);
      }
      return improved;
    }

    TrainingResult result(Recommender model, List<Resume> resumes) {
      if (!hasValid) {
        bestScorer = model.scorer();
        reason = "no validation set: trained " + cfg.epochs() + " epochs, last used";
      }
      return new TrainingResult(List.copyOf(curve), bestEpoch, bestValid, bestScorer, reason, List.copyOf(resumes));
    }
  }

  double round(double v) {
    if (cfg.metricDecimals() < 0 || Double.isNaN(v)) {
      return v;
    }
    return new BigDecimal(v).setScale(cfg.metricDecimals(), RoundingMode.HALF_EVEN).doubleValue();
  }
}
