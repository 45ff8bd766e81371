package io.kitex4j.codegen.thrift.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for misspelled names and keywords. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code input}: one whose last dotted segment equals the input's
   * (a missing or wrong include prefix), else the one with the smallest edit distance if that is
   * at most a third of the input's length (at least 1, at most 3) and less than the input's length.
   */
  public static Optional<String> closest(String input, Collection<String> candidates) {
    String simple = lastSegment(input);
    for (String c : candidates) {
      if (!c.equals(input) && lastSegment(c).equals(simple)) {
        return Optional.of(c);
      }
    }
    int limit = Math.min(3, Math.max(1, input.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(input.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestDistance && !c.equals(input)) {
        best = c;
        bestDistance = d;
      }
    }
    return bestDistance <= limit && bestDistance < input.length() ? Optional.of(best) : Optional.empty();
  }

  /** {@code "; did you mean 'x'?"} or the empty string. */
  public static String didYouMean(String input, Collection<String> candidates) {
    return closest(input, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  private static String lastSegment(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** Levenshtein distance with adjacent transpositions counting as one edit. */
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
