package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.publisher.PublishHandler;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.themes.AnalysisRepository;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.testing.CapturedOutput;
import org.yousaid.testing.WithLocalMode;

/**
 * The whole path in local mode, with the real NLP engine: parents answer (some with their child's
 * name and contact details, some without consent to be quoted), officers theme, approve every
 * answer as a quote and publish; not one planted detail reaches the published site, which local
 * mode serves at /published/. A crashing publisher leaves the site as it was, and a re-drive
 * publishes.
 */
@WithLocalMode
class PublishWorkflowTest {

  private static final String[] ANSWERS = {
    "A search box where I can filter by my child's age and needs",
    "Being able to search by age group and type of disability",
    "A named key worker I can phone when I am stuck",
    "Someone to talk to, a key worker who knows our family",
    "Plain English with no jargon or acronyms",
    "Information written in plain English that parents can understand",
  };

  /**
   * Answers carrying personal data; the respondent agreed to be quoted, so only redaction stands in
   * the way.
   */
  private static final String[] PERSONAL = {
    "My son Oliver Thompson needs a search by age, please email sarah.thompson@example.com or call 07700 900123",
    "We live at 22 Meadow Road, CV34 5QT and nobody told us about the key worker for Jessica Brown",
    "Plain English please. My daughter Emily Watson was born on 3 May 2015 and her NHS number is 943 476 5919",
  };

  private static final List<String> CANARIES =
      List.of(
          "Oliver",
          "Thompson",
          "sarah.thompson",
          "07700 900123",
          "900123",
          "Meadow Road",
          "CV34 5QT",
          "Jessica",
          "Emily Watson",
          "Watson",
          "3 May 2015",
          "943 476 5919",
          "NOCONSENT-",
          "officer@demo.example",
          "officer-1");

  private static LocalMode local;
  private static OfficerBrowser officer;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * Everything printed while the test runs: the officer function, the worker and the publisher log
   * here too.
   */
  private static CapturedOutput output;

  @BeforeAll
  static void start(CapturedOutput captured, LocalMode started) throws Exception {
    // In this order: the capture starts before local mode, so it also sees the functions start.
    output = captured;
    local = started;
    officer = new OfficerBrowser(local, "officer@demo.example", List.of("demo"));
    String[] districts = {"North", "North", "South", "East", "North", "West"};
    for (int i = 0; i < 30; i++) {
      boolean consent = i % 5 != 4;
      String text =
          i < PERSONAL.length
              ? PERSONAL[i]
              : ANSWERS[i % ANSWERS.length] + (consent ? "" : " NOCONSENT-" + i);
      String json =
          "{\"answers\":{\"find-information\":\""
              + text
              + "\",\"format\":\""
              + (i % 3 == 0 ? "website" : "keyworker")
              + "\"},\"profile\":{\"role\":\"parent-carer\",\"district\":\""
              + districts[i % districts.length]
              + "\"},\"consentToQuote\":"
              + consent
              + "}";
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      uri("/api/v1/councils/demo/consultations/local-offer-2026/responses"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(201, r.statusCode(), r.body());
    }
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + local.port() + path);
  }

