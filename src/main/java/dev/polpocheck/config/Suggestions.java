package dev.polpocheck.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Did-you-mean ranking: the closest candidates to a misspelled key, enum value or model id.
 *
 * <p>Ranking follows validation-ux.md §7, in tiers; the first tier with a hit wins:
 *
 * <ol>
 *   <li>exact match ignoring case ({@code LogLevel} → {@code logLevel});
 *   <li>match ignoring case and the separators {@code _ - . space} ({@code api_key} → {@code
 *       apiKey}, {@code claude-sonnet-4.5} → {@code claude-sonnet-4-5});
 *   <li>smallest Damerau-Levenshtein distance (unrestricted adjacent transpositions, compared in
 *       lower case), accepted when it is at most {@code max(2, ⌊len/3⌋)} of the input's length and
 *       smaller than the input's length (so a 2-letter input never "matches" an unrelated 2-letter
 *       key).
 * </ol>
 *
 * <p>One suggestion normally; up to {@value #MAX_TIED} when several candidates tie, in ascending
 * {@link String#compareTo} order so output is deterministic whatever the candidates' order.
 */
public final class Suggestions {

  /** Most suggestions returned when candidates tie. */
  public static final int MAX_TIED = 3;

  private Suggestions() {}

  /**
   * Returns the best suggestions for {@code input} among {@code candidates}: empty when none is
   * close enough, otherwise one, or up to {@value #MAX_TIED} tied ones in sorted order.
   */
  public static List<String> rank(String input, Collection<String> candidates) {
    if (input == null || input.isEmpty() || candidates.isEmpty()) {
      return List.of();
    }
    TreeSet<String> unique = new TreeSet<>();
    for (String c : candidates) {
      if (c != null) {
        unique.add(c);
      }
    }

    String lower = input.toLowerCase(Locale.ROOT);
    List<String> hits = new ArrayList<>();
    for (String c : unique) {
      if (c.toLowerCase(Locale.ROOT).equals(lower)) {
        hits.add(c);
      }
    }
    if (!hits.isEmpty()) {
      return limit(hits);
    }

    String folded = fold(input);
    for (String c : unique) {
      if (!folded.isEmpty() && fold(c).equals(folded)) {
        hits.add(c);
      }
    }
    if (!hits.isEmpty()) {
      return limit(hits);
    }

    int limit = Math.min(Math.max(2, input.length() / 3), input.length() - 1);
    int best = Integer.MAX_VALUE;
    for (String c : unique) {
      int d = distance(lower, c.toLowerCase(Locale.ROOT));
      if (d > limit) {
        continue;
      }
      if (d < best) {
        best = d;
        hits.clear();
      }
      if (d == best) {
        hits.add(c);
      }
    }
    return limit(hits);
  }

  /**
   * Returns a help phrase for {@code input}, such as {@code did you mean "logLevel"?} or {@code did
   * you mean one of "a", "b"?}, or an empty string when nothing is close enough.
   */
  public static String didYouMean(String input, Collection<String> candidates) {
    List<String> ranked = rank(input, candidates);
    if (ranked.isEmpty()) {
      return "";
    }
    if (ranked.size() == 1) {
      return "did you mean \"" + ranked.get(0) + "\"?";
    }
    return "did you mean one of \"" + String.join("\", \"", ranked) + "\"?";
  }

  /**
   * Returns the Damerau-Levenshtein distance between two strings: the fewest insertions, deletions,
   * substitutions and transpositions of adjacent characters turning {@code a} into {@code b} (the
   * unrestricted variant, so {@code "ca"} → {@code "abc"} is 2).
   */
  public static int distance(String a, String b) {
    // Lowrance-Wagner algorithm; row/column 0 of the table hold the "infinite" sentinel.
    int n = a.length();
    int m = b.length();
    int inf = n + m;
    int[][] d = new int[n + 2][m + 2];
    d[0][0] = inf;
    for (int i = 0; i <= n; i++) {
      d[i + 1][0] = inf;
      d[i + 1][1] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j + 1] = inf;
      d[1][j + 1] = j;
    }
    Map<Character, Integer> lastRow = new HashMap<>();
    for (int i = 1; i <= n; i++) {
      int lastMatchCol = 0;
      for (int j = 1; j <= m; j++) {
        int i1 = lastRow.getOrDefault(b.charAt(j - 1), 0);
        int j1 = lastMatchCol;
        int cost = 1;
        if (a.charAt(i - 1) == b.charAt(j - 1)) {
          cost = 0;
          lastMatchCol = j;
        }
        int substitute = d[i][j] + cost;
        int insert = d[i + 1][j] + 1;
        int delete = d[i][j + 1] + 1;
        int transpose = d[i1][j1] + (i - i1 - 1) + 1 + (j - j1 - 1);
        d[i + 1][j + 1] = Math.min(Math.min(substitute, insert), Math.min(delete, transpose));
      }
      lastRow.put(a.charAt(i - 1), i);
    }
    return d[n + 1][m + 1];
  }

  private static String fold(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch != '_' && ch != '-' && ch != '.' && ch != ' ') {
        out.append(Character.toLowerCase(ch));
      }
    }
    return out.toString();
  }

  private static List<String> limit(List<String> sortedHits) {
    return List.copyOf(sortedHits.subList(0, Math.min(MAX_TIED, sortedHits.size())));
  }
}
