package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.local.officer.LocalSigningKey;
import org.yousaid.testing.WithLocalMode;

/**
 * Every officer route, over real HTTP: 401 without a valid token, 403 for another council, CSRF on
 * posts.
 */
class OfficerAuthTest {

  private static final Set<String> SIGN_IN_ROUTES =
      Set.of("GET /officer/sign-in", "POST /officer/sign-in", "GET /officer/callback");
  private static final String PASSWORD = "correct horse battery staple";

  @WithLocalMode static LocalMode local;
  private static List<SamTemplate.Route> officerRoutes;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void seed() throws Exception {
    local.officers().save("other@elsewhere.example", PASSWORD, Set.of("elsewhere"));
    local.officers().save("demo@demo.example", PASSWORD, Set.of("demo"));
    try (InputStream in =
        Files.newInputStream(
            Path.of(System.getProperty("yousaid.repo.root", "..")).resolve("template.yaml"))) {
      officerRoutes =
          SamTemplate.parse(in).functions().stream()
              .filter(f -> f.handlerClass().endsWith(".OfficerHandler"))
              .flatMap(f -> f.routes().stream())
              .filter(r -> !SIGN_IN_ROUTES.contains(r.routeKey()))
              .toList();
    }
    assertFalse(officerRoutes.isEmpty());
  }

  private static HttpResponse<String> call(
      SamTemplate.Route route, String council, String token, String body) throws Exception {
    String path =
        route
            .path()
            .replace("{council}", council)
            .replace("{consultation}", DemoData.LOCAL_OFFER)
            .replace("{question}", "find-information")
            .replace("{theme}", "t1")
            .replace("{entry}", "local-offer-2026~find-information~01NOSUCHENTRY")
            .replace("{format}", "csv");
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + path));
    if (token != null) {
      b.header("Cookie", "yousaid-officer=" + token);
    }
    if (route.method().equals("POST")) {
      b.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(List<String> councils) {
    return local.officerSignIn(
        "subject-1",
        "officer@example",
        councils.stream().map(c -> "council-" + c).toList(),
        Duration.ofMinutes(10));
  }

  @Test
  void everyOfficerRouteRefusesARequestWithoutAValidToken() throws Exception {
    String forged =
        LocalSigningKey.issue(
            "subject-1",
            "officer@example",
            List.of("council-demo"),
            Instant.now(),
            Duration.ofMinutes(10),
            new ECKeyGenerator(Curve.P_256)
                .keyID(local.signingKey().privateKey().getKeyID())
                .generate());
    String expired =
        LocalSigningKey.issue(
            "subject-1",
            "officer@example",
            List.of("council-demo"),
            Instant.now().minus(Duration.ofHours(2)),
            Duration.ofMinutes(10),
            local.signingKey().privateKey());
    for (SamTemplate.Route route : officerRoutes) {
      assertEquals(
          401, call(route, "demo", null, null).statusCode(), route.routeKey() + " without a token");
      assertEquals(
          401,
          call(route, "demo", "not-a-jwt", null).statusCode(),
          route.routeKey() + " with garbage");
      assertEquals(
          401,
          call(route, "demo", forged, null).statusCode(),
          route.routeKey() + " with a forged token");
      assertEquals(
          401,
          call(route, "demo", expired, null).statusCode(),
          route.routeKey() + " with an expired token");
    }
  }

  @Test
  void everyCouncilRouteRefusesAnotherCouncilsOfficer() throws Exception {
    String otherCouncil = token(List.of("elsewhere"));
    int councilRoutes = 0;
    for (SamTemplate.Route route : officerRoutes) {
      if (route.path().contains("{council}")) {
        councilRoutes++;
        HttpResponse<String> refused = call(route, "demo", otherCouncil, null);
        assertEquals(403, refused.statusCode(), route.routeKey());
        assertFalse(
            refused.body().contains(DemoData.COUNCIL_NAME),
            "nothing of the other council leaks: " + route.routeKey());
      }
    }
    assertTrue(councilRoutes > 0);
  }

  @Test
  void anOfficerSeesTheirOwnCouncil() throws Exception {
    String demo = token(List.of("demo"));
    for (SamTemplate.Route route : officerRoutes) {
      if (route.method().equals("GET")) {
        HttpResponse<String> ok = call(route, "demo", demo, null);
        // No analysis has run in this test, so a theme or analysis-version page is a clear 404
        // rather than a 200, saying why.
        String path = route.path();
        boolean needsAnalysis = path.contains("{theme}") || path.contains("/analysis/{question}");
        // Nor has anyone's comment made this register entry.
        boolean needsData = needsAnalysis || path.contains("{entry}");
        assertEquals(needsData ? 404 : 200, ok.statusCode(), route.routeKey() + ": " + ok.body());
        if (needsAnalysis && path.contains("/analysis/")) {
          assertTrue(ok.body().contains("has not been analysed yet"), route.routeKey());
        }
      }
    }
  }

  @Test
  void formPostsNeedTheSessionsCsrfToken() throws Exception {
    String demo = token(List.of("demo"));
    SamTemplate.Route signOut = new SamTemplate.Route("POST", "/officer/sign-out");
    assertEquals(403, call(signOut, "demo", demo, "").statusCode());
    assertEquals(403, call(signOut, "demo", demo, "csrf=wrong").statusCode());
    String dashboard = call(new SamTemplate.Route("GET", "/officer"), "demo", demo, null).body();
    Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(dashboard);
    assertTrue(csrf.find());
    assertEquals(
        403,
        call(signOut, "demo", token(List.of("demo")), "csrf=" + csrf.group(1)).statusCode(),
        "a CSRF token belongs to one session");
    assertEquals(303, call(signOut, "demo", demo, "csrf=" + csrf.group(1)).statusCode());
  }

  @Test
  void signingInWithAPasswordSetsASessionThatWorks() throws Exception {
    SamTemplate.Route signIn = new SamTemplate.Route("POST", "/officer/sign-in");
    HttpResponse<String> wrong =
        call(
            signIn,
            "demo",
            null,
            "email=demo%40demo.example&password="
                + URLEncoder.encode("wrong password!", StandardCharsets.UTF_8));
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.body().contains("Enter a correct email address and password"));
    HttpResponse<String> right =
        call(
            signIn,
            "demo",
            null,
            "email=demo%40demo.example&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
    assertEquals(303, right.statusCode());
    String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    String token = cookie.substring("yousaid-officer=".length(), cookie.indexOf(';'));
    HttpResponse<String> dashboard =
        call(new SamTemplate.Route("GET", "/officer"), "demo", token, null);
    assertEquals(200, dashboard.statusCode());
    assertTrue(dashboard.body().contains("Tell us what would help you use our Local Offer"));
  }
}
