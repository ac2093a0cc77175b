package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.queue.JobQueue;
import org.yousaid.functions.officer.auth.OfficerIdentity;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.themes.AnalysisRepository;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.ConsultationThemes;
import org.yousaid.shared.themes.ConsultationThemes.AnalysedQuestion;
import org.yousaid.shared.themes.CorrectionRepository;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.themes.StoredTheme;

/**
 * Requests analysis of a consultation's free-text questions and shows the themes found, in the
 * councils' format: label, exemplar answer, "N other answers support this answer", sentiment.
 */
final class ThemesPage {

  /**
   * One theme ready for the page, with its sub-themes (none for a sub-theme). {@code
   * descriptionPending}: an officer's correction changed the answers the run's sentence described,
   * so it is not shown until the analysis is next run; {@code keyTermsPending}: likewise for key
   * terms that could not be found again without a run.
   */
  record ThemeView(
      String id,
      String label,
      String description,
      boolean descriptionPending,
      String keyTerms,
      boolean keyTermsPending,
      int count,
      long percent,
      String exemplar,
      int othersSupport,
      int positive,
      int neutral,
      int negative,
      boolean other,
      int quotes,
      String weDid,
      boolean proposed,
      List<ThemeView> subThemes) {}

  /**
   * One free-text question with its analysis state; {@code plan} says what finding themes again
   * will do with the officer's corrections.
   */
  record QuestionView(
      String id,
      String text,
      String status,
      String problem,
      int answers,
      long notThemed,
      List<ThemeView> themes,
      String plan,
      long proposed) {}

  private final AnalysisRepository analyses;
  private final ResponseRepository responses;
  private final JobQueue queue;
  private final Clock clock;
  private final ConsultationThemes loader;
  private final ConsultationLookup lookup;
  private final CorrectionRepository corrections;

  ThemesPage(Services services, JobQueue queue, ConsultationLookup lookup) {
    this.lookup = lookup;
    this.analyses = services.analyses();
    this.responses = services.responses();
    this.queue = queue;
    this.clock = services.clock();
    this.loader = services.themes();
    this.corrections = services.corrections();
  }

  APIGatewayV2HTTPResponse show(Request request, SignedInOfficer officer) {
    Map<String, Object> model = model(lookup.of(request));
    model.putAll(FormModel.of((String) model.get("pageTitle"), Map.of(), List.of()));
    if (officer.flash() == Flash.ANALYSIS_QUEUED && !(Boolean) model.get("running")) {
      // The banner follows the run: once nothing is queued or running, say it has finished.
      @SuppressWarnings("unchecked")
      List<QuestionView> questions = (List<QuestionView>) model.get("questions");
      boolean failed = questions.stream().anyMatch(q -> q.status().equals("failed"));
      if (!failed) {
        model.put("success", "Finding themes has finished. The themes are below.");
      }
    }
    return officer.page("officer/themes", model);
  }

  /**
   * Queues analysis of every free-text question with the form's number of themes, if any; a refusal
   * (no answers to theme yet, a number of themes out of range) comes back on the themes page with
   * the number as typed.
   */
  APIGatewayV2HTTPResponse analyse(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    FormBody form = FormBody.parse(request.bodyText(8 * 1024));
    try {
      requireAnswers(c);
      requestAnalysis(c, officer.identity(), form.first("themeCount"));
    } catch (ProblemException problem) {
      if (problem.status() != 400) {
        throw problem;
      }
      Map<String, Object> model = model(c);
      model.putAll(
          FormModel.of(
              (String) model.get("pageTitle"),
              form.fields(),
              List.of(
                  new org.yousaid.shared.validation.FieldError("themeCount", problem.detail()))));
      return officer.page("officer/themes", model, 400);
    }
    return Flash.ANALYSIS_QUEUED.redirect(OfficerPaths.consultation(c) + "/themes");
  }

