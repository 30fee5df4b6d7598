package dev.deepdive.ecs.optionspace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A pairwise covering array: rows of factor levels such that every pair of levels of every two factors that the
 * constraint allows appears in at least one row. Greedy and deterministic (the same rows on every run, so a failure
 * reproduces and the suite's time is fixed): each new row starts from the first uncovered pair and fills the other
 * factors, one by one, with the level that covers the most uncovered pairs.
 */
final class PairwiseCases {
  private PairwiseCases() {}

  /**
   * @param levels  the number of levels of each factor
   * @param allowed whether a (partial) row is allowed; unset factors are -1
   */
  static List<int[]> of(int[] levels, Predicate<int[]> allowed) {
    int factors = levels.length;
    Set<Long> uncovered = new HashSet<>();
    for (int a = 0; a < factors; a++) {
      for (int b = a + 1; b < factors; b++) {
        for (int la = 0; la < levels[a]; la++) {
          for (int lb = 0; lb < levels[b]; lb++) {
            int[] partial = unset(factors);
            partial[a] = la;
            partial[b] = lb;
            if (allowed.test(partial)) {
              uncovered.add(key(a, la, b, lb));
            }
          }
        }
      }
    }
    List<int[]> rows = new ArrayList<>();
    while (!uncovered.isEmpty()) {
      int[] row = unset(factors);
      long first = uncovered.stream().min(Long::compare).orElseThrow();
      row[(int) (first >> 48)] = (int) ((first >> 32) & 0xffff);
      row[(int) ((first >> 16) & 0xffff)] = (int) (first & 0xffff);
      for (int f = 0; f < factors; f++) {
        if (row[f] >= 0) {
          continue;
        }
        int best = -1;
        int bestGain = -1;
        for (int level = 0; level < levels[f]; level++) {
          row[f] = level;
          if (!allowed.test(row)) {
            continue;
          }
          int gain = 0;
          for (int g = 0; g < factors; g++) {
            if (g != f && row[g] >= 0 && uncovered.contains(g < f ? key(g, row[g], f, level) : key(f, level, g, row[g]))) {
              gain++;
            }
          }
          if (gain > bestGain) {
            best = level;
            bestGain = gain;
          }
        }
        if (best < 0) {
          throw new IllegalStateException("no allowed level for factor " + f);
        }
        row[f] = best;
      }
      for (int a = 0; a < factors; a++) {
        for (int b = a + 1; b < factors; b++) {
          uncovered.remove(key(a, row[a], b, row[b]));
        }
      }
      rows.add(row);
    }
    return rows;
  }

  private static int[] unset(int factors) {
    int[] row = new int[factors];
    java.util.Arrays.fill(row, -1);
    return row;
  }

  private static long key(int a, int la, int b, int lb) {
    return ((long) a << 48) | ((long) la << 32) | ((long) b << 16) | lb;
  }
}
