package org.yousaid.functions.worker;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.PreviousTheme;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeMembership;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.themes.AnalysisRepository;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.themes.StoredTheme;

/**
 * Themes one question: reads its answers, runs the engine with the previous run's themes (so
 * persisting themes keep their ids and labels), and stores themes and per-answer results. Safe to
 * run twice for the same job: every write replaces, nothing appends.
 */
public final class QuestionAnalyser {

  private final ConsultationRepository consultations;
  private final ResponseRepository responses;
  private final AnalysisRepository analyses;
  private final ThemingEngine engine;
  private final Clock clock;

  public QuestionAnalyser(
      ConsultationRepository consultations,
      ResponseRepository responses,
      AnalysisRepository analyses,
      ThemingEngine engine,
      Clock clock) {
    this.consultations = consultations;
    this.responses = responses;
    this.analyses = analyses;
    this.engine = engine;
    this.clock = clock;
  }

  public void run(AnalysisJob job) {
    Consultation consultation =
        consultations
            .find(job.council(), job.consultationId())
            .orElseThrow(() -> new IllegalArgumentException("no such consultation"));
    if (consultation
        .question(job.questionId())
        .map(q -> q.type() != QuestionType.FREE_TEXT)
        .orElse(true)) {
      throw new IllegalArgumentException("not a free-text question");
    }
    QuestionAnalysis current =
        analyses
            .find(job.council(), job.consultationId(), job.questionId())
            .filter(a -> a.runId().equals(job.runId()))
            .orElseThrow(
                () -> new IllegalArgumentException("this run was replaced by a newer one"));
    analyses.saveStatus(current.with(AnalysisStatus.RUNNING, null, 0, current.themes(), null));

    // An answer erased while the engine runs must not come back: its analysis is written only
    // while its response exists (checked in the same transaction), and if any answer the engine
    // saw has gone, the themes (counts, key terms, exemplar) are worked out again without it.
    for (int attempt = 1; ; attempt++) {
      Set<String> missing = themeOnce(job, current);
      if (missing.isEmpty()) {
        return;
      }
      if (attempt >= MAX_ATTEMPTS) {
        analyses.saveStatus(
            current.with(
                AnalysisStatus.FAILED,
                clock.instant(),
                0,
                List.of(),
                "Answers were deleted while the themes were being found. Please find themes again."));
        return;
      }
    }
  }

  private static final int MAX_ATTEMPTS = 3;

  /** One pass: themes the answers there are now; returns the ids of those erased meanwhile. */
  private Set<String> themeOnce(AnalysisJob job, QuestionAnalysis current) {
    List<Answer> answers = new ArrayList<>();
    Map<String, Long> expiresAt = new java.util.HashMap<>();
    for (Response r : responses.listForConsultation(job.council(), job.consultationId())) {
      expiresAt.put(r.id(), r.expiresAt());
      r.answer(job.questionId())
          .filter(a -> a.text() != null && !a.text().isBlank())
          .ifPresent(a -> answers.add(new Answer(r.id(), a.text())));
    }
    ThemeOptions options =
        ThemeOptions.defaults()
            .withK(job.themeCount())
            .withPreviousThemes(previousThemes(job, current));
    ThemeResult result =
        answers.isEmpty()
            ? new ThemeResult(List.of(), List.of(), 0, Map.of())
            : engine.theme(answers, options);

    List<AnswerAnalysis> perAnswer = new ArrayList<>();
    for (AnalysedAnswer a : result.answers()) {
      perAnswer.add(
          new AnswerAnalysis(
              a.id(),
              a.redactedText(),
              a.sentiment() == null
                  ? null
                  : a.sentiment().name().toLowerCase(java.util.Locale.ROOT),
              a.themes().stream().map(ThemeMembership::themeId).toList(),
              a.nearDuplicateGroup()));
    }
    List<StoredTheme> themes = result.themes().stream().map(QuestionAnalyser::stored).toList();
    // Themes first, then the answers, then the check: an erasure after the check comes after both
    // writes, and takes its answer out of them itself (ResponseRepository.eraseByReceipt).
    analyses.saveStatus(
        current.with(AnalysisStatus.DONE, clock.instant(), answers.size(), themes, null));
    Set<String> written =
        analyses.replaceAnswers(
            job.council(), job.consultationId(), job.questionId(), perAnswer, expiresAt);
    Set<String> missing = new HashSet<>();
    perAnswer.forEach(a -> missing.add(a.responseId()));
    missing.removeAll(written);
    Set<String> present = new HashSet<>();
    responses
        .listForConsultation(job.council(), job.consultationId())
        .forEach(r -> present.add(r.id()));
    answers.stream().map(Answer::id).filter(id -> !present.contains(id)).forEach(missing::add);
    return missing;
  }

  /**
   * The last completed run's themes with their members, which the engine matches to keep ids
   * stable.
   */
  private List<PreviousTheme> previousThemes(AnalysisJob job, QuestionAnalysis current) {
    if (current.themes().isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> members = new HashMap<>();
    for (AnswerAnalysis a :
        analyses.answers(job.council(), job.consultationId(), job.questionId())) {
      a.themeIds()
          .forEach(id -> members.computeIfAbsent(id, k -> new ArrayList<>()).add(a.responseId()));
    }
    return current.themes().stream()
        .filter(t -> !t.other())
        .map(
            t ->
                new PreviousTheme(
                    t.id(), t.label(), t.keyTerms(), members.getOrDefault(t.id(), List.of())))
        .toList();
  }

  private static StoredTheme stored(Theme t) {
    return new StoredTheme(
        t.id(),
        t.label(),
        t.description(),
        t.keyTerms(),
        t.count(),
        t.share(),
        t.sentiment() == null ? 0 : t.sentiment().positive(),
        t.sentiment() == null ? 0 : t.sentiment().neutral(),
        t.sentiment() == null ? 0 : t.sentiment().negative(),
        t.exemplarId(),
        t.othersSupport(),
        t.nearDuplicates(),
        t.other());
  }
}
