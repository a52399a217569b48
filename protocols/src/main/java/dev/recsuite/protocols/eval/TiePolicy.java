package dev.recsuite.protocols.eval;

/**
 * Where a target goes among candidates with exactly its score. Ties are real: MMRec masks with -1e10,
 * duplicated mean image vectors give identical kNN similarities, and an untrained model scores everything
 * alike. The default is pessimistic, so a degenerate model cannot score well by tie luck.
 */
public enum TiePolicy {
  /** The target ranks after every non-target with an equal score. */
  PESSIMISTIC,
  /** The target ranks before every non-target with an equal score. */
  OPTIMISTIC,
  /** A uniformly random order among equal scores, from a seeded per-user stream. */
  RANDOM
}
