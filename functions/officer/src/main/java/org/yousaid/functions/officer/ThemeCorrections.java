package org.yousaid.functions.officer;

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
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
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
 * The corrections officers make to a theme, whether from the theme page's forms or the officer API:
 * rename, merge into another theme, move answers, split answers into a new theme, approve (with
 * more words removed if need be) or withdraw quotes, and the council's "we did" response. Each
 * correction is checked, stored and logged, and survives re-analysis. Field errors name the theme
 * page's fields; the API renames them ({@link ThemesApi}).
 */
final class ThemeCorrections {

  private static final Set<String> WE_DID_STATUSES = Set.of("planned", "in progress", "done");

  /**
   * One correction as asked for. {@code answers} are the chosen member answers (for redact, the
   * first is the one to quote); {@code words} the words to remove, one per line or comma.
   */
  record Request(
      String action,
      String label,
      String target,
      List<String> answers,
      String words,
      String text,
      String status,
      String date) {

    Request {
      answers = answers == null ? List.of() : List.copyOf(answers);
    }

    String answer() {
      return answers.isEmpty() ? null : answers.get(0);
    }
  }

  /** Which theme to show after a correction, what the page says there, and what was stored. */
  record Outcome(String themeId, Flash flash, ThemeCorrection correction) {

    /** The theme a split made, or null for any other correction. */
    String newThemeId() {
      return correction.kind() == Kind.SPLIT ? EffectiveThemes.splitId(correction) : null;
    }
  }

  private final ThemesPage themesPage;
  private final CorrectionRepository corrections;
  private final AuditLog audit;
  private final Clock clock;

  ThemeCorrections(
      ThemesPage themesPage, CorrectionRepository corrections, AuditLog audit, Clock clock) {
    this.themesPage = themesPage;
    this.corrections = corrections;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Applies one correction to a theme of an analysed question, stores it and logs it; says which
   * theme to show next. A correction that cannot be made is refused with field errors (400).
   */
  Outcome apply(
      Consultation consultation,
      String questionId,
      String themeId,
      Request form,
      String officer,
      List<Response> all) {
    ConsultationThemes.AnalysedQuestion question = analysedQuestion(consultation, questionId, all);
    EffectiveThemes.Result result = question.themes();
    EffectiveThemes.Theme theme = find(result, themeId);
    String action = String.valueOf(form.action());
    List<String> selected =
        form.answers().stream().filter(theme.memberIds()::contains).distinct().toList();
    Set<String> others = new LinkedHashSet<>();
    EffectiveThemes.flatten(result.themes()).stream()
        .map(EffectiveThemes.Theme::id)
        .forEach(others::add);
    others.remove(themeId);
    List<FieldError> errors = new ArrayList<>();
    ThemeCorrection correction;
    Flash flash;
    String summary = null;
    switch (action) {
      case "rename" -> {
        String label = label(form.label(), "label", errors);
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
        String label = label(form.label(), "split-label", errors);
        check(errors);
        correction = correction(questionId, officer, Kind.SPLIT, themeId, null, selected, label);
        flash = Flash.SPLIT;
      }
      case "promote" -> {
        if (!theme.subTheme()) {
          errors.add(new FieldError("promote", "This is a theme already, not a sub-theme"));
        }
        check(errors);
        correction = correction(questionId, officer, Kind.PROMOTE, themeId, null, List.of(), null);
        flash = Flash.PROMOTED;
      }
      case "demote" -> {
        Set<String> parents = new LinkedHashSet<>(demoteTargets(result, theme));
        if (parents.isEmpty()) {
          errors.add(
              new FieldError(
                  "demote-target",
                  theme.subThemes().isEmpty()
                      ? "This theme cannot become a sub-theme"
                      : "A theme with sub-themes cannot become a sub-theme: promote or merge"
                          + " its sub-themes first"));
          check(errors);
        }
        String target =
            target(form, parents, "demote-target", "Choose the theme this becomes part of", errors);
        check(errors);
        correction = correction(questionId, officer, Kind.DEMOTE, themeId, target, List.of(), null);
        flash = Flash.DEMOTED;
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
        String answer = form.answer();
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
    return new Outcome(
        action.equals("merge") ? correction.targetThemeId() : themeId, flash, correction);
  }

  ConsultationThemes.AnalysedQuestion analysedQuestion(
      Consultation consultation, String questionId, List<Response> all) {
    return themesPage.analysed(consultation, all, questionId).stream()
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("This question has not been analysed yet."));
  }

  /**
   * The themes a theme may become a sub-theme of: any other theme, if it is a theme without
   * sub-themes of its own (two levels only), not "other" and not a proposal.
   */
  static List<String> demoteTargets(EffectiveThemes.Result result, EffectiveThemes.Theme theme) {
    if (theme.subTheme() || !theme.subThemes().isEmpty() || theme.other() || theme.proposed()) {
      return List.of();
    }
    return result.themes().stream()
        .filter(t -> !t.id().equals(theme.id()) && !t.other() && !t.proposed())
        .map(EffectiveThemes.Theme::id)
        .toList();
  }

  /** A theme or sub-theme by id. */
  static EffectiveThemes.Theme find(EffectiveThemes.Result result, String themeId) {
    return EffectiveThemes.flatten(result.themes()).stream()
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
      String questionId, String officer, String themeId, Request form, List<FieldError> errors) {
    String text = form.text() == null ? "" : form.text().strip();
    if (text.isEmpty() || text.length() > 2000) {
      errors.add(
          new FieldError(
              "we-did-text", "Enter what the council did or will do, up to 2000 characters"));
    }
    String status = String.valueOf(form.status());
    if (!WE_DID_STATUSES.contains(status)) {
      errors.add(
          new FieldError("we-did-status", "Choose whether this is planned, in progress or done"));
    }
    LocalDate date = null;
    String typed = form.date();
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
      Request form,
      EffectiveThemes.Theme theme,
      ConsultationThemes.AnalysedQuestion question,
      List<Response> all,
      List<FieldError> errors) {
    String answer = form.answer();
    if (answer == null || !theme.memberIds().contains(answer)) {
      errors.add(new FieldError("redact-answer", "Choose the answer to quote"));
    } else {
      needQuotable(List.of(answer), question, all, errors, "redact-answer");
    }
    List<String> phrases =
        form.words() == null
            ? List.of()
            : java.util.Arrays.stream(form.words().split("[,\\n;]"))
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
                        || ThemeDetail.whyNotQuotable(byId.get(id), analysed.get(id)).isPresent())
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
      Request form, Set<String> others, String field, String message, List<FieldError> errors) {
    String target = form.target();
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
