package dev.deepdive.ecs.constructs;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * "Did you mean ...?": the one guess at which allowed name a mistyped one meant, for environment files and task
 * definition files alike.
 *
 * <p>In order: the same name in another case ({@code Memory}, pasted from CloudFormation); the closest within two
 * edits, case ignored ({@code memroy}, {@code mniSize}), where the typed name is longer than the edits; else the
 * longest name that one extends or cuts off, of at least {@value #MIN_RELATED_CHARS} characters ({@code desired}
 * for {@code desiredSize}, {@code driver} for {@code logDriver}), which an edit distance alone misses. Distances are
 * commons-text's Levenshtein distance.
 */
public final class FieldNameSuggestion {
  private static final int MAX_EDITS = 2;
  private static final int MIN_RELATED_CHARS = 4;
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(MAX_EDITS);

  private FieldNameSuggestion() {}

  /** The allowed name {@code typed} most likely meant, or empty when none is close. */
  public static Optional<String> closest(String typed, Collection<String> allowed) {
    String lower = typed.toLowerCase(Locale.ROOT);
    for (String candidate : allowed) {
      if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
        return Optional.of(candidate);
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : allowed) {
      // -1: further than MAX_EDITS.
      int distance = DISTANCE.apply(lower, candidate.toLowerCase(Locale.ROOT));
      if (distance >= 0 && distance < lower.length() && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best != null) {
      return Optional.of(best);
    }
    String related = null;
    for (String candidate : allowed) {
      String c = candidate.toLowerCase(Locale.ROOT);
      boolean extendsOrCuts = Math.min(c.length(), lower.length()) >= MIN_RELATED_CHARS
          && (lower.startsWith(c) || c.startsWith(lower) || lower.endsWith(c) || c.endsWith(lower));
      if (extendsOrCuts && (related == null || candidate.length() > related.length())) {
        related = candidate;
      }
    }
    return Optional.ofNullable(related);
  }
}
