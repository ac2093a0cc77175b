package org.yousaid.shared.report;

import java.util.List;
import org.yousaid.shared.model.QuestionType;

/**
 * One question of the report.
 *
 * @param answered how many responses answered this question
 * @param themes for free text: themes, largest first, the "other" bucket last; empty until analysed
 * @param options for closed questions: every option with its count and share of those who answered
 * @param breakdowns for closed questions: the same counts split by a respondent profile field
 * @param sentiment for free text: the split over every answer
 * @param recommendation the council's response or recommendation for this question, if written
 */
public record QuestionReport(
    String questionId,
    String text,
    QuestionType type,
    int answered,
    List<ThemeSummary> themes,
    List<OptionCount> options,
    List<Breakdown> breakdowns,
    SentimentCounts sentiment,
    String recommendation) {

  public QuestionReport {
    themes = themes == null ? List.of() : List.copyOf(themes);
    options = options == null ? List.of() : List.copyOf(options);
    breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
    sentiment = sentiment == null ? SentimentCounts.NONE : sentiment;
  }
}
