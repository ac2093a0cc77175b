package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.worker.AnalysisWorkerHandler;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.testing.WithLocalMode;

/**
 * Officers ask for themes; the worker (the real engine) runs from the queue; a crashing worker's
 * message goes to the dead-letter queue while collection carries on, and a re-drive completes it
 * once.
 */
class AnalysisWorkflowTest {

  private static final String[] ANSWERS = {
    "A search box where I can filter by my child's age and needs",
    "Being able to search by age group and type of disability",
    "Search by disability and age would make it so much easier",
    "Filter services by age range and need please",
    "A named key worker I can phone when I am stuck",
    "Someone to talk to, a key worker who knows our family",
    "A single named contact person instead of being passed around",
    "Having one person to call who understands SEND",
    "Plain English with no jargon or acronyms",
    "Information written in plain English that parents can understand",
    "Stop using acronyms like EHCP and SENCO without explaining them",
    "Easy to read pages without professional jargon",
  };

  @WithLocalMode static LocalMode local;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void seed() throws Exception {
    for (int i = 0; i < 36; i++) {
      String text = ANSWERS[i % ANSWERS.length] + (i >= ANSWERS.length ? " (" + i + ")" : "");
      assertEquals(
          201,
          post(
                  "/api/v1/councils/demo/consultations/local-offer-2026/responses",
                  "application/json",
                  "{\"answers\":{\"find-information\":\"" + text + "\"}}",
                  null)
              .statusCode());
    }
  }

