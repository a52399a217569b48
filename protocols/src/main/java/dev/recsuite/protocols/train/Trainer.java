package dev.recsuite.protocols.train;

import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.eval.EvaluationResult;
import dev.recsuite.protocols.eval.Evaluator;
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
    return fitJointly(model, Collections.singletonList(validation), listener).get(0);
  }

  /**
   * Trains once and selects once per validation evaluator, each with its own best epoch, patience and frozen
   * scorer, as if each had its own training run: the training trajectory does not depend on validation (a
   * scorer is a frozen copy and draws no training randomness), so every result equals the one a run with that
   * evaluator alone would give. Training goes on until every selection has stopped; each curve ends where its
   * own run would have ended. This is how one run is tested under full ranking and under sampled candidates
   * (or under two masking rules) for the price of one training.
   *
   * @param validations one evaluator per selection (null or empty ones: no validation, the last epoch is used)
   * @param listener progress of the first selection still training
   */
  public List<TrainingResult> fitJointly(Recommender model, List<Evaluator> validations, Listener listener) {
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
          sel.hasValid ? sel.validation.evaluate(s) : null, s, "not iterative: fit on construction")).toList();
    }
    for (int epoch = 0; epoch < cfg.epochs() && selections.stream().anyMatch(sel -> !sel.stopped); epoch++) {
      long t0 = System.nanoTime();
      double loss = model.trainEpoch(epoch);
      double trainSec = (System.nanoTime() - t0) / 1e9;
      if (Double.isNaN(loss)) {
        throw new IllegalStateException("NaN training loss at epoch " + epoch);
      }
      Scorer scorer = selections.stream().anyMatch(sel -> sel.hasValid && !sel.stopped) ? model.scorer() : null;
      Listener tell = listener;
      for (Selection sel : selections) {
        if (!sel.stopped) {
          sel.epochDone(epoch, loss, trainSec, scorer, tell);
          tell = null;
        }
      }
    }
    return selections.stream().map(sel -> sel.result(model)).toList();
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
    int sinceBest;
    boolean stopped;
    String reason = "reached " + cfg.epochs() + " epochs";

    Selection(Evaluator validation) {
      this.validation = validation;
      this.hasValid = validation != null && validation.task().size() > 0;
    }

    void epochDone(int epoch, double loss, double trainSec, Scorer scorer, Listener listener) {
      if (!hasValid) {
        curve.add(new EpochRecord(epoch, loss, trainSec, Double.NaN, 0));
        bestEpoch = epoch;
      } else {
        EvaluationResult v = validation.evaluate(scorer);
        double value = round(v.mean(cfg.validMetric()));
        curve.add(new EpochRecord(epoch, loss, trainSec, value, v.seconds()));
        boolean improved = cfg.strictImprovement() ? value > best : value >= best;
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
    }

    TrainingResult result(Recommender model) {
      if (!hasValid) {
        bestScorer = model.scorer();
        reason = "no validation set: trained " + cfg.epochs() + " epochs, last used";
      }
      return new TrainingResult(List.copyOf(curve), bestEpoch, bestValid, bestScorer, reason);
    }
  }

  double round(double v) {
    if (cfg.metricDecimals() < 0 || Double.isNaN(v)) {
      return v;
    }
    return new BigDecimal(v).setScale(cfg.metricDecimals(), RoundingMode.HALF_EVEN).doubleValue();
  }
}
