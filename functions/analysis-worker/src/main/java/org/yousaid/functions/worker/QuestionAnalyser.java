package org.yousaid.functions.worker;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.yousaid.analysis.sharded.ObjectStore;
import org.yousaid.analysis.sharded.ShardLayout;
import org.yousaid.analysis.sharded.ShardReducer;
import org.yousaid.functions.worker.sharded.ShardedAnalysis;
import org.yousaid.functions.worker.sharded.ShardingSettings;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.themes.AnalysisRepository;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.AnswerWorkRepository;
import org.yousaid.shared.themes.CorrectionRepository;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.themes.StoredTheme;
import org.yousaid.shared.themes.ThemeCorrection;

/**
 * Themes one question: reads its answers and stores themes and per-answer results, and keeps the
 * run as a version. Before any correction, the engine discovers themes with the previous run's
 * themes (so persisting themes keep their ids and labels); once an officer has corrected the
 * themes, they are the codeframe ({@link CorrectedRerun}) and the officer's work stays attached.
 * Safe to run twice for the same job: every write replaces, nothing appends.
 */
public final class QuestionAnalyser {

  private final ConsultationRepository consultations;
  private final ResponseRepository responses;
  private final AnalysisRepository analyses;
  private final CorrectionRepository corrections;
  private final AnswerWorkRepository answerWork;
  private final ThemingEngine engine;
  private final Clock clock;
  private final ShardedAnalysis sharded;

  public QuestionAnalyser(
      ConsultationRepository consultations,
      ResponseRepository responses,
      AnalysisRepository analyses,
      CorrectionRepository corrections,
      AnswerWorkRepository answerWork,
      ThemingEngine engine,
      Clock clock) {
    this(consultations, responses, analyses, corrections, answerWork, engine, clock, null);
  }

  /**
   * @param sharded where questions of {@link ShardingSettings#shardedFrom()} answers or more are
   *     themed; null themes every question in this process
   */
  public QuestionAnalyser(
      ConsultationRepository consultations,
      ResponseRepository responses,
      AnalysisRepository analyses,
      CorrectionRepository corrections,
      AnswerWorkRepository answerWork,
      ThemingEngine engine,
      Clock clock,
      ShardedAnalysis sharded) {
    this.sharded = sharded;
    this.consultations = consultations;
    this.responses = responses;
    this.analyses = analyses;
    this.corrections = corrections;
    this.answerWork = answerWork;
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
    Set<String> consenting = new HashSet<>();
    for (Response r : responses.listForConsultation(job.council(), job.consultationId())) {
      expiresAt.put(r.id(), r.expiresAt());
      if (r.consentToQuote()) {
        consenting.add(r.id());
      }
      r.answer(job.questionId())
          .filter(a -> a.text() != null && !a.text().isBlank())
          .ifPresent(a -> answers.add(new Answer(r.id(), a.text(), r.consentToQuote())));
    }
    List<ThemeCorrection> corrected =
        corrections.list(job.council(), job.consultationId(), job.questionId());
    keepShownVersion(job, current, expiresAt);
    CorrectedRerun rerun =
        corrected.isEmpty() || current.themes().isEmpty()
            ? null
            : new CorrectedRerun(finalised(job, current, corrected, consenting));
    List<StoredTheme> themes;
    List<AnswerAnalysis> perAnswer;
    QuestionAnalysis done;
    if (rerun != null && rerun.applies() && !answers.isEmpty()) {
      // The officer's corrected themes are the codeframe; the number of themes asked for does not
      // apply (it would undo merges and splits).
      Map<String, String> redacted = new LinkedHashMap<>();
      analyses
          .answers(job.council(), job.consultationId(), job.questionId())
          .forEach(a -> redacted.put(a.responseId(), a.redactedText()));
      Set<String> present = new HashSet<>();
      answers.forEach(a -> present.add(a.id()));
      redacted.keySet().retainAll(present);
      ThemeResult result =
          engine.theme(
              answers,
              ThemeOptions.defaults().withCodeframe(rerun.codeframe(redacted).codes()),
              workStore(job, expiresAt));
      CorrectedRerun.Outcome outcome = rerun.map(result, job.runId());
      themes = outcome.themes();
      perAnswer = outcome.answers();
      done = current.withBaseline(corrected.get(corrected.size() - 1).id());
    } else {
      ThemeOptions options = discoveryOptions(job, current);
      ThemeResult result;
      if (answers.isEmpty()) result = new ThemeResult(List.of(), List.of(), 0, Map.of());
      else if (sharded != null && sharded.settings().shards(answers.size())) {
        // A large question: its shards are themed in parallel (AWS: by the state machine, whose
        // reduce step writes the result through finishSharded).
        java.util.Optional<ThemeResult> handed = sharded.theme(job, answers, options);
        if (handed.isEmpty()) return Set.of();
        result = handed.get();
      } else result = engine.theme(answers, options, workStore(job, expiresAt));
      perAnswer = perAnswer(result);
      themes = storedThemes(result);
      // Corrections made so far name the previous run's themes; they still apply on top.
      done = current.withBaseline(null);
    }
    return write(
        job,
        done.with(AnalysisStatus.DONE, clock.instant(), answers.size(), themes, null),
        perAnswer,
        expiresAt,
        answers.stream().map(Answer::id).toList());
  }

