package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.yousaid.shared.themes.EffectiveThemes;

/**
 * One theme with its answers, and the corrections officers make to it: rename, merge into another
 * theme, move answers, split answers into a new theme, approve (with more words removed if need be)
 * or withdraw quotes, and the council's "we did" response. Each correction is stored and logged,
 * and survives re-analysis. A correction that cannot be made sends the page back (400) with an
 * error summary and everything typed; one that is made comes back with a success message.
 */
final class ThemeDetail {

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

  /** A theme or sub-theme to choose in a list ("Transport: Journey time" for a sub-theme). */
  record ThemeChoice(String id, String label) {}

  /** A sub-theme as its theme's page shows it: label, exemplar and "N other answers support". */
  record SubThemeView(String id, String label, int count, String exemplar, int othersSupport) {}

  private final ThemeCorrections corrections;
  private final ResponseRepository responses;
  private final ConsultationLookup lookup;

  ThemeDetail(Services services, ThemesPage themesPage, ConsultationLookup lookup, AuditLog audit) {
    this.corrections =
        new ThemeCorrections(themesPage, services.corrections(), audit, services.clock());
    this.responses = services.responses();
    this.lookup = lookup;
  }

  ThemeCorrections corrections() {
    return corrections;
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
      ThemeCorrections.Outcome outcome =
          corrections.apply(c, question, theme, request(form), officer.identity().email(), all);
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
    ConsultationThemes.AnalysedQuestion question =
        corrections.analysedQuestion(consultation, questionId, all);
    EffectiveThemes.Result result = question.themes();
    EffectiveThemes.Theme theme = ThemeCorrections.find(result, themeId);
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
    model.put("descriptionPending", !question.descriptionHolds(theme));
    model.put("members", members);
    model.put("quotable", members.stream().filter(MemberView::quotable).toList());
    model.put("selected", Set.of());
    Map<String, String> texts = new HashMap<>();
    members.forEach(m -> texts.put(m.responseId(), m.text()));
    // "N other answers support this answer" needs "this answer" on the page, as on the themes page.
    model.put("exemplar", texts.getOrDefault(theme.exemplarId(), ""));
    List<ThemeChoice> choices = new ArrayList<>();
    for (EffectiveThemes.Theme t : result.themes()) {
      choices.add(new ThemeChoice(t.id(), t.label()));
      t.subThemes()
          .forEach(s -> choices.add(new ThemeChoice(s.id(), t.label() + ": " + s.label())));
    }
    model.put("otherThemes", choices.stream().filter(t -> !t.id().equals(themeId)).toList());
    model.put(
        "parent",
        theme.parentId() == null ? null : ThemeCorrections.find(result, theme.parentId()));
    model.put(
        "subThemes",
        theme.subThemes().stream()
            .map(
                s ->
                    new SubThemeView(
                        s.id(),
                        s.label(),
                        s.count(),
                        texts.getOrDefault(s.exemplarId(), ""),
                        s.othersSupport()))
            .toList());
    List<String> demoteTo = ThemeCorrections.demoteTargets(result, theme);
    model.put("demoteTargets", choices.stream().filter(t -> demoteTo.contains(t.id())).toList());
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

  /** The correction a theme page form asks for (each form sends only its own fields). */
  private static ThemeCorrections.Request request(FormBody form) {
    return new ThemeCorrections.Request(
        form.first("action"),
        form.first("label"),
        form.first("target"),
        form.all("answer"),
        form.first("words"),
        form.first("text"),
        form.first("status"),
        form.first("date"));
  }
}
