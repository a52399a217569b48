package dev.recsuite.protocols.api;

/** Builds a model from its validated config, the training view and the run's seed. */
@FunctionalInterface
public interface RecommenderFactory<C extends Record> {
  Recommender create(C config, TrainView train, long seed);
}
