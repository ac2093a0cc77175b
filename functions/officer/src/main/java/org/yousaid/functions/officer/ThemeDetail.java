package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.ConsultationThemes;
import org.yousaid.shared.themes.CorrectionRepository;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.QuoteTrim;
import org.yousaid.shared.themes.ThemeCorrection;
import org.yousaid.shared.themes.ThemeCorrection.Kind;
import org.yousaid.shared.validation.FieldError;

/**
 * One theme with its answers, and the corrections officers make to it: rename, merge into another
 * theme, move answers, split answers into a new theme, approve (with more words removed if need be)
 * or withdraw quotes, and the council's "we did" response. Each correction is stored and logged,
 * and survives re-analysis. A correction that cannot be made sends the page back (400) with an
 * error summary and everything typed; one that is made comes back with a success message.
 */
final class ThemeDetail {

  private static final Set<String> WE_DID_STATUSES = Set.of("planned", "in progress", "done");

  /**
   * One member answer as the officer sees it.
   *
   * @param quotable the respondent agreed to be quoted (and the answer has a redacted form)
   * @param whyNotQuotable when not quotable, the reason in words an officer can act on
   * @param quote the text that would be published now, if approved
   */
  record MemberView(
      String responseId,
      String text,
      String redacted,
      String sentiment,
      boolean quotable,
      String whyNotQuotable,
      boolean quoted,
      String quote) {}

  /** Where the officer goes after a correction, and what the page says there. */
  record Outcome(String themeId, Flash flash) {}

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

