package org.yousaid.analysis.pipeline;

import java.util.List;
import java.util.Map;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeMembership;

/**
 * The per-answer results, in the answers' order: redacted text, sentiment, theme memberships by
 * theme id, near-duplicate group ("D1", ...), non-answer, language and candidate key phrases. The
 * original text is not copied: officers keep it.
 */
public final class CollectAnswers {
  /**
   * @param themes the run's themes keyed by their index in the grouping ({@link StabiliseIds})
   */
  public List<AnalysedAnswer> apply(List<AnswerRecord> records, Map<Integer, Theme> themes) {
    return records.stream()
        .map(
            r ->
                new AnalysedAnswer(
                    r.answer().id(),
                    r.publishedText(),
                    r.sentiment(),
                    r.themes().stream()
                        .map(
                            m ->
                                new ThemeMembership(
                                    themes.get(m.theme()).id(), round(m.confidence())))
                        .toList(),
                    r.nearDuplicateGroup() >= 0 ? "D" + (r.nearDuplicateGroup() + 1) : null,
                    r.nonAnswer(),
                    r.language(),
                    r.subTheme() >= 0 && themes.containsKey(r.subTheme())
                        ? themes.get(r.subTheme()).id()
                        : null,
                    keyPhrases(r)))
        .toList();
  }

  /** What key terms are scored from: the candidates {@link LabelThemes} found for the answer. */
  private static List<String> keyPhrases(AnswerRecord r) {
    return r.keyPhrases().stream().sorted().toList();
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
