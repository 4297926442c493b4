package dev.rewire.rule;

import java.util.Collection;

/** "Did you mean" for misspelt names: the known one closest by edit distance, if close enough. */
public final class Suggest {
  private Suggest() {}

  public static String didYouMean(String given, Collection<?> known) {
    if (given == null || known == null) {
      return "";
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Object k : known) {
      String candidate = String.valueOf(k);
      int d = distance(given, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    // A "suggestion" that replaces every letter of what was given is no suggestion.
    return best != null && bestDistance <= Math.max(2, given.length() / 3)
        && bestDistance < given.length()
        ? " (did you mean '" + best + "'?)" : "";
  }

  private static int distance(String a, String b) {
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
