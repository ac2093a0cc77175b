package org.yousaid.functions.publicweb;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.form.FormView;
import org.yousaid.functions.common.form.RespondentForm;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.HttpHandler;
import org.yousaid.functions.common.http.RateLimiter;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.ids.ReceiptCodes;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.submission.SubmissionService;
import org.yousaid.shared.validation.FieldError;
import org.yousaid.web.Pages;

/**
 * The public HTML pages: the consultation form, its confirmation with a receipt code, and the "see
 * or delete your answers" pages. Works without JavaScript; every value shown is escaped.
 */
public final class PublicFormHandler extends HttpHandler {

  /**
   * Form posts are URL-encoded (non-ASCII text grows up to 9 times), so they get more room than
   * JSON.
   */
  static final int MAX_FORM_BYTES = 192 * 1024;

  private final SubmissionService submissions;
  private final ConsultationRepository consultations;
  private final ResponseRepository responses;
  private final java.time.Clock clock;
  private final PublishedSite site;
  private final CouncilPage councilPage;
  private final AlertPages alerts;

  /** Kept here because CRaC holds its resources weakly. */
  private org.yousaid.functions.common.priming.SnapStartPriming priming;

  /** Used by AWS Lambda; SnapStart primes the function before its snapshot. */
  public PublicFormHandler() {
    this(Services.fromEnvironment());
    this.priming =
        org.yousaid.functions.common.priming.SnapStartPriming.register(
            "PublicFormFunction", PublicPriming::prime);
  }

  public PublicFormHandler(Services services) {
    this(services, RateLimiter.fromEnvironment());
  }

  public PublicFormHandler(Services services, RateLimiter rateLimiter) {
    rateLimit(rateLimiter);
    this.submissions = services.submissions();
    this.consultations = services.consultations();
    this.responses = services.responses();
    this.clock = services.clock();
    this.site = PublishedSite.fromEnvironment(services.publications());
    this.councilPage = new CouncilPage(consultations, site, clock);
    this.alerts = new AlertPages(responses, consultations, services.alerts());
    route("GET /c/{council}", r -> councilPage.show(r.pathParameter("council")));
    route("GET /c/{council}/{consultation}", this::showForm);
    route("POST /c/{council}/{consultation}", this::submitForm);
    route("GET /receipt", r -> receiptLookup("", null, 200));
    route("POST /receipt", this::receiptAction);
    route(
        "POST /receipt/alerts",
        r -> {
          requireForm(r);
          return alerts.optIn(FormBody.parse(r.bodyText(8 * 1024)));
        });
    route("GET /alerts/{council}/{alert}", alerts::confirmStop);
    // No media type is required: a mail program's one-click unsubscribe posts its own body.
    route("POST /alerts/{council}/{alert}", alerts::stop);
    route("GET /assets/{file}", r -> Responses.asset(r.pathParameter("file")));
  }

  private APIGatewayV2HTTPResponse showForm(Request request) {
    Consultation consultation =
        submissions.publicConsultation(
            request.pathParameter("council"), request.pathParameter("consultation"));
    return Responses.html(
        200, renderForm(consultation, FormBody.parse(""), List.of(), UUID.randomUUID().toString()));
  }

  private APIGatewayV2HTTPResponse submitForm(Request request) {
    String council = request.pathParameter("council");
    String consultationId = request.pathParameter("consultation");
    requireForm(request);
    FormBody form = FormBody.parse(request.bodyText(MAX_FORM_BYTES));
    String token =
        Optional.ofNullable(form.first(FormView.FORM_TOKEN))
            .filter(t -> t.matches("[0-9a-f\\-]{36}"))
            .orElse(UUID.randomUUID().toString());
    if (Honeypot.filled(form)) {
      // A bot filled the field people cannot see: it gets a confirmation that looks real, and
      // nothing is stored.
      Consultation consultation = submissions.publicConsultation(council, consultationId);
      return confirmation(consultation, Honeypot.decoyReceipt());
    }
    try {
      SubmissionService.Receipt receipt =
          submissions.submit(
              council, consultationId, FormView.toSubmission(form), token, Channel.WEB);
      SubmissionMetrics.submitted(receipt, Channel.WEB);
      Consultation consultation = submissions.publicConsultation(council, consultationId);
      return confirmation(consultation, receipt.receipt());
    } catch (ProblemException problem) {
      SubmissionMetrics.rejected(problem);
      if (problem.status() == 503) {
        return notSaved(council, consultationId, form, token, problem);
      }
      if (problem.status() == 400 && !problem.errors().isEmpty()) {
        Consultation consultation = submissions.publicConsultation(council, consultationId);
        return Responses.html(400, renderForm(consultation, form, problem.errors(), token));
      }
      if (problem.status() == 409
          && problem.title().startsWith("These answers were already sent")) {
        throw new ProblemException(
            409,
            "You have already sent answers from this page",
            "You sent answers from this page before. To send different answers, open the consultation link again "
                + "and fill in a new form.",
            null);
      }
      throw problem;
    }
  }

