package org.yousaid.shared.themes;

import java.time.Instant;
import java.util.List;

/**
 * The latest analysis of one free-text question.
 *
 * @param runId the run that produced (or is producing) this state; a stale run cannot overwrite a
 *     newer one
 * @param problem what went wrong, in words that never include answer text
 */
public record QuestionAnalysis(
    String council,
    String consultationId,
    String questionId,
    String runId,
    AnalysisStatus status,
    String requestedBy,
    Instant requestedAt,
    Instant finishedAt,
    int answers,
    List<StoredTheme> themes,
    String problem) {

  public QuestionAnalysis {
    themes = themes == null ? List.of() : List.copyOf(themes);
  }

  public QuestionAnalysis with(
      AnalysisStatus newStatus,
      Instant finished,
      int answerCount,
      List<StoredTheme> newThemes,
      String newProblem) {
    return new QuestionAnalysis(
        council,
        consultationId,
        questionId,
        runId,
        newStatus,
        requestedBy,
        requestedAt,
        finished,
        answerCount,
        newThemes,
        newProblem);
  }
}
