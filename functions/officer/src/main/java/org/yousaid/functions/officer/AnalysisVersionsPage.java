package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.themes.AnalysisRepository;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnalysisVersion;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.ConsultationThemes;
import org.yousaid.shared.themes.ConsultationThemes.AnalysedQuestion;
import org.yousaid.shared.themes.CorrectionRepository;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.themes.RunChanges;
import org.yousaid.shared.themes.ThemeCorrection;

/**
 * A question's analysis runs as versions: what the current run changed compared with the one it
 * replaced (answers added, moved and removed; proposed new themes to accept or reject), and every
 * kept version, each of which the officer can go back to.
 */
final class AnalysisVersionsPage {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK)
          .withZone(ZoneId.of("Europe/London"));

  /** One kept version as a row. */
  record VersionRow(
      String runId, String finished, int answers, int themes, boolean current, boolean earlier) {}

  /** An answer that changed theme. */
  record MoveView(String text, String from, String to) {}

  /** A kept theme and the share of its answers still in it. */
  record KeptView(String label, long percent) {}

  private final AnalysisRepository analyses;
  private final CorrectionRepository corrections;
  private final ResponseRepository responses;
  private final ConsultationThemes themes;
  private final ConsultationLookup lookup;
  private final AuditLog audit;
  private final Clock clock;

  AnalysisVersionsPage(Services services, ConsultationLookup lookup, AuditLog audit) {
    this.analyses = services.analyses();
    this.corrections = services.corrections();
    this.responses = services.responses();
    this.themes = services.themes();
    this.lookup = lookup;
    this.audit = audit;
    this.clock = services.clock();
  }

  APIGatewayV2HTTPResponse show(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    return officer.page(
        "officer/analysis-versions",
        model(c, question(c, request), responses.listForConsultation(c.council(), c.id())));
  }

  /**
   * Goes back to a version ({@code action=restore}, {@code run}), or accepts or rejects a proposed
   * theme ({@code action=accept|reject}, {@code theme}); then shows the page again.
   */
  APIGatewayV2HTTPResponse change(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    Question q = question(c, request);
    FormBody form = FormBody.parse(request.bodyText(16 * 1024));
    List<Response> all = responses.listForConsultation(c.council(), c.id());
    String email = officer.identity().email();
    String action = String.valueOf(form.first("action"));
    switch (action) {
      case "restore" -> restore(c, q, String.valueOf(form.first("run")), all, email);
      case "accept", "reject" ->
          decide(c, q, String.valueOf(form.first("theme")), action, all, email);
      default -> throw ProblemException.badRequest("Choose what to do.");
    }
    return Responses.redirect(
        OfficerPaths.consultation(c) + "/analysis/" + q.id() + "?done=" + action);
  }

  Map<String, Object> model(Consultation c, Question q, List<Response> all) {
    QuestionAnalysis current =
        analyses
            .find(c.council(), c.id(), q.id())
            .orElseThrow(
                () -> ProblemException.notFound("This question has not been analysed yet."));
    Map<String, String> texts = new HashMap<>();
    all.forEach(
        r ->
            r.answer(q.id())
                .filter(a -> a.text() != null)
                .ifPresent(a -> texts.put(r.id(), a.text())));
    AnalysedQuestion now = themes.load(c, all, q.id()).get(0);
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "Analysis versions: " + q.text());
    model.put("consultation", c);
    model.put("question", q);
    model.put("running", current.status() != AnalysisStatus.DONE);
    String shown = current.shownRunId();
    List<VersionRow> rows = new ArrayList<>();
    for (QuestionAnalysis v : analyses.versions(c.council(), c.id(), q.id())) {
      rows.add(
          new VersionRow(
              v.runId(),
              v.finishedAt() == null ? "before versions were kept" : when(v.finishedAt()),
              v.answers(),
              (int) v.themes().stream().filter(t -> !t.other()).count(),
              v.runId().equals(shown),
              shown != null && v.runId().compareTo(shown) < 0));
    }
    java.util.Collections.reverse(rows); // newest first
    model.put("versions", rows);
    Optional<Compared> compared = compare(c, q, all, current, now);
    model.put("compared", compared.isPresent());
    if (compared.isPresent()) {
      RunChanges changes = compared.get().changes();
      Map<String, String> labels = compared.get().labels();
      model.put("added", changes.added().stream().map(id -> texts.getOrDefault(id, "")).toList());
      model.put("removed", changes.removed().size());
      model.put(
          "moved",
          changes.moved().stream()
              .map(
                  m ->
                      new MoveView(
                          texts.getOrDefault(m.responseId(), ""),
                          names(m.fromThemeIds(), labels),
                          names(m.toThemeIds(), labels)))
              .toList());
      List<KeptView> kept = new ArrayList<>();
      changes
          .kept()
          .forEach(
              (id, share) ->
                  kept.add(new KeptView(labels.getOrDefault(id, id), Math.round(share * 100))));
      model.put("kept", kept);
    }
    model.put(
        "proposed",
        now.themes().themes().stream()
            .filter(EffectiveThemes.Theme::proposed)
            .map(
                t ->
                    Map.of(
                        "id",
                        t.id(),
                        "label",
                        t.label(),
                        "count",
                        t.count(),
                        "exemplar",
                        texts.getOrDefault(t.exemplarId(), "")))
            .toList());
    return model;
  }

  /** What the current run changed, and every theme's label in either version. */
  record Compared(RunChanges changes, Map<String, String> labels) {}

  /** The current run against the version it replaced, if that version was kept. */
  private Optional<Compared> compare(
      Consultation c,
      Question q,
      List<Response> all,
      QuestionAnalysis current,
      AnalysedQuestion now) {
    Optional<AnalysedQuestion> before =
        current.basedOnRunId() == null || current.status() != AnalysisStatus.DONE
            ? Optional.empty()
            : themes.version(c, all, q.id(), current.basedOnRunId());
    if (before.isEmpty()) {
      return Optional.empty();
    }
    // The earlier version's own answer ids: an answer erased since counts as removed.
    Set<String> earlier =
        analyses
            .version(c.council(), c.id(), q.id(), current.basedOnRunId())
            .map(v -> v.memberships().keySet())
            .orElse(ids(before.get().answers()));
    Map<String, String> labels = new HashMap<>();
    before.get().themes().themes().forEach(t -> labels.put(t.id(), t.label()));
    now.themes().themes().forEach(t -> labels.put(t.id(), t.label()));
    return Optional.of(
        new Compared(
            RunChanges.between(before.get().themes(), earlier, now.themes(), ids(now.answers())),
            labels));
  }

  /**
   * The officer API: the question's versions, what the current one changed, and its proposed
   * themes, by id (answer text stays on the responses API).
   */
  APIGatewayV2HTTPResponse json(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    Question q = question(c, request);
    return Responses.json(200, document(c, q, responses.listForConsultation(c.council(), c.id())));
  }

  /**
   * The officer API's changes: {@code {"action":"restore","runId"}} goes back (or forward) to a
   * version; {@code {"action":"accept"|"reject","themeId"}} decides on a proposed theme. Answers
   * with the question's versions as they are then.
   */
  APIGatewayV2HTTPResponse changeJson(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    Question q = question(c, request);
    Map<?, ?> body;
    try {
      body = org.yousaid.shared.json.Json.read(request.bodyText(16 * 1024), Map.class);
    } catch (RuntimeException e) {
      throw ProblemException.badRequest("Send a JSON object with an action.");
    }
    List<Response> all = responses.listForConsultation(c.council(), c.id());
    String email = officer.identity().email();
    String action = String.valueOf(body == null ? null : body.get("action"));
    switch (action) {
      case "restore" -> restore(c, q, String.valueOf(body.get("runId")), all, email);
      case "accept", "reject" ->
          decide(c, q, String.valueOf(body.get("themeId")), action, all, email);
      default -> throw ProblemException.badRequest("The action must be restore, accept or reject.");
    }
    return Responses.json(200, document(c, q, responses.listForConsultation(c.council(), c.id())));
  }

  private Map<String, Object> document(Consultation c, Question q, List<Response> all) {
    QuestionAnalysis current =
        analyses
            .find(c.council(), c.id(), q.id())
            .orElseThrow(
                () -> ProblemException.notFound("This question has not been analysed yet."));
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("questionId", q.id());
    body.put("status", current.status().name().toLowerCase(Locale.ROOT));
    body.put("currentRunId", current.shownRunId());
    List<Map<String, Object>> versions = new ArrayList<>();
    for (QuestionAnalysis v : analyses.versions(c.council(), c.id(), q.id())) {
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("runId", v.runId());
      row.put("finishedAt", v.finishedAt() == null ? null : v.finishedAt().toString());
      row.put("answers", v.answers());
      row.put("themes", v.themes().stream().filter(t -> !t.other()).count());
      row.put("current", v.runId().equals(current.shownRunId()));
      versions.add(row);
    }
    body.put("versions", versions);
    List<AnalysedQuestion> loaded = themes.load(c, all, q.id());
    if (loaded.isEmpty()) {
      throw ProblemException.notFound("This question has not been analysed yet.");
    }
    AnalysedQuestion now = loaded.get(0);
    compare(c, q, all, current, now)
        .ifPresent(
            compared -> {
              RunChanges changes = compared.changes();
              Map<String, Object> out = new java.util.LinkedHashMap<>();
              out.put("basedOnRunId", current.basedOnRunId());
              out.put("added", changes.added());
              out.put("removed", changes.removed());
              out.put(
                  "moved",
                  changes.moved().stream()
                      .map(
                          m ->
                              Map.of(
                                  "responseId", m.responseId(),
                                  "from", m.fromThemeIds(),
                                  "to", m.toThemeIds()))
                      .toList());
              out.put("kept", changes.kept());
              body.put("changes", out);
            });
    body.put(
        "proposed",
        now.themes().themes().stream()
            .filter(EffectiveThemes.Theme::proposed)
            .map(t -> Map.of("id", t.id(), "label", t.label(), "count", t.count()))
            .toList());
    return body;
  }

  private void restore(
      Consultation c, Question q, String runId, List<Response> all, String officer) {
    QuestionAnalysis current =
        analyses
            .find(c.council(), c.id(), q.id())
            .orElseThrow(
                () -> ProblemException.notFound("This question has not been analysed yet."));
    if (current.status() == AnalysisStatus.QUEUED || current.status() == AnalysisStatus.RUNNING) {
      throw ProblemException.conflict(
          "Themes are being found",
          "Themes are being found for this question. Wait until it has finished, then go back.");
    }
    AnalysisVersion version =
        analyses
            .version(c.council(), c.id(), q.id(), runId)
            .orElseThrow(() -> ProblemException.notFound("There is no such version."));
    Map<String, Long> expiresAt = new HashMap<>();
    all.forEach(r -> expiresAt.put(r.id(), r.expiresAt()));
    // Answers that came after that version are kept, in no theme, until the next run.
    List<AnswerAnalysis> answers =
        analyses.answers(c.council(), c.id(), q.id()).stream()
            // the answer's kept phrases go back with it: corrected themes' key terms are made of
            // them
            .map(a -> a.inThemes(version.memberships().getOrDefault(a.responseId(), List.of())))
            .toList();
    analyses.replaceAnswers(c.council(), c.id(), q.id(), answers, expiresAt);
    analyses.saveStatus(version.analysis());
    audit.record(
        c.council(),
        c.id(),
        officer,
        "analysis restore",
        "went back to analysis version " + runId + " of question " + q.id());
  }

  private void decide(
      Consultation c,
      Question q,
      String themeId,
      String action,
      List<Response> all,
      String officer) {
    EffectiveThemes.Theme theme =
        themes.load(c, all, q.id()).get(0).themes().themes().stream()
            .filter(t -> t.id().equals(themeId) && t.proposed())
            .findFirst()
            .orElseThrow(
                () -> ProblemException.badRequest("Choose a proposed theme to accept or reject."));
    boolean accept = action.equals("accept");
    corrections.add(
        c.council(),
        c.id(),
        new ThemeCorrection(
            UlidCreator.getMonotonicUlid().toString(),
            q.id(),
            officer,
            clock.instant(),
            accept ? ThemeCorrection.Kind.ACCEPT_THEME : ThemeCorrection.Kind.REJECT_THEME,
            themeId,
            null,
            // A rejected proposal's answers are not proposed again by later runs.
            accept ? List.of() : theme.memberIds(),
            null,
            null,
            null));
    audit.record(
        c.council(),
        c.id(),
        officer,
        "theme " + action,
        action + " proposed theme " + themeId + " of question " + q.id());
  }

  private static Question question(Consultation c, Request request) {
    return c.question(request.pathParameter("question"))
        .filter(q -> q.type() == QuestionType.FREE_TEXT)
        .orElseThrow(() -> ProblemException.notFound("There is no such free-text question."));
  }

  private static Set<String> ids(List<AnswerAnalysis> answers) {
    Set<String> ids = new HashSet<>();
    answers.forEach(a -> ids.add(a.responseId()));
    return ids;
  }

  private static String names(List<String> ids, Map<String, String> labels) {
    return ids.isEmpty()
        ? "no theme"
        : String.join(", ", ids.stream().map(id -> labels.getOrDefault(id, id)).toList());
  }

  static String when(Instant instant) {
    return WHEN.format(instant).replace("AM", "am").replace("PM", "pm");
  }
}
