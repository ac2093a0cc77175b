package org.yousaid.shared.themes;

import java.time.Instant;
import java.util.List;

/**
 * The latest analysis of one free-text question. Each completed run is also kept as a version
 * ({@link AnalysisRepository#versions}), so an officer can see what a re-run changed and go back.
 *
 * @param runId the run that produced (or is producing) this state; a stale run cannot overwrite a
 *     newer one
 * @param problem what went wrong, in words that never include answer text
 * @param baseline the last officer correction this run already holds (the run themed the answers
 *     onto the corrected themes): corrections up to it that change themes or members are not
 *     applied again, later ones are; null when the run started from no corrections
 * @param basedOnRunId the completed run whose themes were shown when this run was asked for (the
 *     version it replaces), or null
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
    String problem,
    String baseline,
    String basedOnRunId) {

  public QuestionAnalysis {
    themes = themes == null ? List.of() : List.copyOf(themes);
  }

  /** A run that holds no corrections and replaces no version. */
  public QuestionAnalysis(
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
    this(
        council,
        consultationId,
        questionId,
        runId,
        status,
        requestedBy,
        requestedAt,
        finishedAt,
        answers,
        themes,
        problem,
        null,
        null);
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
        newProblem,
        baseline,
        basedOnRunId);
  }

  /** This state, holding the corrections up to {@code correctionId}. */
  public QuestionAnalysis withBaseline(String correctionId) {
    return new QuestionAnalysis(
        council,
        consultationId,
        questionId,
        runId,
        status,
        requestedBy,
        requestedAt,
        finishedAt,
        answers,
        themes,
        problem,
        correctionId,
        basedOnRunId);
  }

  /** The run whose themes are current while this one is queued or running. */
  public String shownRunId() {
    return status == AnalysisStatus.DONE ? runId : basedOnRunId;
  }
}