  private static HttpResponse<String> post(String path, String type, String body, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Cookie", "yousaid-officer=" + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + path))
            .header("Cookie", "yousaid-officer=" + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String officerToken() {
    return local.officerSignIn(
        "officer-1", "officer@demo.example", List.of("council-demo"), Duration.ofMinutes(30));
  }

  private static void requestAnalysis(String token) throws Exception {
    String themesPath = "/officer/councils/demo/consultations/local-offer-2026/themes";
    Matcher csrf =
        Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get(themesPath, token).body());
    assertTrue(csrf.find());
    HttpResponse<String> queued =
        post(
            "/officer/councils/demo/consultations/local-offer-2026/analysis",
            "application/x-www-form-urlencoded",
            "csrf=" + csrf.group(1),
            token);
    assertEquals(303, queued.statusCode(), queued.body());
  }

  private static QuestionAnalysis analysis() {
    Services s = local.services();
    return s.analyses().find("demo", "local-offer-2026", "find-information").orElseThrow();
  }

  @Test
  void aCrashingWorkerParksTheJobThenARedriveCompletesItOnce() throws Exception {
    String token = officerToken();
    RequestHandler<SQSEvent, SQSBatchResponse> real = new AnalysisWorkerHandler(local.services());
    local
        .analysisQueue()
        .consumer(
            (event, context) -> {
              throw new IllegalStateException("simulated crash of the analysis function");
            });
    requestAnalysis(token);
    assertTrue(local.analysisQueue().awaitIdle(60, TimeUnit.SECONDS));
    assertEquals(
        3,
        local.analysisQueue().deadLetterCount(),
        "one message per free-text question, each after 3 receives");
    assertEquals(AnalysisStatus.QUEUED, analysis().status());

    // Collection does not depend on analysis.
    assertEquals(
        201,
        post(
                "/api/v1/councils/demo/consultations/local-offer-2026/responses",
                "application/json",
                "{\"answers\":{\"find-information\":\"Still collecting while analysis is down\"}}",
                null)
            .statusCode());

    local.analysisQueue().consumer(real);
    assertEquals(3, local.analysisQueue().redrive());
    assertTrue(local.analysisQueue().awaitIdle(5, TimeUnit.MINUTES));
    assertEquals(0, local.analysisQueue().deadLetterCount());
    QuestionAnalysis done = analysis();
    assertEquals(AnalysisStatus.DONE, done.status(), String.valueOf(done.problem()));
    assertEquals(37, done.answers());
    assertTrue(done.themes().size() >= 2, "themes found: " + done.themes().size());
    long distinctIds = done.themes().stream().map(t -> t.id()).distinct().count();
    assertEquals(done.themes().size(), distinctIds, "no duplicate themes");
    int analysed =
        local.services().analyses().answers("demo", "local-offer-2026", "find-information").size();
    assertEquals(37, analysed, "one analysis per answer, however often the message was delivered");

    String page = get("/officer/councils/demo/consultations/local-offer-2026/themes", token).body();
    assertTrue(page.contains("other answers support this answer"), "the councils' own format");

    // Officers filter responses by theme and by sentiment.
    var someTheme = done.themes().stream().filter(t -> !t.other()).findFirst().orElseThrow();
    String byTheme =
        get(
                "/api/v1/officer/councils/demo/consultations/local-offer-2026/responses?theme="
                    + someTheme.id(),
                token)
            .body();
    long members =
        local.services().analyses().answers("demo", "local-offer-2026", "find-information").stream()
            .filter(a -> a.themeIds().contains(someTheme.id()))
            .count();
    assertTrue(members > 0);
    assertTrue(
        byTheme.startsWith("{\"total\":" + members + ","),
        "theme filter: " + members + " members expected");
    int bySentiment = 0;
    for (String sentiment : List.of("positive", "neutral", "negative")) {
      String body =
          get(
                  "/api/v1/officer/councils/demo/consultations/local-offer-2026/responses?sentiment="
                      + sentiment,
                  token)
              .body();
      Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(body);
      assertTrue(total.find());
      bySentiment += Integer.parseInt(total.group(1));
    }
    assertEquals(37, bySentiment, "every analysed answer has exactly one sentiment");
    assertEquals(
        200,
        get(
                "/officer/councils/demo/consultations/local-offer-2026/responses?sentiment=negative&theme="
                    + someTheme.id(),
                token)
            .statusCode());

    // An officer corrects a theme: rename, approve a consented quote, write "we did".
    var first = done.themes().stream().filter(t -> !t.other()).findFirst().orElseThrow();
    String themePath =
        "/officer/councils/demo/consultations/local-offer-2026/themes/find-information/"
            + first.id();
    String detail = get(themePath, token).body();
    String csrf = csrfOf(detail);
    assertEquals(
        303,
        post(
                themePath,
                "application/x-www-form-urlencoded",
                "csrf=" + csrf + "&action=rename&label=Officer+named+theme",
                token)
            .statusCode());
    assertEquals(
        303,
        post(
                themePath,
                "application/x-www-form-urlencoded",
                "csrf="
                    + csrf
                    + "&action=we-did&text=We+added+a+search+filter&status=done&date=2026-11-01",
                token)
            .statusCode());
    assertEquals(
        400,
        post(
                themePath,
                "application/x-www-form-urlencoded",
                "csrf=" + csrf + "&action=approve",
                token)
            .statusCode(),
        "approving needs a selected answer");
    // Approving every member as a quote is refused, saying why: none of them consented. The
    // report shows no quote.
    String allMembers =
        String.join(
            "&",
            local
                .services()
                .analyses()
                .answers("demo", "local-offer-2026", "find-information")
                .stream()
                .filter(a -> a.themeIds().contains(first.id()))
                .map(a -> "answer=" + a.responseId())
                .toList());
    HttpResponse<String> refused =
        post(
            themePath,
            "application/x-www-form-urlencoded",
            "csrf=" + csrf + "&action=approve&" + allMembers,
            token);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("cannot be quoted"), refused.body());
    String report =
        get("/officer/councils/demo/consultations/local-offer-2026/report", token).body();
    assertTrue(
        report.contains("Officer named theme") && report.contains("Sentiment of all answers"),
        "the report shows corrected themes and sentiment");
    assertTrue(
        !report.contains("Quotes approved for publication"),
        "no respondent consented, so no quote");

    // Running again keeps the ids of themes that persist, and the corrections with them.
    Map<String, String> labelsBefore = new java.util.HashMap<>();
    done.themes().forEach(t -> labelsBefore.put(t.id(), t.label()));
    requestAnalysis(token);
    assertTrue(local.analysisQueue().awaitIdle(5, TimeUnit.MINUTES));
    QuestionAnalysis again = analysis();
    assertEquals(AnalysisStatus.DONE, again.status());
    assertTrue(
        again.themes().stream().anyMatch(t -> labelsBefore.containsKey(t.id())),
        "theme ids persist across runs");
    if (again.themes().stream().anyMatch(t -> t.id().equals(first.id()))) {
      String after =
          get("/officer/councils/demo/consultations/local-offer-2026/themes", token).body();
      assertTrue(after.contains("Officer named theme"), "the rename survives re-analysis");
      assertTrue(after.contains("We added a search filter"), "the response survives re-analysis");
    }
  }

  private static String csrfOf(String page) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(m.find());
    return m.group(1);
  }
}
