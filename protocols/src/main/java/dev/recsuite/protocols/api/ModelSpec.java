package dev.recsuite.protocols.api;

/**
 * A registry entry: the model's name as papers spell it, its config record type with defaults, and a
 * factory. The suite's registry is a plain map of these; experiment keys bind to the record's components.
 *
 * @param family "general", "sequential" or "multimodal": which inputs the model needs
 * @param spec the spec section the model implements, e.g. "specs/baselines.md §3.1"
 */
public record ModelSpec<C extends Record>(String name, String family, String spec, Class<C> configType, C defaults,
    RecommenderFactory<C> factory) {

  public Recommender create(C config, TrainView train, long seed) {
    return factory.create(config, train, seed);
  }
}
