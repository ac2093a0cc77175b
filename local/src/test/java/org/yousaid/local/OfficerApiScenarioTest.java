package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.json.Json;
import org.yousaid.testing.WithLocalMode;

/**
 * A council's own system drives yousaid end to end through JSON alone, over real HTTP to local mode
 * with the real analysis worker and publisher: it creates a consultation, opens it, sends 45
 * parents' answers through the public API, asks for themes, corrects them (rename, split, an
 * approved quote, a dated "we did"), has the parent carer forum co-sign, signs off and publishes,
 * and reads what was published. Nothing here uses an HTML page.
 */
class OfficerApiScenarioTest {

  private static final String ID = "api-scenario-2027";
  private static final String API = "/api/v1/officer/councils/demo/consultations/" + ID;
  private static final String QUESTION = "find-information";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @WithLocalMode static LocalMode local;

  @Test
  void anIntegrationConsultsThemesCorrectsAndPublishesThroughTheJsonApi() throws Exception {
    String token =
        local.officerSignIn(
            "subject-integration",
            "integration@demo.example",
            List.of("council-demo"),
            Duration.ofHours(1));

    // 1. A consultation from the Local Offer template, its closing date set, opened.
    JsonNode created =
        expect(
            201,
            post(
                "/api/v1/officer/councils/demo/consultations",
                token,
                "{\"template\":\"local-offer\",\"id\":\""
                    + ID
                    + "\",\"title\":\"Finding information 2027\"}",
                "scenario-create-0001"));
    assertEquals("DRAFT", created.path("status").asText());
    expect(200, post(API, token, "{\"closes\":\"2030-12-31\"}", null));
    assertEquals(
        "OPEN",
        expect(200, post(API + "/status", token, "{\"status\":\"OPEN\"}", null))
            .path("status")
            .asText());

    // 2. Parents answer through the public API.
    Map<String, OfficerLoopAnswers.Answer> sent = new HashMap<>();
    int n = 0;
    for (OfficerLoopAnswers.Answer a : OfficerLoopAnswers.ANSWERS) {
      String body =
          Json.write(
              Map.of(
                  "answers", Map.of(QUESTION, a.text()),
                  "profile", Map.of("role", "parent-carer"),
                  "consentToQuote", a.consent()));
      JsonNode receipt =
          expect(
              201,
              post(
                  "/api/v1/councils/demo/consultations/" + ID + "/responses",
                  null,
                  body,
                  "scenario-answer-" + (n++)));
      sent.put(receipt.path("responseId").asText(), a);
    }
    assertEquals(
        OfficerLoopAnswers.ANSWERS.size(),
        expect(200, get(API + "/responses", token)).path("total").asInt());

    // 3. Themes, found by the real engine in the background.
    expect(202, post(API + "/analysis", token, "{\"themeCount\":8}", "scenario-run-0001"));
    assertTrue(local.analysisQueue().awaitIdle(10, TimeUnit.MINUTES), "the worker finished");
    JsonNode question = expect(200, get(API + "/themes", token)).path("questions").path(0);
    assertEquals(QUESTION, question.path("id").asText());
    assertEquals("done", question.path("status").asText(), question.toString());
    JsonNode largest = null;
    for (JsonNode t : question.path("themes")) {
      if (!t.path("other").asBoolean()
          && (largest == null || t.path("count").asInt() > largest.path("count").asInt())) {
        largest = t;
      }
    }
    assertNotNull(largest, question.toString());
    String themeId = largest.path("id").asText();
    String themePath = API + "/themes/" + QUESTION + "/" + themeId;

    // 4. Corrections: rename, approve a consenting parent's quote, split one answer off, we did.
    expect(
        200,
        post(
            themePath,
            token,
            "{\"action\":\"rename\",\"label\":\"What parents told us first\"}",
            "scenario-fix-0001"));
    JsonNode theme = expect(200, get(themePath, token));
    assertEquals("What parents told us first", theme.path("label").asText());
    List<String> quotable = new ArrayList<>();
    List<String> notQuotable = new ArrayList<>();
    for (JsonNode m : theme.path("members")) {
      String id = m.path("responseId").asText();
      assertEquals(
          sent.get(id).consent(),
          m.path("quotable").asBoolean(),
          "quotable exactly when the parent agreed: " + m);
      (m.path("quotable").asBoolean() ? quotable : notQuotable).add(id);
    }
    assertTrue(theme.path("members").size() >= 2, theme.toString());
    assertFalse(quotable.isEmpty(), theme.toString());
    if (!notQuotable.isEmpty()) {
      JsonNode refused =
          expect(
              422,
              post(
                  themePath,
                  token,
                  "{\"action\":\"approve\",\"answers\":[\"" + notQuotable.get(0) + "\"]}",
                  null));
      assertEquals("answers", refused.path("errors").path(0).path("field").asText());
    }
    String quoted = quotable.get(0);
    String quoteText = null;
    for (JsonNode m : theme.path("members")) {
      if (m.path("responseId").asText().equals(quoted)) {
        quoteText = m.path("quote").asText();
      }
    }
    assertNotNull(quoteText);
    expect(
        200,
        post(themePath, token, "{\"action\":\"approve\",\"answers\":[\"" + quoted + "\"]}", null));
    String splitAnswer =
        theme.path("members").findValuesAsText("responseId").stream()
            .filter(id -> !id.equals(quoted))
            .findFirst()
            .orElseThrow();
    JsonNode split =
        expect(
            200,
            post(
                themePath,
                token,
                "{\"action\":\"split\",\"label\":\"Split off by the integration\",\"answers\":[\""
                    + splitAnswer
                    + "\"]}",
                "scenario-split-0001"));
    String newTheme = split.path("newThemeId").asText();
    JsonNode splitTheme = expect(200, get(API + "/themes/" + QUESTION + "/" + newTheme, token));
    assertEquals("Split off by the integration", splitTheme.path("label").asText());
    assertEquals(splitAnswer, splitTheme.path("members").path(0).path("responseId").asText());
    expect(
        200,
        post(
            themePath,
            token,
            "{\"action\":\"we-did\",\"text\":\"We put every service on one searchable page\","
                + "\"status\":\"done\",\"date\":\"2027-03-01\"}",
            "scenario-we-did-0001"));
    JsonNode byTheme = expect(200, get(API + "/responses?theme=" + themeId, token));
    assertFalse(
        byTheme.path("responses").findValuesAsText("id").contains(splitAnswer),
        "the split answer left the theme");

    // 5. Closed, reviewed by the forum, signed off and published.
    expect(200, post(API + "/status", token, "{\"status\":\"CLOSED\"}", null));
    JsonNode draft = expect(200, get(API + "/publish", token));
    String fingerprint = draft.path("draft").asText();
    JsonNode row = null;
    for (JsonNode t : draft.path("themes")) {
      if (t.path("label").asText().equals("What parents told us first")) {
        row = t;
      }
    }
    assertNotNull(row, draft.toString());
    assertEquals(
        "We put every service on one searchable page", row.path("weDid").path("response").asText());
    assertTrue(row.path("quotes").toString().contains(Json.write(quoteText)), row.toString());
    String forum =
        local.officerSignIn(
            "subject-forum", "chair@forum.example", List.of("reviewer-demo"), Duration.ofHours(1));
    expect(
        201,
        post(
            API + "/review",
            forum,
            "{\"coSign\":true,\"comment\":\"Agreed\",\"draft\":\"" + fingerprint + "\"}",
            "scenario-cosign-0001"));
    expect(
        403,
        post(
            API + "/publish", forum, "{\"confirm\":true,\"draft\":\"" + fingerprint + "\"}", null));
    expect(422, post(API + "/publish", token, "{\"draft\":\"" + fingerprint + "\"}", null));
    JsonNode accepted =
        expect(
            202,
            post(
                API + "/publish",
                token,
                "{\"confirm\":true,\"draft\":\"" + fingerprint + "\"}",
                "scenario-publish-0001"));
    assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES));
    assertEquals(0, local.publishQueue().deadLetterCount());

    // 6. The result, read back: the publication record and the public JSON.
    JsonNode version = expect(200, get(API + "/publish", token)).path("versions").path(0);
    assertEquals(accepted.path("requestId").asText(), version.path("requestId").asText());
    assertEquals("integration@demo.example", version.path("approvedBy").path("name").asText());
    assertEquals("chair@forum.example", version.path("coSignedBy").path(0).path("name").asText());
    JsonNode published = expect(200, get("/published/demo/" + ID + "/you-said-we-did.json", null));
    JsonNode publishedTheme = null;
    for (JsonNode q : published.path("questions")) {
      for (JsonNode t : q.path("themes")) {
        if (t.path("label").asText().equals("What parents told us first")) {
          publishedTheme = t;
        }
      }
    }
    assertNotNull(publishedTheme, published.toString());
    assertEquals("done", publishedTheme.path("weDid").path("status").asText());
    assertEquals("2027-03-01", publishedTheme.path("weDid").path("date").asText());
    String quotes = publishedTheme.path("quotes").toString() + publishedTheme.path("exemplar");
    assertTrue(
        quotes.contains(Json.write(quoteText)), "the approved quote is published: " + quotes);
    for (String id : notQuotable) {
      assertFalse(
          quotes.contains(sent.get(id).text()), "no unconsented answer is published: " + id);
    }
    assertFalse(
        published.toString().contains("integration@") || published.toString().contains("forum."),
        "sign-off names stay in the publication record");
  }

  private static JsonNode expect(int status, HttpResponse<String> response) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    String type = response.headers().firstValue("Content-Type").orElse("");
    return type.contains("json") ? Json.mapper().readTree(response.body()) : null;
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = request(path);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String token, String json, String key)
      throws Exception {
    HttpRequest.Builder b =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + path))
        .timeout(Duration.ofSeconds(60));
  }
}
