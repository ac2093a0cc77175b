package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.validation.FieldError;

/**
 * The officer API's themes: ask for analysis, read every question's themes, read one theme with its
 * answers, and correct a theme. The logic is the themes pages' ({@link ThemesPage}, {@link
 * ThemeDetail}, {@link ThemeCorrections}).
 */
final class ThemesApi {

  /** The theme page's field names, and the API's for the same thing. */
  private static final Map<String, String> FIELD_NAMES =
      Map.of(
          "split-label", "label",
          "merge-target", "target",
          "move-target", "target",
          "demote-target", "target",
          "redact-answer", "answer",
          "redact-words", "words",
          "we-did-text", "text",
          "we-did-status", "status",
          "we-did-date", "date");

  private final ThemesPage themes;
  private final ThemeDetail detail;
  private final ConsultationLookup lookup;
  private final ResponseRepository responses;

  ThemesApi(
      ThemesPage themes,
      ThemeDetail detail,
      ConsultationLookup lookup,
      ResponseRepository responses) {
    this.themes = themes;
    this.detail = detail;
    this.lookup = lookup;
    this.responses = responses;
  }

  /**
   * {@code {"themeCount": 2..40}} (optional): queues analysis of every free-text question (202);
   * {@link #list} says when each is done.
   */
  APIGatewayV2HTTPResponse analyse(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    ApiJson body = ApiJson.of(request, 4 * 1024);
    String themeCount = body.text("themeCount");
    body.check();
    try {
      themes.requestAnalysis(c, officer.identity(), themeCount);
    } catch (ProblemException problem) {
      if (problem.status() == 400) {
        throw ApiJson.unprocessable(List.of(new FieldError("themeCount", problem.detail())));
      }
      throw problem;
    }
    // Ids and statuses only: a replayed Idempotency-Key keeps this body, and must hold no answer.
    List<String> queued =
        c.questions().stream()
            .filter(q -> q.type() == org.yousaid.shared.model.QuestionType.FREE_TEXT)
            .map(org.yousaid.shared.model.Question::id)
            .toList();
    return Responses.response(
        202,
        "application/json",
        org.yousaid.shared.json.Json.write(Map.of("queued", queued)),
        Map.of("Cache-Control", "no-store", "Location", ApiPaths.consultation(c) + "/themes"));
  }

  APIGatewayV2HTTPResponse list(Request request, SignedInOfficer officer) {
    return Responses.json(200, overview(lookup.of(request)));
  }

  APIGatewayV2HTTPResponse show(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    String question = request.pathParameter("question");
    requireFreeText(c, question);
    Map<String, Object> model =
        detail.model(
            c,
            question,
            request.pathParameter("theme"),
            responses.listForConsultation(c.council(), c.id()));
    EffectiveThemes.Theme theme = (EffectiveThemes.Theme) model.get("theme");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("questionId", question);
    body.putAll(theme(theme));
    body.put("exemplarId", theme.exemplarId());
    body.put("othersSupport", theme.othersSupport());
    body.put("quotes", theme.quotes());
    List<Map<String, Object>> members = new ArrayList<>();
    for (Object m : (List<?>) model.get("members")) {
      ThemeDetail.MemberView member = (ThemeDetail.MemberView) m;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("responseId", member.responseId());
      row.put("text", member.text());
      row.put("redacted", member.redacted());
      row.put("sentiment", member.sentiment());
      row.put("quotable", member.quotable());
      row.put("whyNotQuotable", member.whyNotQuotable());
      row.put("quoted", member.quoted());
      row.put("quote", member.quotable() ? member.quote() : null);
      members.add(row);
    }
    body.put("members", members);
    body.put("parentId", theme.parentId());
    body.put(
        "subThemes",
        ((List<?>) model.get("subThemes"))
            .stream()
                .map(s -> (ThemeDetail.SubThemeView) s)
                .map(
                    s ->
                        mapOf(
                            "id",
                            s.id(),
                            "label",
                            s.label(),
                            "count",
                            s.count(),
                            "exemplar",
                            s.exemplar(),
                            "othersSupport",
                            s.othersSupport()))
                .toList());
    body.put(
        "otherThemes",
        ((List<?>) model.get("otherThemes"))
            .stream()
                .map(t -> (ThemeDetail.ThemeChoice) t)
                .map(t -> Map.of("id", t.id(), "label", t.label()))
                .toList());
    return Responses.json(200, body);
  }

