package dev.deepdive.ecs.app.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Guesses which allowed field a mistyped one meant: case slips, one or two wrong letters, a cut-off name. */
final class FieldNameSuggestion {
  private static final int MAX_EDITS = 2;
  private static final int MIN_PREFIX = 4;

  private FieldNameSuggestion() {}

  static Optional<String> closest(String typed, List<String> allowed) {
    String lower = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String candidate : allowed) {
      String candidateLower = candidate.toLowerCase(Locale.ROOT);
      int score = distance(lower, candidateLower);
      boolean prefix = Math.min(lower.length(), candidateLower.length()) >= MIN_PREFIX
          && (candidateLower.startsWith(lower) || lower.startsWith(candidateLower));
      if (score <= MAX_EDITS && score < lower.length() || prefix) {
        // A prefix match ranks after any close edit.
        int rank = prefix && score > MAX_EDITS ? MAX_EDITS + 1 : score;
        if (rank < bestScore) {
          best = candidate;
          bestScore = rank;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
