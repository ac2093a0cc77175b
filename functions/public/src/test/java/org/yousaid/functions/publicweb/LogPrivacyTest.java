package org.yousaid.functions.publicweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.functions.publicweb.HandlerFixture.event;
import static org.yousaid.functions.publicweb.HandlerFixture.withBody;
import static org.yousaid.functions.publicweb.HandlerFixture.withPathParameter;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Call;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Fault;
import org.yousaid.shared.json.Json;
import org.yousaid.testing.CapturedOutput;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * Logs never carry what people wrote: answers full of distinctive canaries (a name, an email, a
 * phone number, an NHS number, health terms) go through every public route, their error paths and
 * the storage-fault paths, while everything written to System.out, System.err and the logging
 * backend (slf4j-simple writes to System.err) is captured. None of the canaries may appear.
 */
@WithDynamoDb
class LogPrivacyTest {

  private static final String NAME = "Zebediah Quonsett-Farnaby";
  private static final String EMAIL = "zq.farnaby.canary@example.org";
  private static final String PHONE = "07700 900461";
  private static final String NHS = "943 476 5919";
  private static final String HEALTH = "Xylofenamide tablets for his pathological demand avoidance";
  private static final String POSTCODE = "ZZ9 9QQ";
  private static final List<String> CANARIES =
      List.of(
          NAME,
          EMAIL,
          PHONE,
          NHS,
          HEALTH,
          POSTCODE,
          "Quonsett",
          "farnaby.canary",
          "900461",
          "Xylofenamide",
          "demand avoidance");
  private static final String ANSWER =
      "My son "
          + NAME
          + " ("
          + EMAIL
          + ", "
          + PHONE
          + ", NHS "
          + NHS
          + ", "
          + POSTCODE
          + ") takes "
          + HEALTH
          + ".";

  private CapturedOutput captured;
  private FaultInjectingDynamoDb faulty;
  private PublicFormHandler forms;
  private SubmissionApiHandler api;
  private final List<Integer> statuses = new ArrayList<>();

