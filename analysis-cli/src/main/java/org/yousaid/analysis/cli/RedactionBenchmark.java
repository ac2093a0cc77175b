package org.yousaid.analysis.cli;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yousaid.analysis.nlp.PersonalDataType;
import org.yousaid.analysis.nlp.RedactedText;
import org.yousaid.analysis.nlp.Redactor;

/**
 * Precision and recall per personal-data type on generated answers with planted entities (and
 * decoys). A planted item counts as found when a redacted span of the same type overlaps it; a
 * redacted span counts as correct when it overlaps a planted item of its type. Answer text is never
 * printed.
 */
final class RedactionBenchmark {
  private RedactionBenchmark() {}

  static Map<String, Object> run(int n, long seed) {
    SyntheticAnswers gen = new SyntheticAnswers(seed);
    Redactor redactor = new Redactor();
    Map<PersonalDataType, int[]> counts =
        new EnumMap<>(PersonalDataType.class); // planted, found, predicted, correct
    for (PersonalDataType t : PersonalDataType.values()) counts.put(t, new int[4]);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      SyntheticAnswers.Generated g = gen.answerWithPersonalData();
      RedactedText r = redactor.redact(g.text());
      for (SyntheticAnswers.Planted p : g.planted()) {
        counts.get(p.type())[0]++;
        if (r.spans().stream()
            .anyMatch(s -> s.type() == p.type() && s.begin() < p.end() && p.begin() < s.end())) {
          counts.get(p.type())[1]++;
        }
      }
      for (RedactedText.Span s : r.spans()) {
        counts.get(s.type())[2]++;
        if (g.planted().stream()
            .anyMatch(p -> s.type() == p.type() && s.begin() < p.end() && p.begin() < s.end())) {
          counts.get(s.type())[3]++;
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("answers", n);
    out.put("seconds", Main.round((System.nanoTime() - start) / 1e9));
    int[] all = new int[4];
    for (Map.Entry<PersonalDataType, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      for (int i = 0; i < 4; i++) all[i] += c[i];
      out.put(e.getKey().placeholder(), row(c));
    }
    out.put("all", row(all));
    return out;
  }

  private static Map<String, Object> row(int[] c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("planted", c[0]);
    m.put("recall", c[0] == 0 ? null : Main.round((double) c[1] / c[0]));
    m.put("redacted", c[2]);
    m.put("precision", c[2] == 0 ? null : Main.round((double) c[3] / c[2]));
    return m;
  }
}