  /** Refuses (400) finding themes where there is nothing to theme: no free-text answer yet. */
  void requireAnswers(Consultation consultation) {
    List<String> freeText =
        consultation.questions().stream()
            .filter(q -> q.type() == QuestionType.FREE_TEXT)
            .map(Question::id)
            .toList();
    if (freeText.isEmpty()) {
      throw ProblemException.badRequest(
          "This consultation has no questions people answer in their own words, so there are no"
              + " themes to find.");
    }
    boolean any =
        responses.listForConsultation(consultation.council(), consultation.id()).stream()
            .anyMatch(
                r ->
                    freeText.stream()
                        .anyMatch(
                            id ->
                                r.answer(id)
                                    .map(a -> a.text() != null && !a.text().isBlank())
                                    .orElse(false)));
    if (!any) {
      throw ProblemException.badRequest(
          "There are no answers to find themes in yet. Find themes once people have answered the"
              + " questions they answer in their own words.");
    }
  }

  void requestAnalysis(Consultation consultation, OfficerIdentity officer, String themeCount) {
    Integer k = null;
    if (themeCount != null && !themeCount.isBlank()) {
      try {
        k = Integer.parseInt(themeCount.trim());
      } catch (NumberFormatException e) {
        k = -1;
      }
      if (k < 2 || k > 40) {
        throw ProblemException.badRequest(
            "The number of themes must be a whole number from 2 to 40, or left empty to choose automatically.");
      }
    }
    for (Question q : consultation.questions()) {
      if (q.type() != QuestionType.FREE_TEXT) {
        continue;
      }
      String runId = UlidCreator.getMonotonicUlid().toString();
      Optional<QuestionAnalysis> shown =
          analyses.find(consultation.council(), consultation.id(), q.id());
      List<StoredTheme> previous = shown.map(QuestionAnalysis::themes).orElse(List.of());
      analyses.saveStatus(
          new QuestionAnalysis(
              consultation.council(),
              consultation.id(),
              q.id(),
              runId,
              AnalysisStatus.QUEUED,
              officer.subject(),
              clock.instant(),
              null,
              0,
              previous,
              null,
              shown.map(QuestionAnalysis::baseline).orElse(null),
              shown.map(QuestionAnalysis::shownRunId).orElse(null)));
      Map<String, Object> job = new LinkedHashMap<>();
      job.put("council", consultation.council());
      job.put("consultationId", consultation.id());
      job.put("questionId", q.id());
      job.put("runId", runId);
      job.put("themeCount", k);
      queue.send(Json.write(job));
    }
  }

  /** Loads each analysed free-text question once (all of them, or only {@code onlyQuestion}). */
  List<AnalysedQuestion> analysed(
      Consultation consultation, List<Response> all, String onlyQuestion) {
    return loader.load(consultation, all, onlyQuestion);
  }

  /** Sentiment and corrected themes per response, for the response filters. */
  static Map<String, ResponseFilter.AnswerFacts> facts(List<AnalysedQuestion> analysed) {
    Map<String, ResponseFilter.AnswerFacts> facts = new HashMap<>();
    for (AnalysedQuestion q : analysed) {
      for (AnswerAnalysis a : q.answers()) {
        if (a.sentiment() != null) {
          facts
              .computeIfAbsent(
                  a.responseId(),
                  k ->
                      new ResponseFilter.AnswerFacts(
                          new java.util.HashSet<>(), new java.util.HashSet<>()))
              .sentiments()
              .add(a.sentiment());
        }
      }
      for (EffectiveThemes.Theme theme : EffectiveThemes.flatten(q.themes().themes())) {
        for (String member : theme.memberIds()) {
          facts
              .computeIfAbsent(
                  member,
                  k ->
                      new ResponseFilter.AnswerFacts(
                          new java.util.HashSet<>(), new java.util.HashSet<>()))
              .themeIds()
              .add(theme.id());
        }
      }
    }
    return facts;
  }

  /** Every corrected theme of every analysed question, for the filter's list. */
  static List<ChoiceOption> themeOptions(List<AnalysedQuestion> analysed) {
    List<ChoiceOption> options = new ArrayList<>();
    analysed.forEach(
        q ->
            q.themes()
                .themes()
                .forEach(
                    t -> {
                      options.add(new ChoiceOption(t.id(), t.label()));
                      t.subThemes()
                          .forEach(
                              s ->
                                  options.add(
                                      new ChoiceOption(s.id(), t.label() + ": " + s.label())));
                    }));
    return options;
  }

