package org.yousaid.functions.publicweb;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.AllowedOrigins;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.HttpHandler;
import org.yousaid.functions.common.http.RateLimiter;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.ids.ReceiptCodes;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.json.JsonSubmissionReader;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.register.ActionAlert;
import org.yousaid.shared.register.EmailAddress;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.submission.SubmissionService;
import org.yousaid.shared.validation.FieldError;
import org.yousaid.web.Pages;

/**
 * The public JSON API: submissions, page feedback, and a respondent's own receipt (view and erase).
 */
public final class SubmissionApiHandler extends HttpHandler {

  static final int MAX_JSON_BYTES = 64 * 1024;

  private final SubmissionService submissions;
  private final ResponseRepository responses;
  private final PageFeedback pageFeedback;
  private final JsonSubmissionReader reader = new JsonSubmissionReader();
  private final AllowedOrigins pageFeedbackOrigins;

  static final String PAGE_FEEDBACK_ROUTE = "POST /api/v1/councils/{council}/page-feedback";

  /** Kept here because CRaC holds its resources weakly. */
  private org.yousaid.functions.common.priming.SnapStartPriming priming;

  private final org.yousaid.shared.register.ActionAlerts alerts;
  private final org.yousaid.shared.storage.ConsultationRepository consultations;

  /** Used by AWS Lambda; SnapStart primes the function before its snapshot. */
  public SubmissionApiHandler() {
    this(
        Services.fromEnvironment(),
        AllowedOrigins.fromEnvironment(),
        RateLimiter.fromEnvironment());
    this.priming =
        org.yousaid.functions.common.priming.SnapStartPriming.register(
            "SubmissionApiFunction", PublicPriming::prime);
  }

  public SubmissionApiHandler(Services services) {
    this(services, AllowedOrigins.fromEnvironment(), RateLimiter.fromEnvironment());
  }

  /**
   * {@code pageFeedbackOrigins}: the council web sites whose pages may send page feedback from
   * script (CORS).
   */
  public SubmissionApiHandler(Services services, AllowedOrigins pageFeedbackOrigins) {
    this(services, pageFeedbackOrigins, RateLimiter.fromEnvironment());
  }

  public SubmissionApiHandler(Services services, RateLimiter rateLimiter) {
    this(services, AllowedOrigins.fromEnvironment(), rateLimiter);
  }

  /**
   * @param rateLimiter the per-client limit on these routes (per Lambda container)
   */
  public SubmissionApiHandler(
      Services services, AllowedOrigins pageFeedbackOrigins, RateLimiter rateLimiter) {
    rateLimit(rateLimiter);
    this.pageFeedbackOrigins = pageFeedbackOrigins;
    this.submissions = services.submissions();
    this.responses = services.responses();
    this.pageFeedback = new PageFeedback(submissions);
    route("POST /api/v1/councils/{council}/consultations/{consultation}/responses", this::submit);
    route(
        PAGE_FEEDBACK_ROUTE,
        r -> pageFeedbackOrigins.decorate(r, r.pathParameter("council"), submitPageFeedback(r)));
    route(
        "OPTIONS /api/v1/councils/{council}/page-feedback",
        r -> pageFeedbackOrigins.preflight(r, r.pathParameter("council")));
    route("GET /api/v1/receipts/{receipt}", this::viewReceipt);
    route("DELETE /api/v1/receipts/{receipt}", this::eraseReceipt);
    route("POST /api/v1/receipts/{receipt}/alerts", this::subscribe);
    route("DELETE /api/v1/receipts/{receipt}/alerts", this::unsubscribe);
    this.alerts = services.alerts();
    this.consultations = services.consultations();
  }

  /**
   * Asks to be emailed when an action on the themes of these answers changes status. The address is
   * stored apart from the answers and erased with them; a second request replaces it.
   */
  private APIGatewayV2HTTPResponse subscribe(Request request) {
    requireJson(request);
    JsonNode body = parseObject(request.bodyText(4 * 1024));
    Response response = findByReceipt(request);
    boolean offered =
        consultations
            .find(response.council(), response.consultationId())
            .map(AlertPages::offered)
            .orElse(false);
    if (!offered) {
      throw ProblemException.conflict(
          "No emails for these answers",
          "Answers to an EHC stage survey are about your own family's plan, so there are no council"
              + " actions to tell you about.");
    }
    String typed = text(body, "email");
    if (typed == null || typed.isBlank()) {
      throw ProblemException.invalid(List.of(new FieldError("email", AlertPages.EMPTY)));
    }
    String email =
        EmailAddress.parse(typed)
            .orElseThrow(
                () ->
                    ProblemException.invalid(List.of(new FieldError("email", AlertPages.INVALID))));
    ActionAlert alert =
        alerts.subscribe(response, email).orElseThrow(SubmissionApiHandler::notFoundReceipt);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("email", alert.email());
    out.put("stop", "/alerts/" + alert.council() + "/" + alert.linkId());
    return Responses.json(201, out);
  }

  /** Stops the emails and deletes the address; the answers stay. */
  private APIGatewayV2HTTPResponse unsubscribe(Request request) {
    Response response = findByReceipt(request);
    alerts
        .find(response.council(), response.consultationId(), response.id())
        .ifPresent(alerts::cancel);
    return Responses.noContent();
  }