  private static APIGatewayV2HTTPResponse confirmation(Consultation consultation, String receipt) {
    return AlertPages.confirmation(consultation, receipt, "", null);
  }

  /**
   * Storage failed after every retry: the form comes back with everything typed and the same form
   * token, so pressing the button again stores the answers exactly once. If even the consultation
   * cannot be read, a plain page re-posts every field as it was given.
   */
  private APIGatewayV2HTTPResponse notSaved(
      String council,
      String consultationId,
      FormBody form,
      String token,
      ProblemException problem) {
    String html;
    try {
      Consultation consultation = submissions.publicConsultation(council, consultationId);
      html = renderForm(consultation, form, List.of(), token, problem.detail());
    } catch (RuntimeException stillDown) {
      List<Map<String, String>> hidden = new java.util.ArrayList<>();
      form.fields()
          .forEach(
              (name, values) -> {
                if (!name.equals(FormView.FORM_TOKEN)) {
                  values.forEach(v -> hidden.add(Map.of("name", name, "value", v)));
                }
              });
      hidden.add(Map.of("name", FormView.FORM_TOKEN, "value", token));
      html =
          Pages.render(
              "not-saved",
              Map.of(
                  "pageTitle",
                  problem.title(),
                  "detail",
                  problem.detail(),
                  "action",
                  "/c/" + council + "/" + consultationId,
                  "fields",
                  hidden));
    }
    APIGatewayV2HTTPResponse response = Responses.html(503, html);
    response.getHeaders().put("Retry-After", "2");
    return response;
  }

  private String renderForm(
      Consultation consultation, FormBody given, List<FieldError> errors, String token) {
    return renderForm(consultation, given, errors, token, null);
  }

  private String renderForm(
      Consultation consultation,
      FormBody given,
      List<FieldError> errors,
      String token,
      String notSaved) {
    Instant now = clock.instant();
    // Only a closed consultation's page links to its "You said, we did" page: one read, then.
    String published =
        RespondentForm.state(consultation, now) == RespondentForm.State.CLOSED
            ? site.consultationPage(consultation)
            : null;
    return RespondentForm.render(
        consultation,
        now,
        new RespondentForm.Render(given, errors, token, notSaved, published, null));
  }

  private APIGatewayV2HTTPResponse receiptAction(Request request) {
    requireForm(request);
    FormBody form = FormBody.parse(request.bodyText(8 * 1024));
    String typed = Optional.ofNullable(form.first("receipt")).orElse("");
    Optional<String> code = ReceiptCodes.normalise(typed);
    if (code.isEmpty()) {
      return receiptLookup(
          typed,
          "Enter your receipt code. It has 12 letters and numbers, like ABCD-2345-WXYZ.",
          400);
    }
    Optional<Response> response = responses.findByReceipt(code.get());
    if (response.isEmpty()) {
      return receiptLookup(
          typed,
          "We cannot find answers with this receipt code. Check the code, or your answers may already have been deleted.",
          404);
    }
    if ("erase".equals(form.first("action"))) {
      responses.eraseByReceipt(code.get());
      return Responses.html(
          200, Pages.render("erased", Map.of("pageTitle", "Your answers have been deleted")));
    }
    Optional<Consultation> consultation =
        consultations.find(response.get().council(), response.get().consultationId());
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "Your answers");
    model.put("receipt", code.get());
    model.put("rows", ReceiptView.rows(response.get(), consultation));
    model.put("consultationTitle", consultation.map(Consultation::title).orElse(""));
    consultation.ifPresent(c -> model.put("councilName", c.councilName()));
    return Responses.html(200, Pages.render("receipt", model));
  }

  private static APIGatewayV2HTTPResponse receiptLookup(String typed, String error, int status) {
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "See or delete your answers");
    model.put("typed", typed);
    model.put("hasErrors", error != null);
    if (error != null) {
      model.put("error", error);
    }
    return Responses.html(status, Pages.render("receipt-lookup", model));
  }

  private static void requireForm(Request request) {
    if (!request.mediaType().equals("application/x-www-form-urlencoded")) {
      throw ProblemException.unsupportedMediaType(
          "Send this form from the web page, as application/x-www-form-urlencoded.");
    }
  }

  @Override
  protected APIGatewayV2HTTPResponse refuse(Request request, ProblemException problem) {
    if (request.path() != null && request.path().startsWith("/assets/")) {
      return Responses.problem(problem);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", problem.title());
    model.put("detail", problem.detail());
    return Responses.html(problem.status(), Pages.render("error", model));
  }
}