  /**
   * Applies the correction a form on the theme page sends, then shows the theme to see next; a
   * refused one comes back on the same page with what was typed.
   */
  APIGatewayV2HTTPResponse correct(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    String question = request.pathParameter("question");
    String theme = request.pathParameter("theme");
    FormBody form = FormBody.parse(request.bodyText(256 * 1024));
    List<Response> all = responses.listForConsultation(c.council(), c.id());
    try {
      Outcome outcome = correct(c, question, theme, form, officer.identity().email(), all);
      return outcome
          .flash()
          .redirect(OfficerPaths.consultation(c) + "/themes/" + question + "/" + outcome.themeId());
    } catch (ProblemException problem) {
      if (problem.status() != 400 || problem.errors().isEmpty()) {
        throw problem;
      }
      Map<String, Object> model = model(c, question, theme, all);
      model.putAll(FormModel.of((String) model.get("pageTitle"), form.fields(), problem.errors()));
      model.put("failed", String.valueOf(form.first("action")));
      model.put("selected", Set.copyOf(form.all("answer")));
      return officer.page("officer/theme", model, 400);
    }
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
      String why = whyNotQuotable(r, a).orElse(null);
      members.add(
          new MemberView(
              id,
              r.answer(questionId).map(x -> x.text()).orElse(""),
              a.redactedText(),
              a.sentiment(),
              why == null,
              why,
              theme.quotes().containsKey(id),
              theme.quotes().getOrDefault(id, a.redactedText())));
    }
    Map<String, Object> model = FormModel.of("Theme: " + theme.label(), Map.of(), List.of());
    model.put("consultation", consultation);
    model.put("question", consultation.question(questionId).orElseThrow());
    model.put("theme", theme);
    model.put("description", question.description(theme));
    model.put("members", members);
    model.put("quotable", members.stream().filter(MemberView::quotable).toList());
    model.put("selected", Set.of());
    model.put(
        "otherThemes", result.themes().stream().filter(t -> !t.id().equals(themeId)).toList());
    return model;
  }

  /**
   * Why an answer may not be published as a quote: the person did not agree, or no agreement was
   * recorded with an answer that came in another way.
   */
  static Optional<String> whyNotQuotable(Response response, AnswerAnalysis analysis) {
    if (!response.consentToQuote()) {
      return Optional.of(
          response.channel() == Channel.WEB
              ? "Cannot be quoted: the person who wrote this did not agree to be quoted."
              : "Cannot be quoted: no agreement to be quoted was recorded with this answer ("
                  + response.channel().label().toLowerCase(java.util.Locale.ROOT)
                  + ").");
    }
    if (analysis.redactedText() == null || analysis.redactedText().isBlank()) {
      return Optional.of(
          "Cannot be quoted: there is no version of it with personal details removed.");
    }
    return Optional.empty();
  }

  /** Applies one correction from the theme page's forms; says which theme to show next. */
  Outcome correct(
      Consultation consultation,
      String questionId,
      String themeId,
      FormBody form,
      String officer,
      List<Response> all) {
    ConsultationThemes.AnalysedQuestion question = analysedQuestion(consultation, questionId, all);
    EffectiveThemes.Result result = question.themes();
    EffectiveThemes.Theme theme = find(result, themeId);
    String action = String.valueOf(form.first("action"));
    List<String> selected =
        form.all("answer").stream().filter(theme.memberIds()::contains).distinct().toList();
    Set<String> others = new LinkedHashSet<>();
    result.themes().stream().map(EffectiveThemes.Theme::id).forEach(others::add);
    others.remove(themeId);
    List<FieldError> errors = new ArrayList<>();
    ThemeCorrection correction;
    Flash flash;
    String summary = null;
    switch (action) {
      case "rename" -> {
        String label = label(form.first("label"), "label", errors);
        check(errors);
        correction = correction(questionId, officer, Kind.RENAME, themeId, null, List.of(), label);
        flash = Flash.RENAMED;
      }
      case "merge" -> {
        String target =
            target(form, others, "merge-target", "Choose the theme to merge into", errors);
        check(errors);
        correction = correction(questionId, officer, Kind.MERGE, themeId, target, List.of(), null);
        flash = Flash.MERGED;
      }
      case "move" -> {
        needAnswers(selected, errors);
        String target =
            target(form, others, "move-target", "Choose the theme to move the answers to", errors);
        check(errors);
        correction = correction(questionId, officer, Kind.MOVE, themeId, target, selected, null);
        flash = Flash.MOVED;
      }
      case "split" -> {
        needAnswers(selected, errors);
        String label = label(form.first("label"), "split-label", errors);
        check(errors);
        correction = correction(questionId, officer, Kind.SPLIT, themeId, null, selected, label);
        flash = Flash.SPLIT;
      }
      case "approve" -> {
        needAnswers(selected, errors);
        needQuotable(selected, question, all, errors);
        check(errors);
        correction =
            correction(questionId, officer, Kind.APPROVE_QUOTE, themeId, null, selected, null);
        flash = Flash.APPROVED;
      }
      case "redact" -> {
        Optional<QuoteTrim> trim = trim(form, theme, question, all, errors);
        check(errors);
        String answer = form.first("answer");
        correction =
            new ThemeCorrection(
                UlidCreator.getMonotonicUlid().toString(),
                questionId,
                officer,
                clock.instant(),
                Kind.APPROVE_QUOTE,
                themeId,
                null,
                List.of(answer),
                null,
                null,
                null,
                trim.orElseThrow());
        // The count, never the words: they are what the officer judged too revealing.
        summary =
            "approved 1 quote on theme "
                + themeId
                + " of question "
                + questionId
                + " with "
                + trim.get().words().size()
                + " more words redacted";
        flash = Flash.REDACTED;
      }
      case "withdraw" -> {
        needAnswers(selected, errors);
        check(errors);
        correction =
            correction(questionId, officer, Kind.WITHDRAW_QUOTE, themeId, null, selected, null);
        flash = Flash.WITHDRAWN;
      }
      case "we-did" -> {
        correction = weDid(questionId, officer, themeId, form, errors);
        flash = Flash.WE_DID;
      }
      default -> throw ProblemException.badRequest("Choose what to do with this theme.");
    }
    corrections.add(consultation.council(), consultation.id(), correction);
    audit.record(
        consultation.council(),
        consultation.id(),
        officer,
        "theme " + action,
        summary != null
            ? summary
            : action
                + " on theme "
                + themeId
                + " of question "
                + questionId
                + (correction.responseIds().isEmpty()
                    ? ""
                    : " (" + correction.responseIds().size() + " answers)"));
    return new Outcome(action.equals("merge") ? correction.targetThemeId() : themeId, flash);
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
      String text) {
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
        null,
        null);
  }

  private ThemeCorrection weDid(
      String questionId, String officer, String themeId, FormBody form, List<FieldError> errors) {
    String text = form.first("text") == null ? "" : form.first("text").strip();
    if (text.isEmpty() || text.length() > 2000) {
      errors.add(
          new FieldError(
              "we-did-text", "Enter what the council did or will do, up to 2000 characters"));
    }
    String status = String.valueOf(form.first("status"));
    if (!WE_DID_STATUSES.contains(status)) {
      errors.add(
          new FieldError("we-did-status", "Choose whether this is planned, in progress or done"));
    }
    LocalDate date = null;
    String typed = form.first("date");
    if (typed != null && !typed.isBlank()) {
      date = FormDates.parse(typed).orElse(null);
      if (date == null) {
        errors.add(new FieldError("we-did-date", "Enter a real date, like 31/12/2026"));
      }
    }
    check(errors);
    return new ThemeCorrection(
        UlidCreator.getMonotonicUlid().toString(),
        questionId,
        officer,
        clock.instant(),
        Kind.WE_DID,
        themeId,
        null,
        List.of(),
        text,
        status,
        date);
  }

  /** The trim of the chosen answer's quote that removes the words typed, one per line or comma. */
  private static Optional<QuoteTrim> trim(
      FormBody form,
      EffectiveThemes.Theme theme,
      ConsultationThemes.AnalysedQuestion question,
      List<Response> all,
      List<FieldError> errors) {
    String answer = form.first("answer");
    if (answer == null || !theme.memberIds().contains(answer)) {
      errors.add(new FieldError("redact-answer", "Choose the answer to quote"));
    } else {
      needQuotable(List.of(answer), question, all, errors, "redact-answer");
    }
    List<String> phrases =
        form.first("words") == null
            ? List.of()
            : java.util.Arrays.stream(form.first("words").split("[,\\n;]"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    if (phrases.isEmpty()) {
      errors.add(new FieldError("redact-words", "Enter the words to remove from the quote"));
    }
    if (!errors.isEmpty()) {
      return Optional.empty();
    }
    String text =
        question.answers().stream()
            .filter(a -> a.responseId().equals(answer))
            .findFirst()
            .orElseThrow()
            .redactedText();
    QuoteTrim.Result result = QuoteTrim.of(text, phrases);
    if (!result.notFound().isEmpty()) {
      errors.add(
          new FieldError(
              "redact-words",
              "These are not words of the quote: "
                  + String.join(", ", result.notFound())
                  + ". Copy them from the quote as shown"));
    } else if (result.trim().isEmpty()) {
      errors.add(new FieldError("redact-words", "Enter the words to remove from the quote"));
    }
    return result.trim();
  }

  private static void needQuotable(
      List<String> selected,
      ConsultationThemes.AnalysedQuestion question,
      List<Response> all,
      List<FieldError> errors) {
    needQuotable(selected, question, all, errors, "answers");
  }

  private static void needQuotable(
      List<String> selected,
      ConsultationThemes.AnalysedQuestion question,
      List<Response> all,
      List<FieldError> errors,
      String field) {
    Map<String, AnswerAnalysis> analysed = new HashMap<>();
    question.answers().forEach(a -> analysed.put(a.responseId(), a));
    Map<String, Response> byId = new HashMap<>();
    all.forEach(r -> byId.put(r.id(), r));
    long refused =
        selected.stream()
            .filter(
                id ->
                    byId.get(id) == null
                        || analysed.get(id) == null
                        || whyNotQuotable(byId.get(id), analysed.get(id)).isPresent())
            .count();
    if (refused > 0) {
      errors.add(
          new FieldError(
              field,
              refused == 1
                  ? "1 of the answers you chose cannot be quoted: its author did not agree to be"
                      + " quoted. Untick it and try again"
                  : refused
                      + " of the answers you chose cannot be quoted: their authors did not agree"
                      + " to be quoted. Untick them and try again"));
    }
  }

  private static void check(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  private static String label(String typed, String field, List<FieldError> errors) {
    String label = typed == null ? "" : typed.strip();
    if (label.isEmpty() || label.length() > 120) {
      errors.add(new FieldError(field, "Enter a theme name of up to 120 characters"));
    }
    return label;
  }

  private static String target(
      FormBody form, Set<String> others, String field, String message, List<FieldError> errors) {
    String target = form.first("target");
    if (target == null || !others.contains(target)) {
      errors.add(new FieldError(field, message));
    }
    return target;
  }

  private static void needAnswers(List<String> selected, List<FieldError> errors) {
    if (selected.isEmpty()) {
      errors.add(new FieldError("answers", "Select at least one answer"));
    }
  }
}
