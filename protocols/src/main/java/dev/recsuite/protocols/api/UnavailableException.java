package dev.recsuite.protocols.api;

/**
 * A cell of an experiment that cannot run on this machine's data, as opposed to a wrong input: the dataset is
 * not installed, it lacks what the protocol needs (chronology, a shipped split column), or it lacks the item
 * features a model needs. An experiment with {@code unavailable: skip} reports such cells as not run (a paper's
 * table over four datasets, of which one is installed) instead of failing.
 */
public class UnavailableException extends IllegalArgumentException {
  public UnavailableException(String message) {
    super(message);
  }
}
