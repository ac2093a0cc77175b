package org.yousaid.functions.publicweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.functions.publicweb.HandlerFixture.event;
import static org.yousaid.functions.publicweb.HandlerFixture.header;
import static org.yousaid.functions.publicweb.HandlerFixture.withBody;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Call;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Fault;
import org.yousaid.functions.common.http.RateLimiter;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * What a person sees when DynamoDB fails (their answers kept, a clear "nothing was saved", exactly
 * once after a retry), what a bot filling the honeypot gets (a plausible page, nothing stored), and
 * the per-client rate limit (429 with Retry-After).
 */
@WithDynamoDb
class PublicHardeningTest {

  private static final String TYPED =
      "My son's EHCP review was late & nobody rang back <b>twice</b>";

  private HandlerFixture fixture;
  private FaultInjectingDynamoDb faulty;
  private PublicFormHandler forms;
  private SubmissionApiHandler api;

  @BeforeEach
  void setUp(DynamoTable table) {
    fixture = new HandlerFixture(table);
    HandlerFixture.FaultyHandlers handlers = fixture.handlersWithFaults();
    faulty = handlers.faulty();
    forms = handlers.forms();
    api = handlers.api();
  }

  private int count(String type) {
    return (int)
        fixture
            .table
            .client()
            .scan(b -> b.tableName(fixture.table.name()).consistentRead(true))
            .items()
            .stream()
            .filter(i -> i.get("type") != null && type.equals(i.get("type").s()))
            .count();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static APIGatewayV2HTTPEvent formPost(String token, String extra) {
    return withBody(
        event("post-form.json"),
        "formToken="
            + token
            + "&q.find-information="
            + enc(TYPED)
            + "&q.search-by=age&profile.role=parent-carer"
            + extra);
  }

  @Test
  void formPostDuringAnOutageKeepsEveryAnswerAndARetryAfterRecoveryStoresOnce() {
    String token = "3f2b8c4e-9d1a-4c6b-8e7f-1a2b3c4d5e6f";
    faulty.failNext(Call.TRANSACT_WRITE, Fault.THROTTLE, Integer.MAX_VALUE);
    APIGatewayV2HTTPResponse refused = forms.handleRequest(formPost(token, ""), null);
    assertEquals(503, refused.getStatusCode());
    assertEquals("2", header(refused, "Retry-After"));
    String page = refused.getBody();
    assertTrue(page.contains("Sorry, we could not save your answers"), page);
    assertTrue(page.contains("nothing was saved"), page);
    // The form is back with what was typed (escaped) and the same token, so pressing the button
    // again is safe.
    assertTrue(
        page.contains(
                "My son&#39;s EHCP review was late &amp; nobody rang back &lt;b&gt;twice&lt;/b&gt;</textarea>")
            || page.contains(
                "My son&#x27;s EHCP review was late &amp; nobody rang back &lt;b&gt;twice&lt;/b&gt;</textarea>"),
        page);
    assertTrue(page.contains("value=\"" + token + "\""), page);
    assertFalse(page.contains("<b>twice</b>"));
    assertEquals(0, count("RESPONSE"));
    assertEquals(0, count("RECEIPT"));
    assertEquals(0, count("IDEMPOTENCY"));

    faulty.recover();
    APIGatewayV2HTTPResponse sent = forms.handleRequest(formPost(token, ""), null);
    assertEquals(200, sent.getStatusCode(), sent::getBody);
    assertTrue(sent.getBody().contains("Your answers have been sent"));
    APIGatewayV2HTTPResponse doubleClick = forms.handleRequest(formPost(token, ""), null);
    assertEquals(200, doubleClick.getStatusCode(), doubleClick::getBody);
    assertEquals(1, count("RESPONSE"));
    assertEquals(1, count("RECEIPT"));
    assertEquals(1, count("IDEMPOTENCY"));
  }

  @Test
  void whenEvenTheFormCannotBeReadThePageStillHoldsTheAnswersToSendAgain() {
    faulty.failNext(Call.ANY, Fault.TIMEOUT_BEFORE, Integer.MAX_VALUE);
    APIGatewayV2HTTPResponse refused =
        forms.handleRequest(formPost("3f2b8c4e-9d1a-4c6b-8e7f-1a2b3c4d5e6f", ""), null);
    assertEquals(503, refused.getStatusCode());
    String page = refused.getBody();
    assertTrue(page.contains("Sorry, we could not save your answers"), page);
    assertTrue(page.contains("name=\"q.find-information\" value=\"My son"), page);
    assertTrue(page.contains("value=\"3f2b8c4e-9d1a-4c6b-8e7f-1a2b3c4d5e6f\""), page);
    assertFalse(page.contains("<b>twice</b>"));
    faulty.recover();
    assertEquals(0, count("RESPONSE"));
  }

  @Test
  void jsonSubmissionDuringAnOutageIsA503ProblemWithRetryAfterAndTheSameKeyLaterStoresOnce() {
    faulty.failNext(Call.TRANSACT_WRITE, Fault.TRANSACTION_THROTTLED, Integer.MAX_VALUE);
    APIGatewayV2HTTPEvent request = event("post-response.json");
    request.getHeaders().put("idempotency-key", "outage-key-0001");
    APIGatewayV2HTTPResponse refused = api.handleRequest(request, null);
    assertEquals(503, refused.getStatusCode());
    assertEquals("application/problem+json", header(refused, "Content-Type"));
    assertNotNull(header(refused, "Retry-After"));
    assertTrue(refused.getBody().contains("nothing was saved"), refused.getBody());
    assertEquals(0, count("RESPONSE"));
    faulty.recover();
    APIGatewayV2HTTPEvent retry = event("post-response.json");
    retry.getHeaders().put("idempotency-key", "outage-key-0001");
    assertEquals(201, api.handleRequest(retry, null).getStatusCode());
    APIGatewayV2HTTPEvent again = event("post-response.json");
    again.getHeaders().put("idempotency-key", "outage-key-0001");
    APIGatewayV2HTTPResponse replay = api.handleRequest(again, null);
    assertEquals(201, replay.getStatusCode());
    assertEquals("true", header(replay, "Idempotent-Replayed"));
    assertEquals(1, count("RESPONSE"));
  }

  @Test
  void receiptLookupDuringAnOutageIsAClear503NotA500() {
    faulty.failNext(Call.GET_ITEM, Fault.THROTTLE, Integer.MAX_VALUE);
    APIGatewayV2HTTPResponse json = api.handleRequest(event("get-receipt.json"), null);
    assertEquals(503, json.getStatusCode(), json::getBody);
    assertNotNull(header(json, "Retry-After"));
    APIGatewayV2HTTPResponse page = forms.handleRequest(event("get-form.json"), null);
    assertEquals(503, page.getStatusCode(), page::getBody);
    assertTrue(page.getBody().contains("Please try again"), page.getBody());
  }

  @Test
  void theFormCarriesAHoneypotPeopleCannotSeeOrReach() {
    String page = forms.handleRequest(event("get-form.json"), null).getBody();
    Matcher hp =
        Pattern.compile(
                "<div class=\"yousaid-hp\" aria-hidden=\"true\">\\s*<label for=\"website\">Leave this empty</label>\\s*"
                    + "<input type=\"text\" id=\"website\" name=\"website\" value=\"\" tabindex=\"-1\" autocomplete=\"off\">")
            .matcher(page);
    assertTrue(hp.find(), page);
  }

  @Test
  void aFilledHoneypotGetsAPlausibleConfirmationAndNothingIsStored() {
    APIGatewayV2HTTPResponse bot =
        forms.handleRequest(
            formPost(
                "3f2b8c4e-9d1a-4c6b-8e7f-1a2b3c4d5e6f",
                "&website=" + enc("http://spam.example/buy")),
            null);
    assertEquals(200, bot.getStatusCode());
    assertTrue(bot.getBody().contains("Your answers have been sent"));
    assertTrue(
        Pattern.compile("class=\"yousaid-receipt\">[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}<")
            .matcher(bot.getBody())
            .find());
    assertEquals(0, count("RESPONSE"));
    assertEquals(0, count("IDEMPOTENCY"));

    // An empty honeypot (every real person) is stored as usual.
    APIGatewayV2HTTPResponse person =
        forms.handleRequest(formPost("4f2b8c4e-9d1a-4c6b-8e7f-1a2b3c4d5e6f", "&website="), null);
    assertEquals(200, person.getStatusCode());
    assertEquals(1, count("RESPONSE"));
  }

  @Test
  void aFilledHoneypotOnThePageFeedbackFormIsThankedAndNotStored() {
    APIGatewayV2HTTPEvent bot = event("post-page-feedback.json");
    bot.getHeaders().put("content-type", "application/x-www-form-urlencoded");
    withBody(
        bot,
        "pageUrl="
            + enc("https://localoffer.example/short-breaks")
            + "&useful=no&comment=spam&website="
            + enc("x"));
    APIGatewayV2HTTPResponse thanked = api.handleRequest(bot, null);
    assertEquals(201, thanked.getStatusCode(), thanked::getBody);
    assertTrue(thanked.getBody().contains("Thank you for your feedback"));
    assertEquals(0, count("RESPONSE"));
  }

  @Test
  void oneClientOverItsRateLimitGets429WithRetryAfterAndOthersAreUnaffected() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    PublicFormHandler limited =
        new PublicFormHandler(fixture.services, RateLimiter.parse("3/60", clock));
    for (int i = 0; i < 3; i++) {
      assertEquals(200, limited.handleRequest(event("get-form.json"), null).getStatusCode());
    }
    APIGatewayV2HTTPResponse tooMany = limited.handleRequest(event("get-form.json"), null);
    assertEquals(429, tooMany.getStatusCode());
    assertEquals("20", header(tooMany, "Retry-After"));
    assertEquals("text/html; charset=utf-8", header(tooMany, "Content-Type"));
    assertTrue(
        tooMany.getBody().contains("Please wait 20 seconds, then try again"), tooMany.getBody());

    APIGatewayV2HTTPEvent other = event("get-form.json");
    other.getRequestContext().getHttp().setSourceIp("198.51.100.7");
    assertEquals(200, limited.handleRequest(other, null).getStatusCode());
    // Static assets never count.
    assertEquals(200, limited.handleRequest(event("get-asset.json"), null).getStatusCode());

    SubmissionApiHandler limitedApi =
        new SubmissionApiHandler(fixture.services, RateLimiter.parse("1/10", clock));
    assertEquals(404, limitedApi.handleRequest(event("get-receipt.json"), null).getStatusCode());
    APIGatewayV2HTTPResponse problem = limitedApi.handleRequest(event("get-receipt.json"), null);
    assertEquals(429, problem.getStatusCode());
    assertEquals("application/problem+json", header(problem, "Content-Type"));
    assertEquals("10", header(problem, "Retry-After"));
  }

  @Test
  void theRateLimitRefillsOverTime() {
    long[] now = {0};
    Clock moving =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return Instant.ofEpochMilli(now[0]);
          }
        };
    RateLimiter limiter = RateLimiter.parse("2/10", moving);
    assertTrue(limiter.acquire("a").isEmpty());
    assertTrue(limiter.acquire("a").isEmpty());
    assertEquals(5, limiter.acquire("a").getAsLong());
    now[0] = 5_000;
    assertTrue(limiter.acquire("a").isEmpty());
    assertTrue(limiter.acquire("a").isPresent());
    assertFalse(RateLimiter.off().acquire("a").isPresent());
  }
}
