package org.yousaid.functions.publicweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.functions.publicweb.HandlerFixture.XSS;
import static org.yousaid.functions.publicweb.HandlerFixture.bodyOf;
import static org.yousaid.functions.publicweb.HandlerFixture.event;
import static org.yousaid.functions.publicweb.HandlerFixture.header;
import static org.yousaid.functions.publicweb.HandlerFixture.withBody;
import static org.yousaid.functions.publicweb.HandlerFixture.withPathParameter;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * The public HTML routes, driven by the sample events in {@code events/} against DynamoDB Local.
 */
@WithDynamoDb
class PublicFormHandlerTest {

  private static final Pattern RECEIPT =
      Pattern.compile("class=\"yousaid-receipt\">([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<");
  private static final String FIND_INFORMATION =
      "What would help you find information about services for your child or young person?";

  private HandlerFixture fixture;
  private PublicFormHandler handler;

  @BeforeEach
  void setUp(DynamoTable table) {
    fixture = new HandlerFixture(table);
    handler = new PublicFormHandler(fixture.services);
  }

  private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, null);
  }

  private static void assertHtml(APIGatewayV2HTTPResponse response, int status) {
    assertEquals(status, response.getStatusCode(), response::getBody);
    assertEquals("text/html; charset=utf-8", header(response, "Content-Type"));
    assertTrue(response.getBody().startsWith("<!DOCTYPE html>"), response::getBody);
    assertTrue(header(response, "Content-Security-Policy").contains("default-src 'self'"));
  }

  private static String receiptIn(String html) {
    Matcher m = RECEIPT.matcher(html);
    assertTrue(m.find(), "no receipt code in: " + html);
    return m.group(1);
  }

  /** The sample form post with one field's value replaced (or added). */
  private static APIGatewayV2HTTPEvent formPostWith(String field, String value) {
    APIGatewayV2HTTPEvent event = event("post-form.json");
    String body = bodyOf(event);
    String encoded =
        URLEncoder.encode(field, StandardCharsets.UTF_8)
            + "="
            + URLEncoder.encode(value, StandardCharsets.UTF_8);
    String replaced =
        body.replaceFirst(
            "(^|&)" + Pattern.quote(URLEncoder.encode(field, StandardCharsets.UTF_8)) + "=[^&]*",
            "$1" + Matcher.quoteReplacement(encoded));
    return withBody(
        event, replaced.equals(body) && !body.contains(encoded) ? body + "&" + encoded : replaced);
  }

  @Test
  void getFormShowsEveryQuestionWithAFreshFormToken() {
    APIGatewayV2HTTPResponse response = handle(event("get-form.json"));
    assertHtml(response, 200);
    String html = response.getBody();
    assertTrue(
        html.contains(
            "<h1 class=\"govuk-heading-l\">Tell us what would help you use our Local Offer</h1>"),
        html);
    assertTrue(
        html.contains(
            "<title>Tell us what would help you use our Local Offer - Demo Borough Council</title>"),
        html);
    assertTrue(html.contains("name=\"q.find-information\""));
    assertTrue(html.contains("name=\"q.search-by\""));
    assertTrue(html.contains("name=\"profile.district\" type=\"radio\" value=\"North\""));
    assertTrue(html.contains("action=\"/c/demo/local-offer-2026\""));
    assertTrue(
        Pattern.compile("name=\"formToken\" value=\"[0-9a-f-]{36}\"").matcher(html).find(), html);
    assertEquals("no-store", header(response, "Cache-Control"));
  }

  @Test
  void getFormForTheEhcSurveyAsksWhichStage() {
    APIGatewayV2HTTPEvent event =
        withPathParameter(event("get-form.json"), "consultation", HandlerFixture.EHC_SURVEY);
    APIGatewayV2HTTPResponse response = handle(event);
    assertHtml(response, 200);
    assertTrue(response.getBody().contains("Which stage have you just finished?"));
    assertTrue(response.getBody().contains("name=\"q.outcomes-clear\""));
  }

  @Test
  void unknownConsultationIsAnHtml404() {
    APIGatewayV2HTTPResponse response =
        handle(withPathParameter(event("get-form.json"), "consultation", "no-such-thing"));
    assertHtml(response, 404);
    assertTrue(
        response.getBody().contains("There is no consultation at this address"),
        response.getBody());
  }

  @Test
  void theCouncilPageListsItsConsultationsAndAnUnknownCouncilIsAnHtml404() {
    APIGatewayV2HTTPResponse page = handle(event("get-council.json"));
    assertHtml(page, 200);
    assertTrue(page.getBody().contains("Open consultations"), page.getBody());
    assertTrue(page.getBody().contains("href=\"/c/demo/local-offer-2026\""), page.getBody());
    APIGatewayV2HTTPResponse unknown =
        handle(withPathParameter(event("get-council.json"), "council", "nowhere"));
    assertHtml(unknown, 404);
    assertTrue(unknown.getBody().contains("We cannot find a council at this address"));
  }

  @Test
  void closedConsultationShowsNoFormAndRefusesAPost() {
    APIGatewayV2HTTPResponse page =
        handle(withPathParameter(event("get-form.json"), "consultation", HandlerFixture.CLOSED));
    assertHtml(page, 200);
    assertTrue(page.getBody().contains("This consultation has closed"), page.getBody());
    assertTrue(page.getBody().contains("href=\"/c/demo\""), "a way on to the council's other ones");
    assertFalse(page.getBody().contains("<form method=\"post\""));

    int before = fixture.itemCount();
    APIGatewayV2HTTPResponse response =
        handle(withPathParameter(event("post-form.json"), "consultation", HandlerFixture.CLOSED));
    assertHtml(response, 409);
    assertTrue(response.getBody().contains("This consultation has closed"), response.getBody());
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void theFormAndTheSubmissionAgreeOnWhetherTheConsultationIsOpen() {
    // A consultation open only in a window far from today: the handler's clock, not the machine's,
    // decides.
    java.time.Instant inWindow = java.time.Instant.parse("2031-01-15T12:00:00Z");
    HandlerFixture later =
        new HandlerFixture(
            fixture.table, java.time.Clock.fixed(inWindow, java.time.ZoneOffset.UTC));
    later
        .services
        .consultations()
        .save(
            org.yousaid.shared.templates.ConsultationTemplates.localOffer(
                "demo",
                "Demo Borough Council",
                "window-2031",
                java.util.List.of("North"),
                java.time.Instant.parse("2031-01-01T00:00:00Z"),
                java.time.Instant.parse("2031-02-01T00:00:00Z")));
    PublicFormHandler inWindowHandler = new PublicFormHandler(later.services);
    APIGatewayV2HTTPResponse page =
        inWindowHandler.handleRequest(
            withPathParameter(event("get-form.json"), "consultation", "window-2031"), null);
    assertHtml(page, 200);
    assertTrue(
        page.getBody().contains("<form method=\"post\" action=\"/c/demo/window-2031\""),
        page.getBody());
    assertFalse(page.getBody().contains("has closed"));
    // Stored as the first moment answers are refused: midnight after the last day, in UK time.
    assertTrue(
        page.getBody().contains("This consultation closes on 31 January 2031 at 11:59pm."),
        page.getBody());
    APIGatewayV2HTTPEvent post =
        withPathParameter(event("post-form.json"), "consultation", "window-2031");
    withBody(post, bodyOf(post).replace("profile.district=North&", ""));
    assertHtml(inWindowHandler.handleRequest(post, null), 200);
  }

  @Test
  void postFormStoresTheAnswersAndShowsAReceiptThatFindsThem() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPResponse response = handle(event("post-form.json"));
    assertHtml(response, 200);
    assertTrue(response.getBody().contains("Your answers have been sent"));
    String receipt = receiptIn(response.getBody());
    assertTrue(fixture.itemCount() > before);
    assertEquals(1, fixture.services.responses().countForConsultation("demo", "local-offer-2026"));

    var stored = fixture.services.responses().findByReceipt(receipt).orElseThrow();
    assertEquals("local-offer-2026", stored.consultationId());
    assertTrue(stored.consentToQuote());
    assertEquals("North", stored.profile().district());
    assertTrue(
        stored.answers().stream()
            .anyMatch(
                a ->
                    a.questionId().equals("search-by")
                        && a.choices().equals(java.util.List.of("disability", "age"))),
        stored.answers().toString());
  }

  @Test
  void theSameFormPostedTwiceIsStoredOnce() {
    String first = receiptIn(handle(event("post-form.json")).getBody());
    int after = fixture.itemCount();
    APIGatewayV2HTTPResponse again = handle(event("post-form.json"));
    assertHtml(again, 200);
    assertEquals(first, receiptIn(again.getBody()));
    assertEquals(after, fixture.itemCount());
    assertEquals(1, fixture.services.responses().countForConsultation("demo", "local-offer-2026"));
  }

  @Test
  void theSameFormTokenWithDifferentAnswersIsRefused() {
    handle(event("post-form.json"));
    int after = fixture.itemCount();
    APIGatewayV2HTTPResponse response = handle(formPostWith("q.format", "printed"));
    assertHtml(response, 409);
    assertTrue(
        response.getBody().contains("You have already sent answers from this page"),
        response.getBody());
    assertEquals(after, fixture.itemCount());
  }

  @Test
  void missingRequiredAnswerReRendersTheFormWithAnErrorSummaryAndKeepsTheOtherAnswers() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPResponse response = handle(formPostWith("q.find-information", "   "));
    assertHtml(response, 400);
    String html = response.getBody();
    assertTrue(html.contains("<title>Error: "), "title must start with Error:");
    assertTrue(html.contains("There is a problem"));
    assertTrue(
        html.contains(
            "<a href=\"#q-find-information\">Enter an answer for &quot;"
                + FIND_INFORMATION
                + "&quot;</a>"),
        html);
    assertTrue(html.contains("id=\"q-find-information-error\""));
    assertTrue(
        html.contains(
            "aria-describedby=\"q-find-information-hint q-find-information-error q-find-information-info\""),
        html);
    // What was given survives, so nobody has to type it again.
    assertTrue(html.contains("value=\"disability\" checked"));
    assertTrue(html.contains("value=\"keyworker\" checked"));
    assertTrue(
        html.contains("Clear information on who pays for transport &amp; respite.</textarea>"),
        html);
    assertTrue(html.contains("name=\"formToken\" value=\"3f2b8c4e-9d1a-4c6b-8e7f-1a2b3c4d5e6f\""));
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void overLongFreeTextIsRefusedWithTheLimit() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPResponse response =
        handle(formPostWith("q.find-information", "a".repeat(2001)));
    assertHtml(response, 400);
    assertTrue(
        response.getBody().contains("must be 2000 characters or fewer. It has 2001."),
        response.getBody());
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void anAnswerExactlyAtTheLimitIsAccepted() {
    APIGatewayV2HTTPResponse response =
        handle(formPostWith("q.find-information", "é".repeat(2000)));
    assertHtml(response, 200);
  }

  @Test
  void unknownOptionIsRefused() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPResponse response = handle(formPostWith("q.format", "carrier-pigeon"));
    assertHtml(response, 400);
    assertTrue(
        response.getBody().contains("Select one of the options given for"), response.getBody());
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void bodyOverTheLimitIs413() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPResponse response =
        handle(formPostWith("q.anything-else", "x".repeat(PublicFormHandler.MAX_FORM_BYTES)));
    assertHtml(response, 413);
    assertTrue(response.getBody().contains("too long to send in one go"), response.getBody());
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void wrongContentTypeIs415() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPEvent event = event("post-form.json");
    event.getHeaders().put("content-type", "application/json");
    APIGatewayV2HTTPResponse response = handle(event);
    assertHtml(response, 415);
    assertTrue(
        response.getBody().contains("application/x-www-form-urlencoded"), response.getBody());
    event.getHeaders().remove("content-type");
    assertEquals(415, handle(event).getStatusCode());
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void invalidBase64BodyIs400() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPEvent event = event("post-form.json");
    event.setBody("this is %%% not base64");
    APIGatewayV2HTTPResponse response = handle(event);
    assertHtml(response, 400);
    assertTrue(response.getBody().contains("could not be read"), response.getBody());
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void invalidUtf8BodyIs400() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPEvent event = event("post-form.json");
    byte[] valid = bodyOf(event).getBytes(StandardCharsets.UTF_8);
    byte[] broken = java.util.Arrays.copyOf(valid, valid.length + 2);
    broken[valid.length] = (byte) 0xC3; // a lead byte followed by something that cannot continue it
    broken[valid.length + 1] = (byte) 0x28;
    event.setBody(Base64.getEncoder().encodeToString(broken));
    APIGatewayV2HTTPResponse response = handle(event);
    assertHtml(response, 400);
    assertTrue(response.getBody().contains("not valid UTF-8"), response.getBody());
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void malformedPercentEncodingIs400() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPResponse response =
        handle(withBody(event("post-form.json"), "q.find-information=100%&consent=yes"));
    assertHtml(response, 400);
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void aFormWithTooManyFieldsIs400() {
    int before = fixture.itemCount();
    APIGatewayV2HTTPResponse response =
        handle(withBody(event("post-form.json"), "q.x=1&".repeat(501)));
    assertHtml(response, 400);
    assertTrue(response.getBody().contains("too many fields"), response.getBody());
    assertEquals(before, fixture.itemCount());
  }

  @Test
  void anUnknownRouteIsAnHtml404() {
    APIGatewayV2HTTPEvent event = event("get-form.json");
    event.setRouteKey("GET /nowhere");
    assertHtml(handle(event), 404);
  }

  @Test
  void scriptInAnAnswerIsEscapedOnTheFormWithErrorsTheConfirmationAndTheReceiptPage() {
    // Re-rendered with errors: the required answer is missing, the script sits in another one.
    APIGatewayV2HTTPEvent withError = formPostWith("q.confidence", XSS);
    withBody(
        withError,
        bodyOf(withError).replaceFirst("q\\.find-information=[^&]*", "q.find-information="));
    String errorPage = handle(withError).getBody();
    assertFalse(errorPage.contains(XSS), errorPage);
    assertFalse(errorPage.contains("<script>window.__xss"), errorPage);
    assertTrue(
        errorPage.contains(
            "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;</textarea>"),
        errorPage);

    APIGatewayV2HTTPResponse confirmation = handle(formPostWith("q.confidence", XSS));
    assertHtml(confirmation, 200);
    assertFalse(confirmation.getBody().contains("<script>window.__xss"));
    assertFalse(confirmation.getBody().contains("onerror=\"window"));
    String receipt = receiptIn(confirmation.getBody());

    APIGatewayV2HTTPResponse receiptPage =
        handle(withBody(event("post-receipt-lookup.json"), "receipt=" + receipt));
    assertHtml(receiptPage, 200);
    assertFalse(receiptPage.getBody().contains("<script>window.__xss"), receiptPage.getBody());
    assertFalse(receiptPage.getBody().contains("<img src=x"), receiptPage.getBody());
    assertTrue(
        receiptPage
            .getBody()
            .contains(
                "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;"),
        receiptPage.getBody());
  }

  @Test
  void receiptLookupPageIsAForm() {
    APIGatewayV2HTTPResponse response = handle(event("get-receipt-lookup.json"));
    assertHtml(response, 200);
    assertTrue(response.getBody().contains("<form method=\"post\" action=\"/receipt\""));
    assertTrue(
        response
            .getBody()
            .contains(
                "<label class=\"govuk-label govuk-label--l\" for=\"receipt\">See or delete your answers</label>"));
    assertFalse(response.getBody().contains("There is a problem"));
  }

  @Test
  void receiptLookupRefusesACodeThatCannotBeOne() {
    APIGatewayV2HTTPResponse response =
        handle(withBody(event("post-receipt-lookup.json"), "receipt=hello%3Cb%3E"));
    assertHtml(response, 400);
    assertTrue(response.getBody().contains("Enter your receipt code"));
    assertTrue(response.getBody().contains("value=\"hello&lt;b&gt;\""), response.getBody());
  }

  @Test
  void receiptLookupOfAnUnknownCodeIs404() {
    APIGatewayV2HTTPResponse response = handle(event("post-receipt-lookup.json"));
    assertHtml(response, 404);
    assertTrue(response.getBody().contains("We cannot find answers with this receipt code"));
  }

  @Test
  void receiptPageShowsTheAnswersWithLabelsThenEraseRemovesThem() {
    String receipt = receiptIn(handle(event("post-form.json")).getBody());
    // Typed loosely: lower case, spaces instead of dashes.
    String typed = receipt.toLowerCase(java.util.Locale.ROOT).replace('-', ' ');
    APIGatewayV2HTTPResponse page =
        handle(withBody(event("post-receipt-lookup.json"), "receipt=" + typed.replace(" ", "+")));
    assertHtml(page, 200);
    String html = page.getBody();
    assertTrue(html.contains("<h1 class=\"govuk-heading-l\">Your answers</h1>"));
    assertTrue(html.contains("Search by disability or need, Search by age"), html);
    assertTrue(html.contains("A named person I can talk to"));
    assertTrue(html.contains("Parent or carer"));
    assertTrue(html.contains("name=\"receipt\" value=\"" + receipt + "\""));

    int before = fixture.itemCount();
    String eraseBody = bodyOf(event("post-receipt-erase.json")).replace("K7QM-2XD9-F3PA", receipt);
    APIGatewayV2HTTPResponse erased = handle(withBody(event("post-receipt-erase.json"), eraseBody));
    assertHtml(erased, 200);
    assertTrue(erased.getBody().contains("Your answers have been deleted"));
    assertTrue(fixture.itemCount() < before);
    assertEquals(0, fixture.services.responses().countForConsultation("demo", "local-offer-2026"));

    assertEquals(
        404,
        handle(withBody(event("post-receipt-lookup.json"), "receipt=" + receipt)).getStatusCode());
    assertEquals(
        404, handle(withBody(event("post-receipt-erase.json"), eraseBody)).getStatusCode());
  }

  @Test
  void receiptPostWithTheWrongContentTypeIs415() {
    APIGatewayV2HTTPEvent event = event("post-receipt-lookup.json");
    event.getHeaders().put("content-type", "text/plain");
    assertHtml(handle(event), 415);
  }

  @Test
  void assetsAreServedFromTheAllowList() {
    APIGatewayV2HTTPResponse css = handle(event("get-asset.json"));
    assertEquals(200, css.getStatusCode());
    assertEquals("text/css; charset=utf-8", header(css, "Content-Type"));
    assertTrue(css.getBody().contains(".yousaid-receipt"));
    assertEquals("public, max-age=86400", header(css, "Cache-Control"));

    APIGatewayV2HTTPResponse govuk =
        handle(withPathParameter(event("get-asset.json"), "file", "govuk-frontend.min.js"));
    assertEquals(200, govuk.getStatusCode());
    assertEquals("text/javascript; charset=utf-8", header(govuk, "Content-Type"));

    APIGatewayV2HTTPResponse missing =
        handle(withPathParameter(event("get-asset.json"), "file", "..%2Fpom.xml"));
    assertEquals(404, missing.getStatusCode());
    assertEquals("application/problem+json", header(missing, "Content-Type"));
    assertNotEquals(-1, missing.getBody().indexOf("\"status\":404"), missing.getBody());
  }

  @Test
  void theAlertSampleEventsFindNothingTheyDoNotKnow() {
    APIGatewayV2HTTPResponse optIn = handle(event("post-receipt-alerts.json"));
    assertEquals(404, optIn.getStatusCode(), "no answers have this receipt code");
    assertEquals(404, handle(event("get-alert-stop.json")).getStatusCode());
    APIGatewayV2HTTPResponse stop = handle(event("post-alert-stop.json"));
    assertEquals(404, stop.getStatusCode());
    assertTrue(stop.getBody().contains("These emails have already stopped"), stop.getBody());
  }

  @Test
  void everyRouteInTheTemplateHasASampleEvent() {
    for (String routeKey : handler.routeKeys()) {
      boolean found = false;
      for (String name :
          new String[] {
            "get-council.json",
            "get-form.json",
            "post-form.json",
            "get-receipt-lookup.json",
            "post-receipt-lookup.json",
            "post-receipt-erase.json",
            "get-asset.json",
            "post-receipt-alerts.json",
            "get-alert-stop.json",
            "post-alert-stop.json"
          }) {
        found |= event(name).getRouteKey().equals(routeKey);
      }
      assertTrue(found, "no sample event for " + routeKey);
    }
  }
}
