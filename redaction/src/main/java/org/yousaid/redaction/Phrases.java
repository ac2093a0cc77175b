package org.yousaid.redaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of multi-word phrases ("social worker", "speech and language therapist") matched against
 * consecutive words of a text. A phrase word ending in {@code 's} matches only a possessive word.
 */
final class Phrases {
  private final Map<String, List<List<String>>> byFirst = new HashMap<>();
  private final Map<String, List<List<String>>> byLast = new HashMap<>();

  Phrases(Collection<List<String>> phrases) {
    for (List<String> p : phrases) {
      byFirst.computeIfAbsent(base(p.get(0)), k -> new ArrayList<>()).add(p);
      byLast.computeIfAbsent(base(p.get(p.size() - 1)), k -> new ArrayList<>()).add(p);
    }
    byFirst.values().forEach(l -> l.sort((a, b) -> b.size() - a.size()));
    byLast.values().forEach(l -> l.sort((a, b) -> b.size() - a.size()));
  }

  /** The number of words of the longest phrase starting at word {@code i}, or 0. */
  int lengthAt(Words w, int i) {
    if (i < 0 || i >= w.size()) return 0;
    for (List<String> p : byFirst.getOrDefault(w.key(i), List.of())) {
      if (matches(w, i, p)) return p.size();
    }
    return 0;
  }

  /** The first word of the longest phrase ending at word {@code j}, or -1. */
  int startEndingAt(Words w, int j) {
    if (j < 0 || j >= w.size()) return -1;
    for (List<String> p : byLast.getOrDefault(w.key(j), List.of())) {
      int i = j - p.size() + 1;
      if (i >= 0 && matches(w, i, p)) return i;
    }
    return -1;
  }

  private static boolean matches(Words w, int i, List<String> p) {
    if (i + p.size() > w.size()) return false;
    for (int k = 0; k < p.size(); k++) {
      String want = p.get(k);
      Word word = w.get(i + k);
      boolean wantPossessive = want.endsWith("'s");
      if (!word.key().equals(base(want))) return false;
      if (wantPossessive && !word.possessive()) return false;
      // only the phrase's last word may carry a possessive it does not ask for ("SENCo's")
      if (!wantPossessive && word.possessive() && k < p.size() - 1) return false;
      if (k > 0 && !w.joined(i + k)) return false;
    }
    return true;
  }

  private static String base(String key) {
    return key.endsWith("'s") && key.length() > 2 ? key.substring(0, key.length() - 2) : key;
  }
}
