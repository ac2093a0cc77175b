package org.yousaid.functions.publicweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.functions.publicweb.HandlerFixture.event;
import static org.yousaid.functions.publicweb.HandlerFixture.header;
import static org.yousaid.functions.publicweb.HandlerFixture.withBody;
import static org.yousaid.functions.publicweb.HandlerFixture.withPathParameter;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.common.http.AllowedOrigins;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * CORS for the embeddable page-feedback script: the preflight and the actual response carry the
 * allow headers for the deployment's configured council sites only, on that one route only.
 */
@WithDynamoDb
class PageFeedbackCorsTest {

  private static final String SITE = "https://localoffer.demo.gov.uk";
  private HandlerFixture fixture;
  private SubmissionApiHandler handler;

  @BeforeEach
  void setUp(DynamoTable table) {
    fixture = new HandlerFixture(table);
    handler =
        new SubmissionApiHandler(
            fixture.services,
            AllowedOrigins.parse(" demo=" + SITE + " , https://shared.example:8443"));
  }

  private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, null);
  }

  private static APIGatewayV2HTTPEvent from(APIGatewayV2HTTPEvent event, String origin) {
    event.getHeaders().put("origin", origin);
    return event;
  }

  @Test
  void thePreflightAllowsTheCouncilsSiteThePostAndItsTwoHeaders() {
    APIGatewayV2HTTPResponse response = handle(event("options-page-feedback.json"));
    assertEquals(204, response.getStatusCode());
    assertEquals(SITE, header(response, "Access-Control-Allow-Origin"));
    assertEquals("POST", header(response, "Access-Control-Allow-Methods"));
    assertEquals("Content-Type, Idempotency-Key", header(response, "Access-Control-Allow-Headers"));
    assertEquals("600", header(response, "Access-Control-Max-Age"));
    assertTrue(header(response, "Vary").contains("Origin"));
    assertNull(response.getBody());
    assertEquals(
        SITE.toUpperCase(java.util.Locale.ROOT).replace("HTTPS", "https"),
        header(
            handle(
                from(
                    event("options-page-feedback.json"),
                    SITE.toUpperCase(java.util.Locale.ROOT).replace("HTTPS", "https"))),
            "Access-Control-Allow-Origin"),
        "host names compare without case; the browser's own spelling is echoed");
    assertEquals(
        "https://shared.example:8443",
        header(
            handle(
                withPathParameter(
                    from(event("options-page-feedback.json"), "https://shared.example:8443"),
                    "council",
                    "other")),
            "Access-Control-Allow-Origin"),
        "a bare entry is for every council");
  }

  @Test
  void thePreflightRefusesAnyOtherSiteOrCouncil() {
    for (String origin :
        new String[] {
          "https://evil.example",
          SITE + ".evil.example",
          "http://localoffer.demo.gov.uk",
          "null",
          "https://shared.example",
          SITE + "/path"
        }) {
      APIGatewayV2HTTPResponse response = handle(from(event("options-page-feedback.json"), origin));
      assertEquals(403, response.getStatusCode(), origin);
      assertNull(header(response, "Access-Control-Allow-Origin"), origin);
    }
    APIGatewayV2HTTPEvent noOrigin = event("options-page-feedback.json");
    noOrigin.getHeaders().remove("origin");
    assertEquals(403, handle(noOrigin).getStatusCode());
    APIGatewayV2HTTPResponse otherCouncil =
        handle(withPathParameter(event("options-page-feedback.json"), "council", "elsewhere"));
    assertEquals(403, otherCouncil.getStatusCode(), "demo's site is allowed for demo only");
  }

  @Test
  void theActualResponsesCarryTheAllowHeadersForAnAllowedSiteOnly() {
    APIGatewayV2HTTPResponse created = handle(from(event("post-page-feedback.json"), SITE));
    assertEquals(201, created.getStatusCode(), created.getBody());
    assertEquals(SITE, header(created, "Access-Control-Allow-Origin"));
    assertEquals("Idempotent-Replayed", header(created, "Access-Control-Expose-Headers"));
    assertTrue(header(created, "Vary").contains("Origin"));

    APIGatewayV2HTTPResponse refused =
        handle(withBody(from(event("post-page-feedback.json"), SITE), "{\"useful\": true}"));
    assertEquals(400, refused.getStatusCode());
    assertEquals(
        SITE,
        header(refused, "Access-Control-Allow-Origin"),
        "the script may read why it was refused");

    APIGatewayV2HTTPResponse elsewhere =
        handle(from(event("post-page-feedback.json"), "https://evil.example"));
    assertEquals(
        201,
        elsewhere.getStatusCode(),
        "a server-side client is not stopped by CORS; browsers are");
    assertNull(header(elsewhere, "Access-Control-Allow-Origin"));
    assertTrue(
        header(elsewhere, "Vary").contains("Origin"),
        "caches keep answers for different sites apart");

    APIGatewayV2HTTPEvent other = event("post-response.json");
    other.getHeaders().put("origin", SITE);
    assertNull(
        header(handle(other), "Access-Control-Allow-Origin"),
        "only the page-feedback route allows other sites");
  }

  @Test
  void aDeploymentWithoutOriginsAllowsNoneAndAMistypedSettingStopsStartUp() {
    SubmissionApiHandler closed = new SubmissionApiHandler(fixture.services, AllowedOrigins.none());
    assertEquals(
        403, closed.handleRequest(event("options-page-feedback.json"), null).getStatusCode());
    assertNull(
        header(
            closed.handleRequest(from(event("post-page-feedback.json"), SITE), null),
            "Access-Control-Allow-Origin"));
    assertTrue(AllowedOrigins.parse("").isEmpty());
    assertTrue(AllowedOrigins.parse(null).isEmpty());
    assertThrows(
        IllegalArgumentException.class, () -> AllowedOrigins.parse("localoffer.demo.gov.uk"));
    assertThrows(
        IllegalArgumentException.class,
        () -> AllowedOrigins.parse("https://localoffer.demo.gov.uk/send"));
    assertThrows(IllegalArgumentException.class, () -> AllowedOrigins.parse("*"));
  }
}
