package org.yousaid.functions.publicweb;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.ids.ReceiptCodes;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationKind;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.register.ActionAlert;
import org.yousaid.shared.register.ActionAlerts;
import org.yousaid.shared.register.EmailAddress;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.web.Pages;

/**
 * "Email me when this changes": the opt-in on the confirmation page (with its receipt code), and
 * the unsubscribe link of each email. The address is stored in its own item ({@link ActionAlerts}),
 * never with the answers, and never logged; a refused address comes back on the same page with what
 * was typed.
 */
final class AlertPages {

  static final String EMPTY = "Enter your email address";
  static final String INVALID =
      "Enter an email address in the correct format, like name@example.com";

  private final ResponseRepository responses;
  private final ConsultationRepository consultations;
  private final ActionAlerts alerts;

  AlertPages(
      ResponseRepository responses, ConsultationRepository consultations, ActionAlerts alerts) {
    this.responses = responses;
    this.consultations = consultations;
    this.alerts = alerts;
  }

  /** Whether a consultation's respondents may ask: its answers go into the register. */
  static boolean offered(Consultation consultation) {
    return consultation.kind() != ConsultationKind.STAGE_SURVEY;
  }

  /** The confirmation page, with the opt-in form and, if the address was refused, why. */
  static APIGatewayV2HTTPResponse confirmation(
      Consultation consultation, String receipt, String email, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "Your answers have been sent");
    model.put("councilName", consultation.councilName());
    model.put("consultation", consultation);
    model.put("receipt", receipt);
    model.put("draftKey", consultation.council() + "/" + consultation.id());
    model.put("offerAlerts", offered(consultation));
    model.put("email", email == null ? "" : email);
    model.put("hasErrors", error != null);
    if (error != null) {
      model.put("error", error);
    }
    return Responses.html(error == null ? 200 : 400, Pages.render("confirmation", model));
  }

  /** POST /receipt/alerts: the opt-in form. */
  APIGatewayV2HTTPResponse optIn(FormBody form) {
    Optional<String> code = ReceiptCodes.normalise(form.first("receipt"));
    Response response = code.flatMap(responses::findByReceipt).orElseThrow(AlertPages::noAnswers);
    Consultation consultation =
        consultations
            .find(response.council(), response.consultationId())
            .filter(AlertPages::offered)
            .orElseThrow(AlertPages::noAnswers);
    String typed = Optional.ofNullable(form.first("email")).orElse("");
    if (typed.isBlank()) {
      return confirmation(consultation, code.get(), typed, EMPTY);
    }
    Optional<String> email = EmailAddress.parse(typed);
    if (email.isEmpty()) {
      return confirmation(consultation, code.get(), typed, INVALID);
    }
    alerts.subscribe(response, email.get()).orElseThrow(AlertPages::noAnswers);
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "We will email you when we act on what you said");
    model.put("councilName", consultation.councilName());
    model.put("consultationTitle", consultation.title());
    model.put("email", email.get());
    return Responses.html(200, Pages.render("alert-on", model));
  }

  /** GET /alerts/{council}/{alert}: the unsubscribe link asks before it stops anything. */
  APIGatewayV2HTTPResponse confirmStop(Request request) {
    ActionAlert alert = linked(request);
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "Stop emails about what we do");
    consultations
        .find(alert.council(), alert.consultationId())
        .ifPresent(
            c -> {
              model.put("councilName", c.councilName());
              model.put("consultationTitle", c.title());
            });
    model.put("action", "/alerts/" + alert.council() + "/" + alert.linkId());
    return Responses.html(200, Pages.render("alert-stop", model));
  }

  /**
   * POST /alerts/{council}/{alert}: stops the alert and deletes its address; the answers stay. Also
   * what a mail program's one-click unsubscribe (RFC 8058) posts.
   */
  APIGatewayV2HTTPResponse stop(Request request) {
    ActionAlert alert = linked(request);
    alerts.cancel(alert);
    return Responses.html(
        200,
        Pages.render(
            "alert-stopped",
            Map.of(
                "pageTitle",
                "You will not get any more emails",
                "detail",
                "We have deleted your email address. Your answers have not changed.")));
  }

  private ActionAlert linked(Request request) {
    return alerts
        .findByLink(request.pathParameter("council"), request.pathParameter("alert"))
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "These emails have already stopped, or the link is not complete. If you still"
                        + " get emails, copy the whole link from the email."));
  }

  private static ProblemException noAnswers() {
    return ProblemException.notFound(
        "We cannot find answers with this receipt code. They may already have been deleted.");
  }
}
