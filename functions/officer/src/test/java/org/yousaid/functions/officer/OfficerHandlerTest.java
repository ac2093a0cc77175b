package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * The handler's own job, over every route it serves: the sign-in check (401), tenancy (403), CSRF
 * on cookie-authenticated posts, and error pages for people and problem details for API clients.
 * OfficerAuthTest in local/ checks the same against template.yaml's routes over HTTP.
 */
class OfficerHandlerTest {

  private static final List<String> SIGN_IN =
      List.of("GET /officer/sign-in", "POST /officer/sign-in", "GET /officer/callback");

  @WithDynamoDb static DynamoTable table;
  private static OfficerFixture fixture;
  private static List<String> guarded;

  @BeforeAll
  static void start() {
    fixture = new OfficerFixture(table);
    guarded = fixture.handler.routeKeys().stream().filter(r -> !SIGN_IN.contains(r)).toList();
    assertTrue(guarded.size() > 20, "the officer routes: " + guarded);
  }

  private static String method(String routeKey) {
    return routeKey.substring(0, routeKey.indexOf(' '));
  }

  private static String path(String routeKey) {
    return routeKey
        .substring(routeKey.indexOf(' ') + 1)
        .replace("{council}", "demo")
        .replace("{consultation}", OfficerFixture.LOCAL_OFFER)
        .replace("{question}", "find-information")
        .replace("{theme}", "t1")
        .replace("{format}", "csv");
  }

  /** The route called with this session cookie (or none) and, for posts, this form body. */
  private static Reply call(String routeKey, String token, String form) {
    boolean post = method(routeKey).equals("POST");
    return Reply.of(
        fixture.gateway.send(
            method(routeKey),
            path(routeKey),
            Map.of(),
            token == null ? List.of() : List.of(OfficerSession.COOKIE + "=" + token),
            post ? "application/x-www-form-urlencoded" : null,
            post ? (form == null ? "" : form) : null));
  }

  @Test
  void everyRouteButSignInRefusesARequestWithoutAValidToken() {
    String forged =
        OfficerFixture.token(
            "officer@example",
            List.of("demo"),
            Instant.now(),
            Duration.ofMinutes(10),
            OfficerFixture.newKey(fixture.signingKey().getKeyID()));
    String expired =
        OfficerFixture.token(
            "officer@example",
            List.of("demo"),
            Instant.now().minus(Duration.ofHours(2)),
            Duration.ofMinutes(10),
            fixture.signingKey());
    for (String route : guarded) {
      for (String token : new String[] {null, "not-a-jwt", forged, expired, "x".repeat(9000)}) {
        Reply refused = call(route, token, null);
        assertEquals(401, refused.status(), route + " with " + token);
        assertFalse(refused.body().contains("Tell us what would help"), route);
      }
    }
  }

