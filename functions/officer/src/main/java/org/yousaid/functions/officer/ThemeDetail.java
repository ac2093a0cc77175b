package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.ConsultationThemes;
import org.yousaid.shared.themes.CorrectionRepository;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.ThemeCorrection;
import org.yousaid.shared.themes.ThemeCorrection.Kind;

/**
 * One theme with its answers, and the corrections officers make to it: rename, merge into another
 * theme, move answers, split answers into a new theme, approve or withdraw quotes, and the
 * council's "we did" response. Each correction is stored and logged, and survives re-analysis.
 */
final class ThemeDetail {

  private static final Set<String> WE_DID_STATUSES = Set.of("planned", "in progress", "done");

  /** One member answer as the officer sees it. */
  record MemberView(
      String responseId,
      String text,
      String redacted,
      String sentiment,
      boolean consented,
      boolean quoted) {}

  private final ThemesPage themesPage;
  private final CorrectionRepository corrections;
  private final ResponseRepository responses;
  private final ConsultationLookup lookup;
  private final AuditLog audit;
  private final Clock clock;

  ThemeDetail(Services services, ThemesPage themesPage, ConsultationLookup lookup, AuditLog audit) {
    this.themesPage = themesPage;
    this.responses = services.responses();
    this.lookup = lookup;
    this.corrections = services.corrections();
    this.audit = audit;
    this.clock = services.clock();
  }

  APIGatewayV2HTTPResponse show(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    return officer.page(
        "officer/theme",
        model(
            c,
            request.pathParameter("question"),
            request.pathParameter("theme"),
            responses.listForConsultation(c.council(), c.id())));
  }

  /** Applies the correction a form on the theme page sends, then shows the theme to see next. */
  APIGatewayV2HTTPResponse correct(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    String question = request.pathParameter("question");
    String next =
        correct(
            c,
            question,
            request.pathParameter("theme"),
            FormBody.parse(request.bodyText(256 * 1024)),
            officer.identity().email(),
            responses.listForConsultation(c.council(), c.id()));
    return Responses.redirect(OfficerPaths.consultation(c) + "/themes/" + question + "/" + next);
  }

  Map<String, Object> model(
      Consultation consultation, String questionId, String themeId, List<Response> all) {
    ConsultationThemes.AnalysedQuestion question = analysedQuestion(consultation, questionId, all);
    EffectiveThemes.Result result = question.themes();
    EffectiveThemes.Theme theme = find(result, themeId);
    Map<String, AnswerAnalysis> analysed = new HashMap<>();
    question.answers().forEach(a -> analysed.put(a.responseId(), a));
    Map<String, Response> byId = new HashMap<>();
    all.forEach(r -> byId.put(r.id(), r));
    List<MemberView> members = new ArrayList<>();
    for (String id : theme.memberIds()) {
      Response r = byId.get(id);
      AnswerAnalysis a = analysed.get(id);
      if (r == null || a == null) {
        continue;
      }
      members.add(
          new MemberView(
              id,
              r.answer(questionId).map(x -> x.text()).orElse(""),
              a.redactedText(),
              a.sentiment(),
              r.consentToQuote(),
              theme.quotes().containsKey(id)));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "Theme: " + theme.label());
    model.put("consultation", consultation);
    model.put("question", consultation.question(questionId).orElseThrow());
    model.put("theme", theme);
    model.put("members", members);
    model.put(
        "otherThemes", result.themes().stream().filter(t -> !t.id().equals(themeId)).toList());
    return model;
  }

