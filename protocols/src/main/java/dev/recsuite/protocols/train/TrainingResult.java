package dev.recsuite.protocols.train;

import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.eval.EvaluationResult;
import java.util.List;

/**
 * The outcome of {@link Trainer#fit}: the curve, the best validation epoch, and the scorer frozen at that
 * epoch, which is what gets tested (the test split never chooses anything).
 *
 * @param bestEpoch 0-based best epoch, or -1 for a non-iterative model
 * @param bestValid validation result at the best epoch (null when there is no validation set)
 * @param stopReason why training ended, in words
 * @param resumes each time the training continued from a checkpoint (empty for one uninterrupted process)
 */
public record TrainingResult(List<EpochRecord> epochs, int bestEpoch, EvaluationResult bestValid, Scorer bestScorer,
    String stopReason, List<Resume> resumes) {}
