package org.yousaid.analysis.theme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Identical answers (campaign copies, "Nothing") grouped so that discovery clusters each text once:
 * copies add weight to a theme, not new themes (36 copies of 6 answers otherwise collapsed into one
 * theme).
 *
 * @param first per distinct text, the position of its first answer
 * @param representative per answer, the number of its distinct text (an index into first)
 */
public record IdenticalAnswers(int[] first, int[] representative) {
  /** Per distinct text, how many answers wrote it (its weight in discovery). */
  public int[] copies() {
    int[] copies = new int[first.length];
    for (int u : representative) copies[u]++;
    return copies;
  }

  /**
   * @param texts each answer's text; null texts are never grouped
   */
  public static IdenticalAnswers of(List<String> texts) {
    Map<String, Integer> firstOfText = new HashMap<>();
    int[] representative = new int[texts.size()];
    List<Integer> distinct = new ArrayList<>();
    for (int j = 0; j < texts.size(); j++) {
      String text = texts.get(j);
      Integer first = text == null ? null : firstOfText.get(text);
      if (first == null) {
        first = distinct.size();
        distinct.add(j);
        if (text != null) firstOfText.put(text, first);
      }
      representative[j] = first;
    }
    return new IdenticalAnswers(
        distinct.stream().mapToInt(Integer::intValue).toArray(), representative);
  }
}
