package dev.recsuite.protocols.config;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean" for configuration keys: the candidate with the smallest Levenshtein distance to a
 * misspelt key, if it is close enough to be a plausible typo (at most a third of the key's length, min 2).
 */
public final class NearestName {
  private NearestName() {}

  public static Optional<String> suggest(String key, Collection<String> candidates) {
    String best = null;
    int bestDist = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(key.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDist || (d == bestDist && best != null && c.compareTo(best) < 0)) {
        best = c;
        bestDist = d;
      }
    }
    return best != null && bestDist <= Math.max(2, key.length() / 3) ? Optional.of(best) : Optional.empty();
  }

  /** "; did you mean 'x'?" or "" when nothing is close. */
  public static String hint(String key, Collection<String> candidates) {
    return suggest(key, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