  /** Applies one correction from the theme page's forms; returns the theme id to show next. */
  String correct(
      Consultation consultation,
      String questionId,
      String themeId,
      FormBody form,
      String officer,
      List<Response> all) {
    EffectiveThemes.Theme theme =
        find(analysedQuestion(consultation, questionId, all).themes(), themeId);
    String action = String.valueOf(form.first("action"));
    List<String> selected =
        form.all("answer").stream().filter(theme.memberIds()::contains).toList();
    ThemeCorrection correction =
        switch (action) {
          case "rename" ->
              correction(
                  questionId,
                  officer,
                  Kind.RENAME,
                  themeId,
                  null,
                  List.of(),
                  label(form.first("label")),
                  null,
                  null);
          case "merge" ->
              correction(
                  questionId,
                  officer,
                  Kind.MERGE,
                  themeId,
                  target(form, themeId),
                  List.of(),
                  null,
                  null,
                  null);
          case "move" ->
              correction(
                  questionId,
                  officer,
                  Kind.MOVE,
                  themeId,
                  target(form, themeId),
                  needAnswers(selected),
                  null,
                  null,
                  null);
          case "split" ->
              correction(
                  questionId,
                  officer,
                  Kind.SPLIT,
                  themeId,
                  null,
                  needAnswers(selected),
                  label(form.first("label")),
                  null,
                  null);
          case "approve" ->
              correction(
                  questionId,
                  officer,
                  Kind.APPROVE_QUOTE,
                  themeId,
                  null,
                  needAnswers(selected),
                  null,
                  null,
                  null);
          case "withdraw" ->
              correction(
                  questionId,
                  officer,
                  Kind.WITHDRAW_QUOTE,
                  themeId,
                  null,
                  needAnswers(selected),
                  null,
                  null,
                  null);
          case "we-did" -> weDid(questionId, officer, themeId, form);
          default -> throw ProblemException.badRequest("Choose what to do with this theme.");
        };
    corrections.add(consultation.council(), consultation.id(), correction);
    audit.record(
        consultation.council(),
        consultation.id(),
        officer,
        "theme " + action,
        action
            + " on theme "
            + themeId
            + " of question "
            + questionId
            + (correction.responseIds().isEmpty()
                ? ""
                : " (" + correction.responseIds().size() + " answers)"));
    return action.equals("merge") ? correction.targetThemeId() : themeId;
  }

  private ConsultationThemes.AnalysedQuestion analysedQuestion(
      Consultation consultation, String questionId, List<Response> all) {
    return themesPage.analysed(consultation, all, questionId).stream()
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("This question has not been analysed yet."));
  }

  private static EffectiveThemes.Theme find(EffectiveThemes.Result result, String themeId) {
    return result.themes().stream()
        .filter(t -> t.id().equals(themeId))
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "There is no such theme. It may have been merged into another one."));
  }

  private ThemeCorrection correction(
      String questionId,
      String officer,
      Kind kind,
      String themeId,
      String target,
      List<String> answers,
      String text,
      String status,
      LocalDate date) {
    return new ThemeCorrection(
        UlidCreator.getMonotonicUlid().toString(),
        questionId,
        officer,
        clock.instant(),
        kind,
        themeId,
        target,
        answers,
        text,
        status,
        date);
  }

  private ThemeCorrection weDid(String questionId, String officer, String themeId, FormBody form) {
    String text = form.first("text") == null ? "" : form.first("text").strip();
    if (text.isEmpty() || text.length() > 2000) {
      throw ProblemException.badRequest(
          "Enter what the council did or will do, up to 2000 characters.");
    }
    String status = String.valueOf(form.first("status"));
    if (!WE_DID_STATUSES.contains(status)) {
      throw ProblemException.badRequest("Choose whether this is planned, in progress or done.");
    }
    LocalDate date = null;
    String typed = form.first("date");
    if (typed != null && !typed.isBlank()) {
      try {
        date = LocalDate.parse(typed.strip());
      } catch (DateTimeParseException e) {
        throw ProblemException.badRequest("Enter the date as year-month-day, like 2026-12-31.");
      }
    }
    return correction(
        questionId, officer, Kind.WE_DID, themeId, null, List.of(), text, status, date);
  }

  private static String label(String typed) {
    String label = typed == null ? "" : typed.strip();
    if (label.isEmpty() || label.length() > 120) {
      throw ProblemException.badRequest("Enter a theme name of up to 120 characters.");
    }
    return label;
  }

  private static String target(FormBody form, String themeId) {
    String target = form.first("target");
    if (target == null || target.isBlank() || target.equals(themeId)) {
      throw ProblemException.badRequest("Choose the theme to move the answers to.");
    }
    return target;
  }

  private static List<String> needAnswers(List<String> selected) {
    if (selected.isEmpty()) {
      throw ProblemException.badRequest("Select at least one answer.");
    }
    return selected;
  }
}