  /**
   * Writes a finished run and keeps it as a version; returns the ids of answers erased meanwhile
   * (then nothing is kept as a version).
   */
  private Set<String> write(
      AnalysisJob job,
      QuestionAnalysis finished,
      List<AnswerAnalysis> perAnswer,
      Map<String, Long> expiresAt,
      List<String> answerIds) {
    // Themes first, then the answers, then the check: an erasure after the check comes after both
    // writes, and takes its answer out of them itself (ResponseRepository.eraseByReceipt).
    analyses.saveStatus(finished);
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
    answerIds.stream().filter(id -> !present.contains(id)).forEach(missing::add);
    if (missing.isEmpty()) {
      // A version holds only answers whose analysis was written, so it never keeps an erased one.
      analyses.saveVersion(finished, perAnswer, expiresAt);
    }
    return missing;
  }

  /**
   * The reduce step of a sharded run (in AWS, the state machine's last step): themes the question
   * from its shards' work and writes the result exactly as a run in this process does. A run that
   * was replaced meanwhile is skipped ({@link IllegalArgumentException}).
   */
  public ShardReducer.Reduced finishSharded(
      AnalysisJob job, ObjectStore store, ShardLayout layout, ShardReducer reducer) {
    QuestionAnalysis current =
        analyses
            .find(job.council(), job.consultationId(), job.questionId())
            .filter(a -> a.runId().equals(job.runId()))
            .orElseThrow(
                () -> new IllegalArgumentException("this run was replaced by a newer one"));
    ShardReducer.Reduced reduced = reducer.reduce(store, layout, discoveryOptions(job, current));
    Map<String, Long> expiresAt = new HashMap<>();
    for (Response r : responses.listForConsultation(job.council(), job.consultationId()))
      expiresAt.put(r.id(), r.expiresAt());
    ThemeResult result = reduced.result();
    List<AnswerAnalysis> perAnswer = perAnswer(result);
    String note =
        reduced.unanalysed() == 0
            ? null
            : reduced.unanalysed()
                + " answers could not be analysed (part of the run failed). Please find themes"
                + " again to include them.";
    Set<String> missing =
        write(
            job,
            current
                .withBaseline(null)
                .with(
                    AnalysisStatus.DONE,
                    clock.instant(),
                    result.answers().size() + reduced.unanalysed(),
                    storedThemes(result),
                    note),
            perAnswer,
            expiresAt,
            perAnswer.stream().map(AnswerAnalysis::responseId).toList());
    if (!missing.isEmpty())
      analyses.saveStatus(
          current.with(
              AnalysisStatus.FAILED,
              clock.instant(),
              0,
              List.of(),
              "Answers were deleted while the themes were being found. Please find themes again."));
    return reduced;
  }

