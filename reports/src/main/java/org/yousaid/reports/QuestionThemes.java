package org.yousaid.reports;

import java.util.List;
import java.util.Objects;
import org.yousaid.shared.report.SentimentCounts;
import org.yousaid.shared.report.ThemeSummary;

/**
 * The theming engine's output for one free-text question, mapped in by the caller.
 *
 * @param recommendation the council's recommendation or response for the question, or null
 */
public record QuestionThemes(
    String questionId,
    List<ThemeSummary> themes,
    SentimentCounts sentiment,
    String recommendation) {
  public QuestionThemes {
    Objects.requireNonNull(questionId, "questionId");
    themes = themes == null ? List.of() : List.copyOf(themes);
    sentiment = sentiment == null ? SentimentCounts.NONE : sentiment;
  }

  public QuestionThemes(String questionId, List<ThemeSummary> themes, SentimentCounts sentiment) {
    this(questionId, themes, sentiment, null);
  }
}
