package dev.recsuite.suite.run;

import dev.recsuite.protocols.split.SplitProtocol;
import dev.recsuite.protocols.train.Trainer;
import dev.recsuite.suite.experiment.EvalSettings;
import java.util.Map;

/**
 * One run of a matrix: a model with one configuration on a dataset under a protocol, with one seed, and
 * what it is for.
 *
 * @param origins for every effective key ({@code model.reg_weight}, {@code training.epochs}, ...), the layer
 *     and place its value comes from
 */
public record RunSpec(String dataset, SplitProtocol protocol, String model, Record config, long seed,
    EvalSettings eval, Trainer.Config training, Map<String, String> origins, Purpose purpose) {}
