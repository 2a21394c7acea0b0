package io.millrace.spec.expr;

import java.util.Collection;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one (edit distance), for error hints. */
final class DidYouMean {

  private DidYouMean() {}

  /** The closest candidate within a distance that still looks like a typo, if any. */
  static Optional<String> closest(String wrong, Collection<String> candidates) {
    // A third of the length (at least 1, at most 3 edits): "amout" → "amount", not "id" → "ts".
    int budget = Math.max(1, Math.min(3, wrong.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(wrong.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= budget ? Optional.of(best) : Optional.empty();
  }

  /** Edit distance where swapping two adjacent letters ("txet" → "text") counts as one edit. */
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
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
