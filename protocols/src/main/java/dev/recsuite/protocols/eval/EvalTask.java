package dev.recsuite.protocols.eval;

/**
 * Everything one evaluation pass needs, fixed before any model is scored, so every model is judged on the
 * same users, targets, masks and (sampled mode) candidates.
 *
 * @param phase "valid" or "test"
 * @param users [U] evaluated users, ascending
 * @param histories [U][..] items each user may condition on (train; train + valid at test)
 * @param targets [U][..] target items (the user's rows in the part, duplicates kept)
 * @param excluded [U][..] sorted distinct items removed from the ranking (full mode), by the mask policy
 * @param candidates [U][..] distinct candidates including the targets (sampled mode), or null in full mode
 * @param skippedColdStart users with targets but no training row: not evaluated, reported
 * @param rule a one-line statement of the masking or candidate rule, for the report
 * @param candidatesSha256 SHA-256 of the sampled candidates (null in full mode)
 */
public record EvalTask(String phase, int nItems, int[] users, int[][] histories, int[][] targets, int[][] excluded,
    int[][] candidates, int skippedColdStart, String rule, String candidatesSha256) {

  public boolean sampled() {
    return candidates != null;
  }

  public int size() {
    return users.length;
  }
}