  /** The capture comes first, so it sees everything the handlers log. */
  @BeforeEach
  void setUp(CapturedOutput captured, DynamoTable table) {
    this.captured = captured;
    HandlerFixture.FaultyHandlers handlers = new HandlerFixture(table).handlersWithFaults();
    faulty = handlers.faulty();
    forms = handlers.forms();
    api = handlers.api();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private void api(APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPResponse r = api.handleRequest(event, null);
    statuses.add(r.getStatusCode());
  }

  private void form(APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPResponse r = forms.handleRequest(event, null);
    statuses.add(r.getStatusCode());
  }

  private static APIGatewayV2HTTPEvent json(String body, String key) {
    APIGatewayV2HTTPEvent e = withBody(event("post-response.json"), body);
    if (key != null) {
      e.getHeaders().put("idempotency-key", key);
    }
    return e;
  }

  private static String submission(String text) {
    return Json.write(
        Map.of(
            "answers",
            Map.of("find-information", text, "anything-else", text),
            "profile",
            Map.of("district", text),
            "consentToQuote",
            true));
  }

  private static APIGatewayV2HTTPEvent formPost(String token, String extra) {
    return withBody(
        event("post-form.json"),
        "formToken="
            + token
            + "&q.find-information="
            + enc(ANSWER)
            + "&q.anything-else="
            + enc(ANSWER)
            + "&profile.role=parent-carer"
            + extra);
  }

  private void everyRoute(String round) {
    String token =
        java.util.UUID.nameUUIDFromBytes(round.getBytes(StandardCharsets.UTF_8)).toString();
    // JSON submissions: stored, replayed, conflicting, invalid, malformed, too large, wrong type,
    // bad key.
    api(
        json(
            Json.write(
                Map.of("answers", Map.of("find-information", ANSWER), "consentToQuote", true)),
            "canary-key-" + round));
    api(
        json(
            Json.write(
                Map.of("answers", Map.of("find-information", ANSWER), "consentToQuote", true)),
            "canary-key-" + round));
    api(
        json(
            Json.write(Map.of("answers", Map.of("find-information", ANSWER + " changed"))),
            "canary-key-" + round));
    api(json(submission(ANSWER), null));
    api(json(Json.write(Map.of("answers", Map.of("find-information", ANSWER.repeat(200)))), null));
    api(json(Json.write(Map.of("answers", Map.of(ANSWER, ANSWER))), null));
    api(json("{\"answers\":{\"find-information\":\"" + ANSWER + "\"", null));
    api(json("{\"answers\":{\"find-information\":\"" + ANSWER.repeat(1000) + "\"}}", null));
    APIGatewayV2HTTPEvent wrongType = json("answers=" + enc(ANSWER), null);
    wrongType.getHeaders().put("content-type", "text/plain");
    api(wrongType);
    api(json(Json.write(Map.of("answers", Map.of("find-information", ANSWER))), EMAIL));
    api(withPathParameter(json(submission(ANSWER), null), "consultation", NAME));
    api(withPathParameter(json(submission(ANSWER), null), "consultation", "closed-survey"));
    // Page feedback, JSON and the no-JavaScript form, with personal data in the URL's query too.
    APIGatewayV2HTTPEvent feedback =
        withBody(
            event("post-page-feedback.json"),
            Json.write(
                Map.of(
                    "pageUrl",
                    "https://localoffer.example/short-breaks?email=" + EMAIL,
                    "useful",
                    false,
                    "comment",
                    ANSWER)));
    api(feedback);
    api(
        withBody(
            event("post-page-feedback.json"),
            Json.write(Map.of("pageUrl", ANSWER, "useful", ANSWER, "comment", List.of(ANSWER)))));
    APIGatewayV2HTTPEvent feedbackForm =
        withBody(
            event("post-page-feedback.json"),
            "serviceId=" + enc(NAME) + "&useful=no&comment=" + enc(ANSWER));
    feedbackForm.getHeaders().put("content-type", "application/x-www-form-urlencoded");
    api(feedbackForm);
    APIGatewayV2HTTPEvent feedbackBot =
        withBody(
            event("post-page-feedback.json"),
            "pageUrl="
                + enc("https://localoffer.example/")
                + "&useful=no&comment="
                + enc(ANSWER)
                + "&website="
                + enc(EMAIL));
    feedbackBot.getHeaders().put("content-type", "application/x-www-form-urlencoded");
    api(feedbackBot);
    // The HTML form: stored, sent twice, invalid (sent back), honeypot, and a bad encoding.
    form(formPost(token, "&consent=yes"));
    form(formPost(token, "&consent=yes"));
    form(formPost(token, "&q.find-information=" + enc(ANSWER.repeat(300))));
    form(formPost(java.util.UUID.randomUUID().toString(), "&website=" + enc(ANSWER)));
    form(withBody(event("post-form.json"), "q.find-information=" + enc(ANSWER) + "%ZZ"));
    form(withPathParameter(event("get-form.json"), "consultation", EMAIL));
    // Receipts: by a code made of personal data, and the lookup form with it.
    api(withPathParameter(event("get-receipt.json"), "receipt", EMAIL));
    api(withPathParameter(event("delete-receipt.json"), "receipt", PHONE));
    form(withBody(event("post-receipt-lookup.json"), "receipt=" + enc(ANSWER)));
    form(withBody(event("post-receipt-erase.json"), "receipt=" + enc(NAME) + "&action=erase"));
    form(withPathParameter(event("get-asset.json"), "file", NAME + ".css"));
  }

  @Test
  void noAnswerTextOrPersonalDataReachesTheLogsOnAnyRouteOrFault() {
    everyRoute("healthy");
    // Storage faults: throttled until given up, timeouts after a write landed, and errors that
    // quote the request.
    faulty.failNext(Call.TRANSACT_WRITE, Fault.THROTTLE, Integer.MAX_VALUE);
    everyRoute("throttled");
    faulty.recover();
    faulty.failNext(Call.TRANSACT_WRITE, Fault.TIMEOUT_AFTER, 3);
    everyRoute("timeouts");
    faulty.recover();
    faulty.failNext(Call.ANY, Fault.INTERNAL_ERROR_QUOTING_REQUEST, Integer.MAX_VALUE);
    everyRoute("internal-errors");
    faulty.recover();
    faulty.failNext(Call.TRANSACT_WRITE, Fault.VALIDATION_ERROR_QUOTING_REQUEST, Integer.MAX_VALUE);
    everyRoute("validation-errors");
    faulty.recover();

    System.out.flush();
    System.err.flush();
    String logs = captured.text();
    // The capture works and saw the handlers' own log lines, including the error paths.
    assertTrue(
        logs.contains(
            "route=POST /api/v1/councils/{council}/consultations/{consultation}/responses status=201"),
        logs);
    assertTrue(logs.contains("status=503"), "the fault paths were logged");
    assertTrue(logs.contains("status=500"), "the unexpected-error path was logged");
    assertTrue(
        statuses.contains(409)
            && statuses.contains(413)
            && statuses.contains(415)
            && statuses.contains(400));
    String lower = logs.toLowerCase(Locale.ROOT);
    for (String canary : CANARIES) {
      for (String form : List.of(canary, enc(canary), Json.write(canary))) {
        assertFalse(
            lower.contains(form.toLowerCase(Locale.ROOT)), "the logs contain \"" + form + "\"");
      }
    }
    assertEquals(5 * 27, statuses.size());
  }
}