  private static HttpResponse<String> anonymous(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, byte[]> siteFiles() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.exists(local.site().root())) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(local.site().root())) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(local.site().root().relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void officersPublishOnlyRedactedConsentedQuotesAndTheSiteSurvivesACrashingPublisher()
      throws Exception {
    String base = "/officer/councils/demo/consultations/local-offer-2026";
    assertEquals(303, officer.postForm(base + "/analysis", "").statusCode());
    assertTrue(local.analysisQueue().awaitIdle(5, TimeUnit.MINUTES));
    AnalysisRepository analyses = local.services().analyses();
    QuestionAnalysis analysis =
        analyses.find("demo", "local-offer-2026", "find-information").orElseThrow();
    List<AnswerAnalysis> answers = analyses.answers("demo", "local-offer-2026", "find-information");
    assertEquals(30, answers.size());

    // The most careless officer: tries to approve every answer of every theme as a quote, and
    // writes a "we did" for each. Answers whose authors did not agree are refused, one by one.
    java.util.Set<String> consented = new java.util.HashSet<>();
    local.services().responses().listForConsultation("demo", "local-offer-2026").stream()
        .filter(r -> r.consentToQuote())
        .forEach(r -> consented.add(r.id()));
    for (var theme : analysis.themes()) {
      String path = base + "/themes/find-information/" + theme.id();
      for (AnswerAnalysis a : answers) {
        if (a.themeIds().contains(theme.id())) {
          HttpResponse<String> approved =
              officer.postForm(path, "action=approve&answer=" + a.responseId());
          assertEquals(consented.contains(a.responseId()) ? 303 : 400, approved.statusCode());
          if (!consented.contains(a.responseId())) {
            assertTrue(approved.body().contains("cannot be quoted"));
          }
        }
      }
      assertEquals(
          303,
          officer
              .postForm(
                  path,
                  "action=we-did&status=in+progress&date=2026-12-01&text="
                      + OfficerBrowser.enc(
                          "We are working on "
                              + theme.label()
                              + ". Questions to send@demo.example"))
              .statusCode());
    }
    String publishPage = officer.get(base + "/publish").body();
    assertTrue(
        publishPage.contains("Publish a new version")
            && publishPage.contains("Nothing has been published yet"));
    HttpResponse<String> preview = officer.get(base + "/publish/preview");
    assertEquals(200, preview.statusCode());
    assertTrue(preview.body().contains("This page is not published yet"));

    assertEquals(303, officer.signOffAndPublish(base).statusCode());
    assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES));
    assertEquals(0, local.publishQueue().deadLetterCount());

    HttpResponse<String> page = anonymous("/published/demo/local-offer-2026/index.html");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("You said") && page.body().contains("We did"));
    assertTrue(
        page.body().contains("[name]") || page.body().contains("[email]"),
        "redacted quotes are published");
    assertEquals(200, anonymous("/published/demo/index.html").statusCode());
    assertEquals(200, anonymous("/published/demo/feed.atom").statusCode());
    assertEquals(
        200, anonymous("/published/demo/local-offer-2026/you-said-we-did.json").statusCode());
    assertEquals(
        200, anonymous("/published/demo/local-offer-2026/you-said-we-did.csv").statusCode());
    assertEquals(200, anonymous("/published/assets/govuk-frontend.min.css").statusCode());
    assertEquals(404, anonymous("/published/../../etc/passwd").statusCode());
    assertEquals(404, anonymous("/published/demo/%2e%2e/%2e%2e/%2e%2e/etc/passwd").statusCode());

    Map<String, byte[]> v1 = siteFiles();
    for (Map.Entry<String, byte[]> f : v1.entrySet()) {
      String text = new String(f.getValue(), StandardCharsets.UTF_8);
      for (String canary : CANARIES) {
        assertFalse(text.contains(canary), f.getKey() + " contains \"" + canary + "\"");
      }
    }

    // The publisher crashes: the message is retried, then parked; the site stays exactly as it was.
    local
        .publishQueue()
        .consumer(
            (event, context) -> {
              throw new IllegalStateException("simulated crash of the publish function");
            });
    assertEquals(303, officer.signOffAndPublish(base).statusCode());
    assertTrue(local.publishQueue().awaitIdle(1, TimeUnit.MINUTES));
    assertEquals(1, local.publishQueue().deadLetterCount());
    Map<String, byte[]> afterCrash = siteFiles();
    assertEquals(v1.keySet(), afterCrash.keySet());
    v1.forEach((path, bytes) -> assertArrayEquals(bytes, afterCrash.get(path), path));

    local.publishQueue().consumer(new PublishHandler(local.services(), local.site()));
    assertEquals(1, local.publishQueue().redrive());
    assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES));
    List<Publication> versions =
        local.services().publications().versions("demo", "local-offer-2026");
    assertEquals(List.of(1, 2), versions.stream().map(Publication::version).toList());
    String record = officer.get(base + "/publish").body();
    assertTrue(
        record.contains(versions.get(0).contentHash())
            && record.contains(versions.get(1).contentHash()));
    assertEquals(
        200,
        anonymous("/published/demo/local-offer-2026/versions/1/index.html").statusCode(),
        "earlier versions stay readable");

    // Officer pages, the analysis worker (with a crash), the publisher (with a crash): none logged
    // an answer.
    String logs = output.text();
    assertTrue(
        logs.contains("published council=demo consultation=local-offer-2026 version=2"),
        "the capture saw the publisher's log");
    assertTrue(logs.contains("analysed council=demo"), "the capture saw the worker's log");
    assertTrue(
        logs.contains(
            "route=POST /officer/councils/{council}/consultations/{consultation}/publish status=303"),
        "the capture saw the officer function's log");
    for (String canary : CANARIES) {
      assertFalse(logs.contains(canary), "the logs contain \"" + canary + "\"");
    }
    for (String answer : ANSWERS) {
      assertFalse(logs.contains(answer), "the logs contain an answer");
    }
  }
}