  @Test
  void pagesShowASignInLinkAndApiRoutesAnswerWithProblemDetails() {
    Reply page = call("GET /officer", null, null);
    assertEquals(401, page.status());
    assertTrue(page.header("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("You need to sign in"));
    assertTrue(page.body().contains("/officer/sign-in"), "a way to sign in");
    Reply api = call("GET /api/v1/officer/councils/{council}/consultations", null, null);
    assertEquals(401, api.status());
    assertTrue(api.header("Content-Type").orElse("").startsWith("application/problem+json"));
    assertTrue(api.body().contains("\"status\":401"), api.body());
  }

  @Test
  void everyCouncilRouteRefusesAnotherCouncilsOfficer() {
    String otherCouncil = fixture.token("x@elsewhere.example", List.of("elsewhere"));
    String csrf = org.yousaid.functions.officer.auth.Session.csrfToken(otherCouncil);
    int councilRoutes = 0;
    for (String route : guarded) {
      if (route.contains("{council}")) {
        councilRoutes++;
        Reply refused = call(route, otherCouncil, "csrf=" + csrf);
        assertEquals(403, refused.status(), route);
        assertFalse(
            refused.body().contains(OfficerFixture.COUNCIL_NAME),
            "nothing of the other council leaks: " + route);
      }
    }
    assertTrue(councilRoutes > 20);
    assertTrue(fixture.analysisJobs.isEmpty() && fixture.publishJobs.isEmpty());
  }

  @Test
  void anOfficerSeesEveryPageOfTheirOwnCouncil() {
    String demo = fixture.token("demo@demo.example", List.of("demo"));
    for (String route : guarded) {
      if (method(route).equals("GET")) {
        Reply ok = call(route, demo, null);
        // No analysis has run here, so a theme or analysis-version page is a clear 404 rather
        // than a 200, saying why; so is a register entry that nobody's comment made.
        boolean needsAnalysis = route.contains("{theme}") || route.contains("/analysis/{question}");
        boolean needsData = needsAnalysis || route.contains("{entry}");
        assertEquals(needsData ? 404 : 200, ok.status(), route + ": " + ok.body());
        if (needsAnalysis && route.contains("/analysis/")) {
          assertTrue(ok.body().contains("has not been analysed yet"), route + ": " + ok.body());
        }
      }
    }
  }

  @Test
  void formPostsNeedTheSessionsCsrfToken() {
    String demo = fixture.token("demo@demo.example", List.of("demo"));
    String signOut = "POST /officer/sign-out";
    assertEquals(403, call(signOut, demo, "").status());
    assertEquals(403, call(signOut, demo, "csrf=wrong").status());
    String csrf = OfficerSession.csrf(call("GET /officer", demo, null).body());
    String anotherSession = fixture.token("demo@demo.example", List.of("demo"));
    assertEquals(
        403, call(signOut, anotherSession, "csrf=" + csrf).status(), "a token is one session's");
    for (String route : guarded) {
      if (method(route).equals("POST") && !route.contains("/api/")) {
        Reply refused = call(route, demo, "action=open");
        assertEquals(403, refused.status(), route + " without a CSRF token");
        assertTrue(refused.body().contains("This form has expired"), route);
      }
    }
    Reply signedOut = call(signOut, demo, "csrf=" + csrf);
    assertEquals(303, signedOut.status());
    assertTrue(
        signedOut.header("Location").orElse("").startsWith("https://signin.invalid/logout?"),
        "Cognito's logout, back to our sign-in page");
    assertEquals(401, call("GET /officer", demo, null).status(), "the token's session is over");
  }

  @Test
  void aCookieAloneCannotPostAnythingButAForm() {
    String demo = fixture.token("demo@demo.example", List.of("demo"));
    Reply json =
        Reply.of(
            fixture.gateway.send(
                "POST",
                "/api/v1/officer/councils/demo/consultations/local-offer-2026/import",
                Map.of(),
                List.of(OfficerSession.COOKIE + "=" + demo),
                "text/csv",
                "find-information\nSent by another site\n"));
    assertEquals(403, json.status(), "a cross-site page cannot set the Authorization header");
    assertEquals(0, fixture.services.responses().countForConsultation("demo", "local-offer-2026"));
  }

  @Test
  void signInStartsCognitosHostedFlowAndItsCallbackNeedsTheFlowCookie() {
    Reply start = call("GET /officer/sign-in", null, null);
    assertEquals(303, start.status());
    String location = start.header("Location").orElse("");
    assertTrue(location.startsWith("https://signin.invalid/oauth2/authorize?"), location);
    assertTrue(location.contains("code_challenge_method=S256") && location.contains("state="));
    assertTrue(
        location.contains(
            "redirect_uri="
                + OfficerSession.enc("https://" + ApiGateway.DOMAIN + "/officer/callback")));
    Reply noCode = call("GET /officer/callback", null, null);
    assertEquals(400, noCode.status());
    Reply forgedState =
        Reply.of(
            fixture.gateway.send(
                "GET",
                "/officer/callback?code=abc&state=made-up",
                Map.of(),
                List.of(),
                null,
                null));
    assertEquals(400, forgedState.status(), "the state must match the flow cookie");
    assertTrue(forgedState.body().contains("Sign-in did not finish"));
  }
}