  /**
   * One correction: {@code {"action": "rename" | "merge" | "move" | "split" | "promote" | "demote"
   * | "approve" | "redact" | "withdraw" | "we-did", ...}} with the fields that action needs.
   * Answers with what was stored and which theme to read next; never with answer text, so a
   * replayed Idempotency-Key holds none.
   */
  APIGatewayV2HTTPResponse correct(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    String question = request.pathParameter("question");
    requireFreeText(c, question);
    ApiJson body = ApiJson.of(request, 64 * 1024);
    String action = body.text("action");
    List<String> answers =
        body.has("answer") ? List.of(String.valueOf(body.text("answer"))) : body.texts("answers");
    ThemeCorrections.Request correction =
        new ThemeCorrections.Request(
            action,
            body.text("label"),
            body.text("target"),
            answers,
            body.has("words") ? String.join("\n", body.texts("words")) : null,
            body.text("text"),
            body.text("status"),
            body.text("date"));
    body.check();
    if (action == null || action.isBlank()) {
      throw ApiJson.unprocessable(
          List.of(new FieldError("action", "Choose what to do with this theme")));
    }
    List<Response> all = responses.listForConsultation(c.council(), c.id());
    ThemeCorrections.Outcome outcome =
        ApiJson.fields(
            () ->
                detail
                    .corrections()
                    .apply(
                        c,
                        question,
                        request.pathParameter("theme"),
                        correction,
                        officer.identity().email(),
                        all),
            ApiJson.renames(FIELD_NAMES));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("correctionId", outcome.correction().id());
    result.put("action", action);
    result.put("questionId", question);
    result.put("themeId", outcome.themeId());
    result.put("newThemeId", outcome.newThemeId());
    result.put("message", outcome.flash().message());
    return Responses.json(200, result);
  }

  private static void requireFreeText(Consultation c, String question) {
    if (c.question(question)
        .filter(q -> q.type() == org.yousaid.shared.model.QuestionType.FREE_TEXT)
        .isEmpty()) {
      throw ProblemException.notFound("There is no such free-text question.");
    }
  }

  private Map<String, Object> overview(Consultation c) {
    Map<String, Object> model = themes.model(c);
    List<Map<String, Object>> questions = new ArrayList<>();
    for (Object q : (List<?>) model.get("questions")) {
      ThemesPage.QuestionView view = (ThemesPage.QuestionView) q;
      Map<String, Object> question = new LinkedHashMap<>();
      question.put("id", view.id());
      question.put("text", view.text());
      question.put("status", view.status());
      question.put("problem", view.problem());
      question.put("answers", view.answers());
      question.put("plan", view.plan());
      question.put("themes", view.themes().stream().map(ThemesApi::row).toList());
      questions.add(question);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("consultationId", c.id());
    body.put("running", model.get("running"));
    body.put("questions", questions);
    return body;
  }

  /** A theme of the overview, with its sub-themes (an empty list for a sub-theme). */
  private static Map<String, Object> row(ThemesPage.ThemeView t) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", t.id());
    row.put("label", t.label());
    row.put("count", t.count());
    row.put("percent", t.percent());
    row.put("keyTerms", t.keyTerms());
    // true: the theme's answers changed and its key terms are found again when analysis next runs
    row.put("keyTermsPending", t.keyTermsPending());
    row.put("exemplar", t.exemplar());
    row.put("othersSupport", t.othersSupport());
    row.put(
        "sentiment",
        Map.of("positive", t.positive(), "neutral", t.neutral(), "negative", t.negative()));
    row.put("other", t.other());
    row.put("proposed", t.proposed());
    row.put("quotes", t.quotes());
    row.put("weDid", t.weDid());
    row.put("subThemes", t.subThemes().stream().map(ThemesApi::row).toList());
    return row;
  }

  private static Map<String, Object> theme(EffectiveThemes.Theme t) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", t.id());
    row.put("label", t.label());
    row.put("count", t.count());
    row.put("keyTerms", t.keyTerms());
    row.put("keyTermsPending", t.keyTermsPending());
    row.put("other", t.other());
    row.put("proposed", t.proposed());
    row.put(
        "weDid",
        t.weDid() == null
            ? null
            : mapOf(
                "text", t.weDid().text(), "status", t.weDid().status(), "date", t.weDid().date()));
    return row;
  }

  private static Map<String, Object> mapOf(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
