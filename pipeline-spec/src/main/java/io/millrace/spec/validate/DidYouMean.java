package io.millrace.spec.validate;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one (Levenshtein distance, case-insensitive). */
final class DidYouMean {

  private DidYouMean() {}

  static Optional<String> closest(String wrong, Collection<String> known) {
    if (wrong == null || wrong.isEmpty() || wrong.length() > 100) {
      return Optional.empty();
    }
    String w = wrong.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, w.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(w, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  /** "did you mean 'x'?" or a fallback listing the choices. */
  static String hint(String wrong, Collection<String> known, String fallback) {
    return closest(wrong, known).map(c -> "did you mean '" + c + "'?").orElse(fallback);
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