  private APIGatewayV2HTTPResponse submit(Request request) {
    SubmissionService.Receipt receipt;
    try {
      requireJson(request);
      String body = request.bodyText(MAX_JSON_BYTES);
      receipt =
          submissions.submit(
              request.pathParameter("council"),
              request.pathParameter("consultation"),
              reader.read(body),
              request.header("idempotency-key").orElse(null),
              Channel.WEB);
    } catch (ProblemException problem) {
      SubmissionMetrics.rejected(problem);
      throw problem;
    }
    SubmissionMetrics.submitted(receipt, Channel.WEB);
    return created(receipt);
  }

  private APIGatewayV2HTTPResponse submitPageFeedback(Request request) {
    String council = request.pathParameter("council");
    String key = request.header("idempotency-key").orElse(null);
    if (request.mediaType().equals("application/x-www-form-urlencoded")) {
      // The embeddable no-JavaScript snippet posts a plain form and gets a thank-you page back.
      FormBody form = FormBody.parse(request.bodyText(MAX_JSON_BYTES));
      if (!Honeypot.filled(form)) {
        pageFeedback.submit(
            council,
            new PageFeedback.Input(
                form.first("pageUrl"),
                form.first("serviceId"),
                form.first("useful"),
                form.first("comment")),
            key);
      }
      // A filled honeypot is a bot: thanked like anyone else, nothing stored.
      return Responses.html(
          201,
          Pages.render(
              "feedback-thanks",
              Map.of(
                  "pageTitle",
                  "Thank you for your feedback",
                  "returnTo",
                  safeReturn(form.first("pageUrl")))));
    }
    requireJson(request);
    JsonNode json = parseObject(request.bodyText(MAX_JSON_BYTES));
    String useful =
        json.path("useful").isBoolean()
            ? Boolean.toString(json.path("useful").asBoolean())
            : json.path("useful").isMissingNode() || json.path("useful").isNull()
                ? null
                : "not a yes/no value";
    return created(
        pageFeedback.submit(
            council,
            new PageFeedback.Input(
                text(json, "pageUrl"), text(json, "serviceId"), useful, text(json, "comment")),
            key));
  }

  private APIGatewayV2HTTPResponse viewReceipt(Request request) {
    Response response = findByReceipt(request);
    return Responses.json(200, ReceiptView.json(response));
  }

  private APIGatewayV2HTTPResponse eraseReceipt(Request request) {
    String code = receiptCode(request);
    if (!responses.eraseByReceipt(code)) {
      throw notFoundReceipt();
    }
    return Responses.noContent();
  }

  private Response findByReceipt(Request request) {
    return responses
        .findByReceipt(receiptCode(request))
        .orElseThrow(SubmissionApiHandler::notFoundReceipt);
  }

  private static String receiptCode(Request request) {
    return ReceiptCodes.normalise(request.pathParameter("receipt"))
        .orElseThrow(SubmissionApiHandler::notFoundReceipt);
  }

  private static ProblemException notFoundReceipt() {
    return ProblemException.notFound(
        "There are no answers with this receipt code. They may already have been deleted.");
  }

  private static APIGatewayV2HTTPResponse created(SubmissionService.Receipt receipt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("responseId", receipt.responseId());
    body.put("receipt", receipt.receipt());
    APIGatewayV2HTTPResponse response = Responses.json(201, body);
    if (receipt.replayed()) {
      response.getHeaders().put("Idempotent-Replayed", "true");
    }
    return response;
  }

  private static void requireJson(Request request) {
    if (!request.mediaType().equals("application/json")) {
      throw ProblemException.unsupportedMediaType(
          "Send the answers as JSON with the header Content-Type: application/json.");
    }
  }

  private static JsonNode parseObject(String body) {
    try {
      JsonNode node = Json.mapper().readTree(body);
      if (node == null || !node.isObject()) {
        throw ProblemException.badRequest("The request body must be a JSON object.");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ProblemException.badRequest("The request body is not valid JSON.");
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ProblemException.badRequest("\"" + field + "\" must be text.");
    }
    return value.asText();
  }

  /**
   * The no-JavaScript page-feedback form gets an HTML page for its errors; API clients get problem
   * JSON.
   */
  @Override
  protected APIGatewayV2HTTPResponse refuse(Request request, ProblemException problem) {
    if (PAGE_FEEDBACK_ROUTE.equals(request.routeKey())
        && request.pathParameters().containsKey("council")) {
      // The embeddable script reads the problem's field messages, so refusals carry the CORS
      // headers too.
      return pageFeedbackOrigins.decorate(
          request, request.pathParameters().get("council"), refusePage(request, problem));
    }
    return refusePage(request, problem);
  }

  private APIGatewayV2HTTPResponse refusePage(Request request, ProblemException problem) {
    if (!request.mediaType().equals("application/x-www-form-urlencoded")) {
      return super.refuse(request, problem);
    }
    String detail =
        problem.errors().isEmpty()
            ? problem.detail()
            : String.join(
                " ",
                problem.errors().stream()
                    .map(org.yousaid.shared.validation.FieldError::message)
                    .toList());
    return Responses.html(
        problem.status(),
        Pages.render("error", Map.of("pageTitle", problem.title(), "detail", detail)));
  }

  private static String safeReturn(String pageUrl) {
    return pageUrl != null && (pageUrl.startsWith("https://") || pageUrl.startsWith("http://"))
        ? pageUrl
        : null;
  }
}
