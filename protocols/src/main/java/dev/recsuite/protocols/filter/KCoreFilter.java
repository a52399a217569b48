package dev.recsuite.protocols.filter;

import dev.recsuite.protocols.data.Dataset;

/**
 * Iterative k-core filtering with separate thresholds: repeatedly drop every interaction of a user with fewer
 * than {@code userCore} interactions or of an item with fewer than {@code itemCore}, until no count changes
 * (MMRec preprocessing step 3, specs/baselines.md §2.2; MM-RACL-KAL uses 5/20). Counts are interaction rows,
 * so repeated (user, item) rows count each time. Survivors are re-indexed by {@link Dataset#select}.
 */
public record KCoreFilter(int userCore, int itemCore) {
  public KCoreFilter {
    if (userCore < 0 || itemCore < 0) {
      throw new IllegalArgumentException("k-core thresholds must be >= 0, got user " + userCore + ", item " + itemCore);
    }
  }

  public Dataset apply(Dataset d) {
    int n = d.nInteractions();
    boolean[] keep = new boolean[n];
    java.util.Arrays.fill(keep, true);
    int[] userDeg = new int[d.nUsers()];
    int[] itemDeg = new int[d.nItems()];
    for (int r = 0; r < n; r++) {
      userDeg[d.user(r)]++;
      itemDeg[d.item(r)]++;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int r = 0; r < n; r++) {
        if (keep[r] && (userDeg[d.user(r)] < userCore || itemDeg[d.item(r)] < itemCore)) {
          keep[r] = false;
          changed = true;
        }
      }
      if (changed) {
        java.util.Arrays.fill(userDeg, 0);
        java.util.Arrays.fill(itemDeg, 0);
        for (int r = 0; r < n; r++) {
          if (keep[r]) {
            userDeg[d.user(r)]++;
            itemDeg[d.item(r)]++;
          }
        }
      }
    }
    return d.select(keep);
  }
}
