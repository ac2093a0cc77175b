package org.yousaid.functions.officer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.shared.validation.FieldError;

/**
 * Creating consultations from the templates, editing them while they are drafts, and opening and
 * closing them. Every change goes into the audit log.
 */
final class ConsultationAdmin {

  /** The templates officers start from, keyed as the "new consultation" form names them. */
  static final Map<String, String> TEMPLATES =
      Map.of(
          "local-offer", "Local Offer consultation",
          "ehc-stage", "EHC plan satisfaction survey",
          "page-feedback", "Local Offer page feedback");

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{2,59}");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter FORM_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

  private final ConsultationRepository consultations;
  private final AuditLog audit;

  ConsultationAdmin(ConsultationRepository consultations, AuditLog audit) {
    this.consultations = consultations;
    this.audit = audit;
  }

  Consultation create(String council, String template, String id, String title, String officer) {
    List<FieldError> errors = new ArrayList<>();
    if (template == null || !TEMPLATES.containsKey(template)) {
      errors.add(new FieldError("template", "Choose what kind of consultation to create"));
    }
    if (id == null || !SLUG.matcher(id).matches()) {
      errors.add(
          new FieldError(
              "id",
              "Enter a web address name of 3 to 60 lower-case letters, numbers and dashes, like local-offer-2026"));
    }
    if (org.yousaid.publishing.RegisterReportBuilder.ID.equals(id)) {
      // The annual Local Offer feedback report is published under this name.
      errors.add(
          new FieldError("id", "That web address is used by the Local Offer feedback report"));
    }
    String cleanTitle = title == null ? "" : title.strip();
    if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
      errors.add(new FieldError("title", "Enter a title of up to 200 characters"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    Consultation base =
        switch (template) {
          case "ehc-stage" -> ConsultationTemplates.ehcStageSurvey(council, council, id, List.of());
          case "page-feedback" -> ConsultationTemplates.pageFeedback(council, council, id);
          default -> ConsultationTemplates.localOffer(council, council, id, List.of(), null, null);
        };
    Consultation draft =
        new Consultation(
            council,
            id,
            councilName(council),
            cleanTitle,
            base.kind(),
            ConsultationStatus.DRAFT,
            null,
            null,
            base.intro(),
            base.questions(),
            base.profileFields(),
            base.districts(),
            base.retentionDays());
    if (!consultations.create(draft)) {
      throw ProblemException.conflict(
          "That web address is taken",
          "There is already a consultation called " + id + ". Choose another name.");
    }
    audit.record(
        council,
        id,
        officer,
        "created",
        "created from the " + TEMPLATES.get(template) + " template");
    return draft;
  }

  /**
   * Saves edits to a draft: title, introduction, dates, question wording and whether each is
   * required.
   */
  Consultation update(Consultation current, Map<String, List<String>> form, String officer) {
    if (current.status() != ConsultationStatus.DRAFT) {
      throw ProblemException.conflict(
          "This consultation can no longer be edited",
          "Only drafts can be edited, so that everyone answers the same questions. Close it and create a new one instead.");
    }
    List<FieldError> errors = new ArrayList<>();
    String title = first(form, "title").strip();
    if (title.isEmpty() || title.length() > 200) {
      errors.add(new FieldError("title", "Enter a title of up to 200 characters"));
    }
    String intro = first(form, "intro").strip();
    if (intro.length() > 3000) {
      errors.add(new FieldError("intro", "The introduction must be 3000 characters or fewer"));
    }
    Instant opens = date(first(form, "opens"), "opens", "the date it opens", errors, false);
    Instant closes = date(first(form, "closes"), "closes", "the date it closes", errors, true);
    if (opens != null && closes != null && !closes.isAfter(opens)) {
      errors.add(new FieldError("closes", "The closing date must be after the opening date"));
    }
    List<Question> questions = new ArrayList<>();
    for (Question q : current.questions()) {
      String text = first(form, "q." + q.id() + ".text").strip();
      if (text.isEmpty() || text.length() > 500) {
        errors.add(
            new FieldError("q." + q.id() + ".text", "Enter the question, up to 500 characters"));
      }
      String hint = first(form, "q." + q.id() + ".hint").strip();
      boolean required = form.getOrDefault("q." + q.id() + ".required", List.of()).contains("yes");
      questions.add(
          new Question(q.id(), text, hint, q.type(), q.options(), required, q.maxLength()));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    Consultation updated =
        new Consultation(
            current.council(),
            current.id(),
            current.councilName(),
            title,
            current.kind(),
            current.status(),
            opens,
            closes,
            intro,
            questions,
            current.profileFields(),
            current.districts(),
            current.retentionDays());
    consultations.save(updated);
    audit.record(current.council(), current.id(), officer, "edited", "edited the draft");
    return updated;
  }

  Consultation open(Consultation current, String officer) {
    if (current.status() == ConsultationStatus.OPEN) {
      return current;
    }
    if (current.status() == ConsultationStatus.PUBLISHED) {
      throw ProblemException.conflict(
          "This consultation has been published",
          "A published consultation cannot take answers again.");
    }
    Consultation opened = current.withStatus(ConsultationStatus.OPEN);
    consultations.save(opened);
    audit.record(current.council(), current.id(), officer, "opened", "opened for answers");
    return opened;
  }

  Consultation close(Consultation current, String officer) {
    if (current.status() != ConsultationStatus.OPEN) {
      throw ProblemException.conflict(
          "This consultation is not open", "Only an open consultation can be closed.");
    }
    Consultation closed = current.withStatus(ConsultationStatus.CLOSED);
    consultations.save(closed);
    audit.record(current.council(), current.id(), officer, "closed", "closed to new answers");
    return closed;
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
  }

  private static Instant date(
      String value, String field, String what, List<FieldError> errors, boolean endOfDay) {
    if (value.isBlank()) {
      return null;
    }
    LocalDate day = FormDates.parse(value).orElse(null);
    if (day == null) {
      errors.add(new FieldError(field, "Enter " + what + " as a real date, like 31/12/2026"));
      return null;
    }
    return (endOfDay ? day.plusDays(1) : day).atStartOfDay(LONDON).toInstant();
  }

  /**
   * How the manage form shows a stored date: the day it opens, or for {@code endOfDay} the last day
   * it is open (stored as the start of the next day, as {@link #update} reads it); "" when unset.
   */
  static String formDate(Instant instant, boolean endOfDay) {
    if (instant == null) {
      return "";
    }
    LocalDate day = instant.atZone(LONDON).toLocalDate();
    return FORM_DATE.format(endOfDay ? day.minusDays(1) : day);
  }

  private String councilName(String council) {
    return consultations.listForCouncil(council).stream()
        .map(Consultation::councilName)
        .findFirst()
        .orElse(council);
  }
}
