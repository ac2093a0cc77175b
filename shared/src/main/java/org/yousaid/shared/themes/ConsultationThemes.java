package org.yousaid.shared.themes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.model.Response;

/**
 * Loads a consultation's analysed free-text questions with every officer correction applied: what
 * the officers' pages show and what the publisher publishes, so both read the same themes.
 */
public final class ConsultationThemes {

  /** The engine's clause on how many of a theme's answers use its label's words. */
  private static final String LABEL_CLAUSE =
      "; only \\d+ of these \\d+ answers uses? the label's words";

  /**
   * One analysed free-text question: its run, its per-answer results and its themes after
   * corrections.
   */
  public record AnalysedQuestion(
      Question question,
      QuestionAnalysis analysis,
      List<AnswerAnalysis> answers,
      EffectiveThemes.Result themes) {
    /**
     * The engine's one-sentence description of a theme (its share in words with the 95% interval,
     * what its answers mention, praise or complaint), or null when there is none or it no longer
     * holds: the theme's answers are not the ones the run described (an officer moved, merged or
     * split answers, or one was erased), or, for a sub-theme, its theme's answers changed (it gives
     * its share of them). A renamed theme loses the clause on how many answers use the label's
     * words, which spoke of the old label.
     */
    public String description(EffectiveThemes.Theme theme) {
      if (analysis == null || !descriptionHolds(theme)) return null;
      return analysis.themes().stream()
          .filter(t -> t.id().equals(theme.id()) && t.count() == theme.count())
          .filter(t -> t.description() != null && !t.description().isBlank())
          .map(t -> t.label().equals(theme.label()) ? t.description() : withoutLabelClause(t))
          .findFirst()
          .orElse(null);
    }

    /**
     * Whether the run's sentence about this theme still holds; when it does not, pages say it is
     * written again when the analysis is next run.
     */
    public boolean descriptionHolds(EffectiveThemes.Theme theme) {
      if (theme.membersChanged()) return false;
      if (theme.parentId() == null) return true;
      return themes.themes().stream()
          .filter(t -> t.id().equals(theme.parentId()))
          .noneMatch(EffectiveThemes.Theme::membersChanged);
    }

    private static String withoutLabelClause(StoredTheme t) {
      return t.description().replaceFirst(LABEL_CLAUSE, "");
    }
  }

  private final AnalysisRepository analyses;
  private final CorrectionRepository corrections;

  public ConsultationThemes(AnalysisRepository analyses, CorrectionRepository corrections) {
    this.analyses = analyses;
    this.corrections = corrections;
  }

  /**
   * Each analysed free-text question (all of them, or only {@code onlyQuestion} when not null).
   * Only answers of {@code responses} count, and quotes are only ever taken from those whose
   * respondent consented.
   */
  public List<AnalysedQuestion> load(
      Consultation consultation, List<Response> responses, String onlyQuestion) {
    Set<String> consented = new HashSet<>();
    Set<String> present = new HashSet<>();
    responses.forEach(r -> present.add(r.id()));
    responses.stream().filter(Response::consentToQuote).forEach(r -> consented.add(r.id()));
    List<AnalysedQuestion> result = new ArrayList<>();
    for (Question q : consultation.questions()) {
      if (q.type() != QuestionType.FREE_TEXT
          || (onlyQuestion != null && !onlyQuestion.equals(q.id()))) {
        continue;
      }
      Optional<QuestionAnalysis> analysis =
          analyses.find(consultation.council(), consultation.id(), q.id());
      if (analysis.isEmpty()) {
        continue;
      }
      // A respondent who erased their answers (receipt code) leaves the themes at once: counts,
      // exemplars
      // and quotes are rebuilt without them, before the next analysis run and on the next
      // publication.
      List<AnswerAnalysis> answers =
          analyses.answers(consultation.council(), consultation.id(), q.id()).stream()
              .filter(a -> present.contains(a.responseId()))
              .toList();
      result.add(
          new AnalysedQuestion(
              q,
              analysis.get(),
              answers,
              EffectiveThemes.apply(
                  analysis.get().themes(),
                  answers,
                  corrections.list(consultation.council(), consultation.id(), q.id()),
                  consented,
                  analysis.get().baseline())));
    }
    return result;
  }

  /**
   * One kept version of a question ({@link AnalysisRepository#versions}) with today's corrections
   * applied, as it would be shown if it were current: for comparing runs and before going back.
   * Only answers still held count.
   */
  public Optional<AnalysedQuestion> version(
      Consultation consultation, List<Response> responses, String questionId, String runId) {
    Optional<Question> question = consultation.question(questionId);
    Optional<AnalysisVersion> version =
        analyses.version(consultation.council(), consultation.id(), questionId, runId);
    if (question.isEmpty() || version.isEmpty()) {
      return Optional.empty();
    }
    Set<String> consented = new HashSet<>();
    Set<String> present = new HashSet<>();
    responses.forEach(r -> present.add(r.id()));
    responses.stream().filter(Response::consentToQuote).forEach(r -> consented.add(r.id()));
    List<AnswerAnalysis> answers =
        version
            .get()
            .answersAsOf(
                analyses.answers(consultation.council(), consultation.id(), questionId).stream()
                    .filter(a -> present.contains(a.responseId()))
                    .toList());
    QuestionAnalysis analysis = version.get().analysis();
    return Optional.of(
        new AnalysedQuestion(
            question.get(),
            analysis,
            answers,
            EffectiveThemes.apply(
                analysis.themes(),
                answers,
                corrections.list(consultation.council(), consultation.id(), questionId),
                consented,
                analysis.baseline())));
  }
}
