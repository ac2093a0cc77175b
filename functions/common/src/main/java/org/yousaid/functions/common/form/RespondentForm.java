package org.yousaid.functions.common.form;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.shared.validation.FieldError;
import org.yousaid.web.Pages;
import org.yousaid.web.UkTimes;

/**
 * The page a respondent sees at a consultation's address, rendered by one piece of code for the
 * public function and for the officer's preview, so the preview is the form exactly as it will
 * look: the form itself while it takes answers, with its closing date; a page saying it has closed,
 * or when it opens, otherwise.
 */
public final class RespondentForm {

  /**
   * The hidden field bots like to fill (see the public function's {@code Honeypot}); the form never
   * uses it for anything else.
   */
  public static final String HONEYPOT = "website";

  /** Where the respondent is: which page the address shows. */
  public enum State {
    /** Taking answers: the form. */
    OPEN,
    /** Opens later: when. */
    NOT_YET_OPEN,
    /** Closed by its date or by an officer: no form. */
    CLOSED
  }

  /**
   * What one rendering needs beyond the consultation.
   *
   * @param given what was typed (an empty form for a fresh page)
   * @param token the form token that makes a resent form count once
   * @param notSaved why the answers could not be saved, or null
   * @param publishedUrl the consultation's "You said, we did" page, or null if none is published
   * @param previewFor for the officer's preview, the page its "back" link returns to (the form is
   *     shown whatever the status and sends nothing); null for the public
   */
  public record Render(
      FormBody given,
      List<FieldError> errors,
      String token,
      String notSaved,
      String publishedUrl,
      String previewFor) {

    /** The officer's preview of a fresh form, linking back to {@code backLink}. */
    public static Render preview(String backLink) {
      return new Render(FormBody.parse(""), List.of(), "preview", null, null, backLink);
    }

    boolean preview() {
      return previewFor != null;
    }
  }

  private RespondentForm() {}

  /** Which page a consultation's address shows at {@code now}. */
  public static State state(Consultation consultation, Instant now) {
    if (consultation.isAcceptingAnswersAt(now)) {
      return State.OPEN;
    }
    boolean beforeOpening =
        consultation.status() == ConsultationStatus.OPEN
            && consultation.opensAt() != null
            && now.isBefore(consultation.opensAt());
    return beforeOpening ? State.NOT_YET_OPEN : State.CLOSED;
  }

  /**
   * When answers stop being taken, as GOV.UK consultations say it: a closing date is stored as the
   * first moment answers are refused (midnight at the start of the next day, see the officer's
   * "last day for answers"), so that midnight reads "12 January 2027 at 11:59pm" on the last day.
   * Null when there is no closing date.
   */
  public static String closingTime(Instant closesAt) {
    if (closesAt == null) {
      return null;
    }
    ZonedDateTime at = closesAt.atZone(UkTimes.LONDON);
    if (at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
      return UkTimes.date(at.minusDays(1)) + " at 11:59pm";
    }
    return UkTimes.dateTime(closesAt);
  }

  /**
   * "3 February 2027" for an opening at midnight (the officer's form sets days), else with time.
   */
  public static String openingTime(Instant opensAt) {
    if (opensAt == null) {
      return null;
    }
    ZonedDateTime at = opensAt.atZone(UkTimes.LONDON);
    return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
        ? UkTimes.date(at)
        : UkTimes.dateTime(opensAt);
  }

  public static String render(Consultation consultation, Instant now, Render render) {
    Map<String, Object> model = new HashMap<>();
    if (render.notSaved() != null) {
      model.put("notSaved", render.notSaved());
    }
    State state = render.preview() ? State.OPEN : state(consultation, now);
    FormBody given = render.given();
    List<FieldError> errors = render.errors();
    model.put("honeypot", HONEYPOT);
    model.put("pageTitle", consultation.title());
    model.put("councilName", consultation.councilName());
    model.put("consultation", consultation);
    model.put("state", state.name());
    model.put("preview", render.preview());
    model.put("backLink", render.previewFor());
    model.put("closesOn", closingTime(consultation.closesAt()));
    model.put("opensOn", openingTime(consultation.opensAt()));
    model.put("publishedUrl", render.publishedUrl());
    model.put("councilPage", "/c/" + consultation.council());
    model.put("questions", FormView.questionFields(consultation, given, errors));
    model.put("profile", FormView.profileFields(consultation, given, errors));
    model.put("consentChecked", "yes".equals(given.first(FormView.CONSENT)));
    model.put("errors", FormView.errorLinks(errors));
    model.put("hasErrors", !errors.isEmpty());
    model.put("hasValues", !given.fields().isEmpty());
    model.put("formToken", render.token());
    model.put("action", "/c/" + consultation.council() + "/" + consultation.id());
    model.put("draftKey", consultation.council() + "/" + consultation.id());
    return Pages.render("form", model);
  }
}
