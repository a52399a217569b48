package dev.recsuite.suite.run;

import dev.recsuite.protocols.split.SplitProtocol;
import dev.recsuite.protocols.train.Trainer;

/** One cell of a run matrix: a model with its config on a dataset under a protocol, with one seed. */
public record RunSpec(String dataset, SplitProtocol protocol, String model, Record config, long seed,
    EvalSettings eval, Trainer.Config training) {}