  /** A theme (and its sub-themes) as the page shows it. */
  private static ThemeView view(
      AnalysedQuestion a, EffectiveThemes.Theme t, Map<String, String> texts) {
    return new ThemeView(
        t.id(),
        t.label(),
        a.description(t),
        !a.descriptionHolds(t),
        String.join(", ", t.keyTerms()),
        t.keyTermsPending(),
        t.count(),
        Math.round(t.share() * 100),
        texts.getOrDefault(t.exemplarId(), ""),
        t.othersSupport(),
        t.positive(),
        t.neutral(),
        t.negative(),
        t.other(),
        t.quotes().size(),
        t.weDid() == null ? null : t.weDid().text(),
        t.proposed(),
        t.subThemes().stream().map(s -> view(a, s, texts)).toList());
  }

  /** What "Find themes" will do to this question, told before the officer presses it. */
  private String plan(Consultation consultation, AnalysedQuestion analysed, Set<String> answered) {
    Set<String> themed = new HashSet<>();
    analysed.answers().forEach(a -> themed.add(a.responseId()));
    long fresh = answered.stream().filter(id -> !themed.contains(id)).count();
    String newAnswers =
        fresh == 0
            ? "no new answers have come in since the last run"
            : fresh == 1
                ? "1 new answer is added to them"
                : fresh + " new answers are added to them";
    if (corrections
        .list(consultation.council(), consultation.id(), analysed.question().id())
        .isEmpty()) {
      return "If you find themes again, yousaid looks for themes afresh ("
          + newAnswers.replace(" is added to them", "").replace(" are added to them", "")
          + "); themes that continue keep their names. Once you correct a theme, later runs keep"
          + " your themes.";
    }
    long kept =
        analysed.themes().themes().stream().filter(t -> !t.other() && !t.proposed()).count();
    return "If you find themes again: your "
        + kept
        + (kept == 1 ? " corrected theme is" : " corrected themes are")
        + " kept, with their names, quotes and “we did” responses; "
        + newAnswers
        + "; answers that fit none of your themes are proposed as new themes for you to accept or"
        + " reject. The number of themes is not used for this question. You can go back to the"
        + " current version afterwards.";
  }

  Map<String, Object> model(Consultation consultation) {
    List<Response> all = responses.listForConsultation(consultation.council(), consultation.id());
    Map<String, AnalysedQuestion> analysedById = new HashMap<>();
    analysed(consultation, all, null).forEach(a -> analysedById.put(a.question().id(), a));
    List<QuestionView> questions = new ArrayList<>();
    for (Question q : consultation.questions()) {
      if (q.type() != QuestionType.FREE_TEXT) {
        continue;
      }
      Map<String, String> texts = new HashMap<>();
      for (Response r : all) {
        r.answer(q.id()).filter(a -> a.text() != null).ifPresent(a -> texts.put(r.id(), a.text()));
      }
      Optional<AnalysedQuestion> analysed = Optional.ofNullable(analysedById.get(q.id()));
      List<ThemeView> themes =
          analysed
              .map(a -> a.themes().themes().stream().map(t -> view(a, t, texts)).toList())
              .orElse(List.of());
      questions.add(
          new QuestionView(
              q.id(),
              q.text(),
              analysed
                  .map(a -> a.analysis().status().name().toLowerCase(java.util.Locale.ROOT))
                  .orElse("not analysed"),
              analysed.map(a -> a.analysis().problem()).orElse(null),
              texts.size(),
              // "n/a"-style answers: counted in every share, in no theme; said so that a theme's
              // "11 of 80" under "83 answers" adds up.
              analysed
                  .map(a -> a.answers().stream().filter(x -> x.themeIds().isEmpty()).count())
                  .orElse(0L),
              themes,
              analysed.map(a -> plan(consultation, a, texts.keySet())).orElse(null),
              themes.stream().filter(ThemeView::proposed).count()));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "Themes: " + consultation.title());
    model.put("consultation", consultation);
    model.put("questions", questions);
    model.put(
        "running",
        questions.stream()
            .anyMatch(q -> q.status().equals("queued") || q.status().equals("running")));
    return model;
  }
}
