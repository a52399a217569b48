package dev.recsuite.stats;

/**
 * What pairs the two vectors of a paired comparison: index i of both vectors holds the same seed, or the same
 * user. The arithmetic of every paired routine is the same for both; the pairing is carried into each result
 * so that a report can say which comparison it ran (with 5 seeds a paired test has 4 degrees of freedom; with
 * 20,000 users it has 19,999 and answers a different question: does the difference hold across users for this
 * one trained model?).
 */
public enum Pairing {
  /** a[i] and b[i] are the two systems' values (averaged over users) for the same random seed. */
  SEED("seed", "seeds"),
  /** a[i] and b[i] are the two systems' values for the same test user (from one run, or averaged over seeds). */
  USER("user", "users");

  private final String noun;
  private final String plural;

  Pairing(String noun, String plural) {
    this.noun = noun;
    this.plural = plural;
  }

  /** "seed" or "user". */
  public String noun() {
    return noun;
  }

  /** "seeds" or "users". */
  public String plural() {
    return plural;
  }
}