  /** Discovery's options for this job: the officer's number of themes, the last run's themes. */
  private ThemeOptions discoveryOptions(AnalysisJob job, QuestionAnalysis current) {
    return ThemeOptions.defaults()
        .withK(job.themeCount())
        .withPreviousThemes(previousThemes(job, current));
  }

  private static List<AnswerAnalysis> perAnswer(ThemeResult result) {
    List<AnswerAnalysis> perAnswer = new ArrayList<>(result.answers().size());
    for (AnalysedAnswer a : result.answers()) {
      perAnswer.add(
          new AnswerAnalysis(
              a.id(),
              a.redactedText(),
              a.sentiment() == null
                  ? null
                  : a.sentiment().name().toLowerCase(java.util.Locale.ROOT),
              themeIds(a),
              a.nearDuplicateGroup(),
              a.keyPhrases()));
    }
    return perAnswer;
  }

  /** Each theme followed by its sub-themes. */
  private static List<StoredTheme> storedThemes(ThemeResult result) {
    List<StoredTheme> flat = new ArrayList<>();
    for (Theme t : result.themes()) {
      flat.add(stored(t));
      result.subThemesOf(t.id()).forEach(s -> flat.add(stored(s)));
    }
    return flat;
  }

  /**
   * Where the engine keeps its per-answer work on this question, so that a re-run analyses only the
   * answers that are new or changed.
   */
  private QuestionWorkStore workStore(AnalysisJob job, Map<String, Long> expiresAt) {
    return new QuestionWorkStore(
        answerWork, job.council(), job.consultationId(), job.questionId(), expiresAt);
  }

  /**
   * The themes shown while this run was queued, with every correction applied: what the officer
   * finalised. Quotes count only from respondents who consented, as on the officer's pages.
   */
  private EffectiveThemes.Result finalised(
      AnalysisJob job,
      QuestionAnalysis current,
      List<ThemeCorrection> corrected,
      Set<String> consenting) {
    return EffectiveThemes.apply(
        current.themes(),
        analyses.answers(job.council(), job.consultationId(), job.questionId()),
        corrected,
        consenting,
        current.baseline());
  }

  /**
   * Runs from before versions were kept have no version yet: the themes this run replaces are kept
   * as one before they are overwritten, so the officer can go back to them.
   */
  private void keepShownVersion(
      AnalysisJob job, QuestionAnalysis current, Map<String, Long> expiresAt) {
    String shown = current.basedOnRunId();
    if (shown == null
        || current.themes().isEmpty()
        || analyses.versions(job.council(), job.consultationId(), job.questionId()).stream()
            .anyMatch(v -> v.runId().equals(shown))) {
      return;
    }
    QuestionAnalysis previous =
        new QuestionAnalysis(
            current.council(),
            current.consultationId(),
            current.questionId(),
            shown,
            AnalysisStatus.DONE,
            null,
            null,
            null,
            0,
            current.themes(),
            null,
            current.baseline(),
            null);
    analyses.saveVersion(
        previous,
        analyses.answers(job.council(), job.consultationId(), job.questionId()),
        expiresAt);
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
                    t.id(),
                    t.label(),
                    t.keyTerms(),
                    members.getOrDefault(t.id(), List.of()),
                    t.parentId()))
        .toList();
  }

  /** The answer's themes, primary first, then its sub-theme of the primary theme if it has one. */
  private static List<String> themeIds(AnalysedAnswer a) {
    List<String> ids = new ArrayList<>(a.themes().stream().map(ThemeMembership::themeId).toList());
    if (a.subThemeId() != null) {
      ids.add(a.subThemeId());
    }
    return ids;
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
        t.other(),
        false,
        t.parentId());
  }
}
