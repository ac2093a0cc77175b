package org.yousaid.redaction.eval;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.redaction.PersonalDataKind;
import org.yousaid.redaction.PersonalDataSpan;

/**
 * Recall and precision per kind of personal data over labelled answers. A marked item is
 * <em>removed</em> if a redacted span of any kind overlaps it (what privacy needs), <em>typed</em>
 * if one of its own kind does, <em>whole</em> if every letter and digit of it is redacted. A
 * redacted span is <em>correct</em> if it overlaps a marked item of any kind.
 */
public final class RedactionScore {
  private final Map<PersonalDataKind, int[]> counts = new EnumMap<>(PersonalDataKind.class);

  public RedactionScore() {
    for (PersonalDataKind k : PersonalDataKind.values()) counts.put(k, new int[6]);
  }

  /** Adds one answer: its text, marked items and what was redacted. */
  public void add(String text, List<PersonalDataSpan> gold, List<PersonalDataSpan> redacted) {
    for (PersonalDataSpan g : gold) {
      int[] c = counts.get(g.kind());
      c[0]++;
      if (redacted.stream().anyMatch(r -> overlap(r, g))) c[1]++;
      if (redacted.stream().anyMatch(r -> r.kind() == g.kind() && overlap(r, g))) c[2]++;
      if (whollyCovered(text, g, redacted)) c[3]++;
    }
    for (PersonalDataSpan r : redacted) {
      int[] c = counts.get(r.kind());
      c[4]++;
      if (gold.stream().anyMatch(g -> overlap(r, g))) c[5]++;
    }
  }

  /** Per kind and overall: planted, recall, typed recall, whole recall, redacted, precision. */
  public Map<String, Object> table() {
    Map<String, Object> out = new LinkedHashMap<>();
    int[] all = new int[6];
    for (Map.Entry<PersonalDataKind, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      for (int i = 0; i < 6; i++) all[i] += c[i];
      if (c[0] > 0 || c[4] > 0) out.put(e.getKey().placeholder(), row(c));
    }
    out.put("all", row(all));
    return out;
  }

  private static Map<String, Object> row(int[] c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("marked", c[0]);
    m.put("recall", ratio(c[1], c[0]));
    m.put("recall_same_kind", ratio(c[2], c[0]));
    m.put("recall_whole", ratio(c[3], c[0]));
    m.put("redacted", c[4]);
    m.put("precision", ratio(c[5], c[4]));
    return m;
  }

  private static Double ratio(int a, int b) {
    return b == 0 ? null : Math.round(1000.0 * a / b) / 1000.0;
  }

  private static boolean overlap(PersonalDataSpan a, PersonalDataSpan b) {
    return a.begin() < b.end() && b.begin() < a.end();
  }

  private static boolean whollyCovered(
      String text, PersonalDataSpan g, List<PersonalDataSpan> redacted) {
    for (int i = g.begin(); i < g.end(); i++) {
      if (!Character.isLetterOrDigit(text.charAt(i))) continue;
      int at = i;
      if (redacted.stream().noneMatch(r -> r.begin() <= at && at < r.end())) return false;
    }
    return true;
  }
}
