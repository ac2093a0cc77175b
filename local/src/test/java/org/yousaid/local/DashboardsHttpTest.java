package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.testing.WithLocalMode;

/**
 * What the dashboards need from local mode itself: page feedback from script is allowed for the
 * council's own site only (CORS, set by local mode's PAGE_FEEDBACK_ORIGINS), and the demo answers
 * local mode adds on its first start. The dashboard pages themselves are tested beside their code,
 * in functions/officer (DashboardPagesTest).
 */
class DashboardsHttpTest {

  private static final String COUNCIL_SITE = "http://localoffer.demo.example:8000";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @WithLocalMode(pageFeedbackOrigins = "demo=" + COUNCIL_SITE)
  static LocalMode local;

  private static HttpResponse<String> feedback(String json, String origin) throws Exception {
    return post("/api/v1/councils/demo/page-feedback", json, origin);
  }

  private static HttpResponse<String> post(String path, String json, String origin)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (origin != null) {
      b.header("Origin", origin);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> preflight(String council, String origin) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + local.port()
                        + "/api/v1/councils/"
                        + council
                        + "/page-feedback"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type,idempotency-key")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void onlyTheCouncilsOwnSiteMaySendFeedbackFromScript() throws Exception {
    HttpResponse<String> allowed = preflight("demo", COUNCIL_SITE);
    assertEquals(204, allowed.statusCode());
    assertEquals(
        COUNCIL_SITE, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertEquals("POST", allowed.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
    String headers =
        allowed
            .headers()
            .firstValue("Access-Control-Allow-Headers")
            .orElse("")
            .toLowerCase(java.util.Locale.ROOT);
    assertTrue(headers.contains("content-type") && headers.contains("idempotency-key"));
    assertTrue(allowed.headers().firstValue("Vary").orElse("").contains("Origin"));

    HttpResponse<String> otherSite = preflight("demo", "https://evil.example");
    assertEquals(403, otherSite.statusCode());
    assertTrue(otherSite.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    assertEquals(
        403,
        preflight("elsewhere", COUNCIL_SITE).statusCode(),
        "the origin is allowed for the demo council only");

    HttpResponse<String> sent =
        feedback(
            "{\"pageUrl\":\"https://localoffer.demo.example/send/cors\",\"useful\":true}",
            COUNCIL_SITE);
    assertEquals(201, sent.statusCode());
    assertEquals(
        COUNCIL_SITE, sent.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    HttpResponse<String> invalid =
        feedback("{\"pageUrl\":\"https://localoffer.demo.example/send/cors\"}", COUNCIL_SITE);
    assertEquals(400, invalid.statusCode());
    assertEquals(
        COUNCIL_SITE,
        invalid.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
        "the script can read why an answer was refused");
    HttpResponse<String> fromElsewhere =
        feedback(
            "{\"pageUrl\":\"https://localoffer.demo.example/send/cors\",\"useful\":true}",
            "https://evil.example");
    assertNull(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
  }

  @Test
  void demoAnswersAreAddedOnceAndAreTheSameEveryTime(@TempDir Path fresh) throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    var first = DemoData.pageFeedbackAnswers(clock);
    var again = DemoData.pageFeedbackAnswers(clock);
    assertEquals(first, again, "deterministic");
    assertTrue(first.size() > 400, "enough to look real: " + first.size());
    assertTrue(
        first.stream().allMatch(r -> !r.submittedAt().isAfter(clock.instant())),
        "nothing in the future");
    assertEquals(
        DemoData.MONTHS,
        first.stream()
            .map(r -> org.yousaid.functions.officer.dashboards.Months.of(r.submittedAt()))
            .distinct()
            .count());
    var stages = DemoData.stageSurveyAnswers(clock);
    assertTrue(stages.size() > 200);
    for (var stage : org.yousaid.shared.model.EhcStage.values()) {
      assertTrue(
          stages.stream().filter(r -> r.profile().ehcStage() == stage).count() >= 20,
          stage + " has answers");
    }
    // A second local mode, without this class's answers: a first start's seeding is under test.
    try (LocalMode other = LocalMode.start(fresh, 0)) {
      int added = DemoData.seedAnswers(other.services(), clock);
      assertEquals(first.size() + stages.size(), added);
      assertEquals(0, DemoData.seedAnswers(other.services(), clock), "only once");
      assertEquals(
          first.size(), other.services().responses().countForConsultation("demo", "page-feedback"));
      OfficerBrowser demo = new OfficerBrowser(other, "demo@demo.example", List.of("demo"));
      assertTrue(
          demo.get("/officer/councils/demo/page-feedback")
              .body()
              .contains(first.size() + " answers"));
      assertEquals(200, demo.get("/officer/councils/demo/ehc-stages").statusCode());
    }
  }
}
