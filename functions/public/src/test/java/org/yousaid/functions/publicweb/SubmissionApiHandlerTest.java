package org.yousaid.functions.publicweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.functions.publicweb.HandlerFixture.XSS;
import static org.yousaid.functions.publicweb.HandlerFixture.event;
import static org.yousaid.functions.publicweb.HandlerFixture.header;
import static org.yousaid.functions.publicweb.HandlerFixture.withBody;
import static org.yousaid.functions.publicweb.HandlerFixture.withPathParameter;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.json.Json;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/** The public JSON API, driven by the sample events in {@code events/} against DynamoDB Local. */
@WithDynamoDb
class SubmissionApiHandlerTest {

  private HandlerFixture fixture;
  private SubmissionApiHandler handler;

  @BeforeEach
  void setUp(DynamoTable table) {
    fixture = new HandlerFixture(table);
    handler = new SubmissionApiHandler(fixture.services);
  }

  private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, null);
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response, int status, String contentType) {
    assertEquals(status, response.getStatusCode(), response::getBody);
    assertEquals(contentType, header(response, "Content-Type"));
    assertEquals("nosniff", header(response, "X-Content-Type-Options"));
    return Json.read(response.getBody(), JsonNode.class);
  }

  private static JsonNode problem(APIGatewayV2HTTPResponse response, int status) {
    JsonNode body = json(response, status, "application/problem+json");
    assertEquals(status, body.path("status").asInt());
    assertTrue(
        body.path("title").isTextual() && !body.path("title").asText().isBlank(),
        response.getBody());
    assertTrue(
        body.path("detail").isTextual() && !body.path("detail").asText().isBlank(),
        response.getBody());
    return body;
  }

  /** The sample submission with its JSON changed by {@code edit}. */
  private static APIGatewayV2HTTPEvent submission(java.util.function.Consumer<ObjectNode> edit) {
    APIGatewayV2HTTPEvent event = event("post-response.json");
    ObjectNode body = (ObjectNode) Json.read(event.getBody(), JsonNode.class);
    edit.accept(body);
    return withBody(event, Json.write(body));
  }

  private static ObjectNode answers(ObjectNode body) {
    return (ObjectNode) body.get("answers");
  }

  @Test
  void submissionIsStoredAndAnswered201WithAReceipt() {
    int before = fixture.itemCount();
    JsonNode body = json(handle(event("post-response.json")), 201, "application/json");
    assertTrue(body.path("responseId").asText().matches("[0-9A-HJKMNP-TV-Z]{26}"), body.toString());
    assertTrue(
        body.path("receipt").asText().matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"),
        body.toString());
    assertTrue(fixture.itemCount() > before);
    var stored =
        fixture.services.responses().findByReceipt(body.path("receipt").asText()).orElseThrow();
    assertEquals(body.path("responseId").asText(), stored.id());
    assertEquals("South", stored.profile().district());
    assertTrue(stored.consentToQuote());
  }

  @Test
  void sameIdempotencyKeyTwiceGivesTheSameReceiptAndStoresOnce() {
    JsonNode first = json(handle(event("post-response.json")), 201, "application/json");
    int after = fixture.itemCount();
    APIGatewayV2HTTPResponse again = handle(event("post-response.json"));
    JsonNode second = json(again, 201, "application/json");
    assertEquals(first.path("receipt").asText(), second.path("receipt").asText());
    assertEquals(first.path("responseId").asText(), second.path("responseId").asText());
    assertEquals("true", header(again, "Idempotent-Replayed"));
    assertEquals(after, fixture.itemCount());
    assertEquals(1, fixture.services.responses().countForConsultation("demo", "local-offer-2026"));
  }

  @Test
  void sameIdempotencyKeyWithDifferentAnswersIs409() {
    handle(event("post-response.json"));
    int after = fixture.itemCount();
    JsonNode body = problem(handle(submission(b -> answers(b).put("format", "printed"))), 409);
    assertTrue(body.path("detail").asText().contains("Idempotency-Key"), body.toString());
    assertEquals(after, fixture.itemCount());
  }

  @Test
  void withoutAKeyEachSubmissionIsNew() {
    APIGatewayV2HTTPEvent event = event("post-response.json");
    event.getHeaders().remove("idempotency-key");
    String first = json(handle(event), 201, "application/json").path("receipt").asText();
    String second = json(handle(event), 201, "application/json").path("receipt").asText();
    assertTrue(!first.equals(second));
    assertEquals(2, fixture.services.responses().countForConsultation("demo", "local-offer-2026"));
  }

  @Test
  void malformedIdempotencyKeyIs400() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPEvent event = event("post-response.json");
    event.getHeaders().put("idempotency-key", "short");
    problem(handle(event), 400);
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void invalidJsonIs400() {
    int before = fixture.itemCount();
    JsonNode body =
        problem(
            handle(
                withBody(
                    event("post-response.json"), "{\"answers\": {\"find-information\": \"x\",}")),
            400);
    assertTrue(body.path("detail").asText().contains("not valid JSON"), body.toString());
    problem(handle(withBody(event("post-response.json"), "[1, 2]")), 400);
    problem(handle(withBody(event("post-response.json"), "")), 400);
    problem(handle(withBody(event("post-response.json"), "{\"answers\": \"all good\"}")), 400);
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void missingRequiredAnswerIs400NamingTheQuestion() {
    int before = fixture.itemCount();
    JsonNode body = problem(handle(submission(b -> answers(b).remove("find-information"))), 400);
    assertTrue(
        body.path("detail")
            .asText()
            .contains(
                "What would help you find information about services for your child or young person?"),
        body.toString());
    assertEquals(
        "find-information", body.path("errors").path(0).path("field").asText(), body.toString());
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void unknownQuestionAndWrongShapeAreFieldErrors() {
    int before = fixture.itemCount();
    JsonNode body =
        problem(
            handle(
                submission(
                    b -> {
                      answers(b).put("no-such-question", "x");
                      answers(b).putObject("format").put("nested", true);
                    })),
            400);
    assertEquals(2, body.path("errors").size(), body.toString());
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void unknownConsultationIs404() {
    int before = fixture.itemCount();
    problem(
        handle(
            withPathParameter(event("post-response.json"), "consultation", "no-such-consultation")),
        404);
    problem(handle(withPathParameter(event("post-response.json"), "council", "elsewhere")), 404);
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void closedConsultationIs409() {
    int before = fixture.itemCount();
    JsonNode body =
        problem(
            handle(
                withPathParameter(
                    event("post-response.json"), "consultation", HandlerFixture.CLOSED)),
            409);
    assertEquals("This consultation has closed", body.path("title").asText());
    assertTrue(body.path("detail").asText().contains("closed on 1 March 2026"), body.toString());
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void bodyOver64KbIs413() {
    int before = fixture.itemCount();
    problem(
        handle(
            submission(
                b ->
                    answers(b)
                        .put("anything-else", "x".repeat(SubmissionApiHandler.MAX_JSON_BYTES)))),
        413);
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void freeTextOverTheQuestionsMaxLengthIs400() {
    int before = fixture.itemCount();
    JsonNode body =
        problem(handle(submission(b -> answers(b).put("confidence", "y".repeat(2001)))), 400);
    assertTrue(
        body.path("detail").asText().contains("must be 2000 characters or fewer. It has 2001."),
        body.toString());
    assertEquals("confidence", body.path("errors").path(0).path("field").asText());
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void wrongContentTypeIs415() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPEvent event = event("post-response.json");
    event.getHeaders().put("content-type", "text/plain");
    problem(handle(event), 415);
    event.getHeaders().put("content-type", "application/json; charset=utf-8");
    json(handle(event), 201, "application/json");
    assertEquals(1, fixture.services.responses().countForConsultation("demo", "local-offer-2026"));
    assertTrue(fixture.itemCount() > before);
  }

  @Test
  void invalidBase64BodyIs400() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPEvent event = event("post-response.json");
    event.setIsBase64Encoded(true);
    event.setBody("{not base64!}");
    problem(handle(event), 400);
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void base64BodyIsDecoded() {
    APIGatewayV2HTTPEvent event = event("post-response.json");
    event.setIsBase64Encoded(true);
    event.setBody(
        Base64.getEncoder().encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)));
    json(handle(event), 201, "application/json");
  }

  @Test
  void invalidUtf8BodyIs400() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPEvent event = event("post-response.json");
    byte[] broken =
        "{\"answers\":{\"find-information\":\"caf\u00e9 \"}}".getBytes(StandardCharsets.ISO_8859_1);
    event.setIsBase64Encoded(true);
    event.setBody(Base64.getEncoder().encodeToString(broken));
    JsonNode body = problem(handle(event), 400);
    assertTrue(body.path("detail").asText().contains("UTF-8"), body.toString());
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void pageFeedbackIsStoredWithoutTheQueryString() {
    int before = fixture.itemCount();
    JsonNode body = json(handle(event("post-page-feedback.json")), 201, "application/json");
    assertTrue(fixture.itemCount() > before);
    var stored =
        fixture.services.responses().findByReceipt(body.path("receipt").asText()).orElseThrow();
    assertEquals("page-feedback", stored.consultationId());
    assertEquals("https://localoffer.demo.gov.uk/services/short-breaks", stored.subject());
    assertEquals(
        "no",
        stored.answers().stream()
            .filter(a -> a.questionId().equals("useful"))
            .findFirst()
            .orElseThrow()
            .choices()
            .get(0));
  }

  @Test
  void pageFeedbackWithoutAPageOrUsefulnessIs400() {
    int before = fixture.itemCount();
    JsonNode body =
        problem(handle(withBody(event("post-page-feedback.json"), "{\"useful\": true}")), 400);
    assertEquals("pageUrl", body.path("errors").path(0).path("field").asText(), body.toString());
    problem(
        handle(
            withBody(event("post-page-feedback.json"), "{\"pageUrl\": \"https://example.org/a\"}")),
        400);
    problem(
        handle(
            withBody(
                event("post-page-feedback.json"),
                "{\"pageUrl\": \"javascript:alert(1)\", \"useful\": true}")),
        400);
    problem(
        handle(withBody(event("post-page-feedback.json"), "{\"serviceId\": 42, \"useful\": true}")),
        400);
    problem(handle(withBody(event("post-page-feedback.json"), "not json")), 400);
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void pageFeedbackFromThePlainHtmlSnippetGetsAThankYouPage() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPEvent event = event("post-page-feedback.json");
    event.getHeaders().put("content-type", "application/x-www-form-urlencoded");
    withBody(
        event,
        "pageUrl=https%3A%2F%2Flocaloffer.demo.gov.uk%2Fservices%2Fshort-breaks&useful=yes&comment=");
    APIGatewayV2HTTPResponse response = handle(event);
    assertEquals(201, response.getStatusCode(), response.getBody());
    assertEquals("text/html; charset=utf-8", header(response, "Content-Type"));
    assertTrue(
        response
            .getBody()
            .contains(
                "<a class=\"govuk-link\" href=\"https://localoffer.demo.gov.uk/services/short-breaks\">"),
        response.getBody());
    assertTrue(fixture.itemCount() > before);
  }

  @Test
  void aRouteThisHandlerDoesNotServeIs404() {
    APIGatewayV2HTTPEvent event = event("get-receipt.json");
    event.setRouteKey("PUT /api/v1/receipts/{receipt}");
    problem(handle(event), 404);
  }

  @Test
  void pageFeedbackForACouncilWithoutItIs404() {
    int before = fixture.itemCount();
    problem(
        handle(withPathParameter(event("post-page-feedback.json"), "council", "elsewhere")), 404);
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void receiptCanBeViewedThenErasedThen404() {
    String receipt =
        json(handle(submission(b -> answers(b).put("anything-else", XSS))), 201, "application/json")
            .path("receipt")
            .asText();

    APIGatewayV2HTTPEvent get = withPathParameter(event("get-receipt.json"), "receipt", receipt);
    JsonNode view = json(handle(get), 200, "application/json");
    assertEquals(receipt, view.path("receipt").asText());
    assertEquals("demo", view.path("council").asText());
    assertEquals("local-offer-2026", view.path("consultation").asText());
    assertEquals(XSS, view.path("answers").path("anything-else").asText());
    assertEquals("disability", view.path("answers").path("search-by").path(0).asText());
    assertTrue(view.path("consentToQuote").asBoolean());

    int before = fixture.itemCount();
    APIGatewayV2HTTPResponse deleted =
        handle(withPathParameter(event("delete-receipt.json"), "receipt", receipt));
    assertEquals(204, deleted.getStatusCode());
    assertNull(deleted.getBody());
    assertTrue(fixture.itemCount() < before);
    assertEquals(0, fixture.services.responses().countForConsultation("demo", "local-offer-2026"));

    problem(handle(withPathParameter(event("get-receipt.json"), "receipt", receipt)), 404);
    problem(handle(withPathParameter(event("delete-receipt.json"), "receipt", receipt)), 404);
  }

  @Test
  void sampleReceiptEventsFor404AndMalformedCodes() {
    problem(handle(event("get-receipt.json")), 404);
    problem(handle(event("delete-receipt.json")), 404);
    problem(handle(withPathParameter(event("get-receipt.json"), "receipt", "not-a-code")), 404);
  }

  @Test
  void everyRouteInTheTemplateHasASampleEvent() {
    for (String routeKey : handler.routeKeys()) {
      boolean found = false;
      for (String name :
          new String[] {
            "post-response.json",
            "post-page-feedback.json",
            "options-page-feedback.json",
            "get-receipt.json",
            "delete-receipt.json",
            "post-receipt-alert.json",
            "delete-receipt-alert.json"
          }) {
        found |= event(name).getRouteKey().equals(routeKey);
      }
      assertTrue(found, "no sample event for " + routeKey);
    }
  }
}
