package dev.deepdive.ecs.constructs.taskdef;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the supported field a misspelt one was probably meant to be. */
final class DidYouMean {
  private DidYouMean() {}

  /**
   * The closest candidate, if any is close enough: same name in another case ("Memory", pasted from
   * CloudFormation), within two edits ("memroy"), or one name extending the other ("memorySize" for
   * "memory", "driver" for "logDriver"), which edit distance alone misses.
   */
  static Optional<String> suggest(String unknown, Collection<String> candidates) {
    String u = unknown.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      if (c.toLowerCase(Locale.ROOT).equals(u)) {
        return Optional.of(c);
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(u, c.toLowerCase(Locale.ROOT));
      if (d <= 2 && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best != null) {
      return Optional.of(best);
    }
    String longest = null;
    for (String c : candidates) {
      String lc = c.toLowerCase(Locale.ROOT);
      boolean related = lc.length() >= 4 && u.length() >= 4 && (u.startsWith(lc) || lc.startsWith(u) || u.endsWith(lc) || lc.endsWith(u));
      if (related && (longest == null || c.length() > longest.length())) {
        longest = c;
      }
    }
    return Optional.ofNullable(longest);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
