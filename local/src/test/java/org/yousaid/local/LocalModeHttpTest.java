package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.testing.WithLocalMode;

/** The whole submission path over real HTTP, against DynamoDB Local kept in a folder. */
class LocalModeHttpTest {

  private static final String API =
      "/api/v1/councils/demo/consultations/local-offer-2026/responses";
  private static final Pattern RECEIPT = Pattern.compile("\"receipt\":\"([0-9A-Z\\-]+)\"");

  @WithLocalMode static LocalMode local;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + path));
  }

  private static HttpResponse<String> postJson(String path, String json, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder b =
        to(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b);
  }

  private static HttpResponse<String> postForm(String path, String form) throws Exception {
    return send(
        to(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static int stored() {
    return local.services().responses().countForConsultation("demo", "local-offer-2026");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void jsonSubmissionIsStoredOnceAndAReplayReturnsTheSameReceipt() throws Exception {
    int before = stored();
    String body =
        "{\"answers\":{\"find-information\":\"A search box by age\"},\"consentToQuote\":false}";
    HttpResponse<String> first = postJson(API, body, "test-key-json-0001");
    HttpResponse<String> again = postJson(API, body, "test-key-json-0001");
    assertEquals(201, first.statusCode(), first.body());
    assertEquals(201, again.statusCode());
    assertEquals(first.body(), again.body());
    assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
    assertEquals(before + 1, stored());
  }

  @Test
  void formSubmissionShowsAReceiptAndIsStoredOnceEvenWhenPostedTwice() throws Exception {
    int before = stored();
    HttpResponse<String> page = send(to("/c/demo/local-offer-2026"));
    assertEquals(200, page.statusCode());
    Matcher token =
        Pattern.compile("name=\"formToken\" value=\"([0-9a-f\\-]{36})\"").matcher(page.body());
    assertTrue(token.find());
    String form =
        "formToken="
            + token.group(1)
            + "&"
            + enc("q.find-information")
            + "="
            + enc("Plain English, please")
            + "&"
            + enc("q.search-by")
            + "=age&"
            + enc("q.search-by")
            + "=disability&"
            + enc("profile.role")
            + "=parent-carer&consent=yes";
    HttpResponse<String> sent = postForm("/c/demo/local-offer-2026", form);
    HttpResponse<String> resent = postForm("/c/demo/local-offer-2026", form);
    assertEquals(200, sent.statusCode());
    Matcher receipt =
        Pattern.compile("class=\"yousaid-receipt\">([0-9A-Z\\-]{14})<").matcher(sent.body());
    assertTrue(receipt.find(), "confirmation shows the receipt code");
    assertTrue(resent.body().contains(receipt.group(1)), "a re-sent form shows the same receipt");
    assertEquals(before + 1, stored());
  }

  @Test
  void badInputGetsAClearErrorAndStoresNothing() throws Exception {
    int before = stored();
    HttpResponse<String> invalidJson = postJson(API, "{\"answers\": {", null);
    assertEquals(400, invalidJson.statusCode());
    assertTrue(invalidJson.body().contains("not valid JSON"));

    HttpResponse<String> missing = postJson(API, "{\"answers\":{}}", null);
    assertEquals(400, missing.statusCode());
    assertTrue(missing.body().contains("find-information"), missing.body());
    assertTrue(missing.body().contains("What would help you find information"), missing.body());

    assertEquals(
        404,
        postJson("/api/v1/councils/demo/consultations/nope/responses", "{\"answers\":{}}", null)
            .statusCode());
    assertEquals(
        404,
        postJson(
                "/api/v1/councils/elsewhere/consultations/local-offer-2026/responses",
                "{\"answers\":{}}",
                null)
            .statusCode());

    HttpResponse<String> tooBig =
        postJson(API, "{\"answers\":{\"find-information\":\"" + "x".repeat(70_000) + "\"}}", null);
    assertEquals(413, tooBig.statusCode());

    HttpResponse<String> tooLong =
        postJson(API, "{\"answers\":{\"find-information\":\"" + "x".repeat(2001) + "\"}}", null);
    assertEquals(400, tooLong.statusCode());
    assertTrue(tooLong.body().contains("2000 characters or fewer"));

    HttpResponse<String> wrongType =
        send(
            to(API)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
    assertEquals(415, wrongType.statusCode());

    HttpResponse<String> wrongShape =
        postJson(API, "{\"answers\":{\"find-information\":{\"nested\":true}}}", null);
    assertEquals(400, wrongShape.statusCode());

    HttpResponse<String> formMissing = postForm("/c/demo/local-offer-2026", "q.find-information=");
    assertEquals(400, formMissing.statusCode());
    assertTrue(formMissing.body().contains("govuk-error-summary"));
    assertTrue(formMissing.body().contains("href=\"#q-find-information\""));

    assertEquals(before, stored());
  }

  @Test
  void aClosedConsultationRefusesAnswersWith409() throws Exception {
    var consultations = local.services().consultations();
    Consultation survey = consultations.find("demo", "ehc-plan-survey").orElseThrow();
    consultations.save(survey.withStatus(ConsultationStatus.CLOSED));
    try {
      HttpResponse<String> refused =
          postJson(
              "/api/v1/councils/demo/consultations/ehc-plan-survey/responses",
              "{\"answers\":{\"outcomes-clear\":\"clear\"}}",
              null);
      assertEquals(409, refused.statusCode());
      assertTrue(refused.body().contains("closed"));
      assertEquals(0, local.services().responses().countForConsultation("demo", "ehc-plan-survey"));
    } finally {
      consultations.save(survey);
    }
  }

  @Test
  void scriptInAnswersIsEscapedWhereverItIsShown() throws Exception {
    String attack = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    HttpResponse<String> created =
        postJson(
            API,
            "{\"answers\":{\"find-information\":\"" + attack.replace("\"", "\\\"") + "\"}}",
            null);
    Matcher receipt = RECEIPT.matcher(created.body());
    assertTrue(receipt.find());
    HttpResponse<String> page = postForm("/receipt", "receipt=" + receipt.group(1));
    assertEquals(200, page.statusCode());
    assertFalse(page.body().contains("<script>alert(1)"));
    assertFalse(page.body().contains("<img src=x"));
    assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    HttpResponse<String> rerendered =
        postForm("/c/demo/local-offer-2026", "q.anything-else=" + enc(attack));
    assertEquals(400, rerendered.statusCode());
    assertFalse(rerendered.body().contains("<script>alert(1)"));
    assertTrue(rerendered.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  }

  @Test
  void erasingByReceiptRemovesTheResponseAndAnUnknownReceiptIs404() throws Exception {
    HttpResponse<String> created =
        postJson(API, "{\"answers\":{\"find-information\":\"Erase me\"}}", null);
    String code = RECEIPT.matcher(created.body()).results().findFirst().orElseThrow().group(1);
    assertEquals(200, send(to("/api/v1/receipts/" + code)).statusCode());
    int before = stored();
    assertEquals(204, send(to("/api/v1/receipts/" + code).DELETE()).statusCode());
    assertEquals(before - 1, stored());
    assertEquals(404, send(to("/api/v1/receipts/" + code)).statusCode());
    assertEquals(404, send(to("/api/v1/receipts/" + code).DELETE()).statusCode());
    assertEquals(404, send(to("/api/v1/receipts/ZZZZ-ZZZZ-ZZZZ")).statusCode());
    assertEquals(404, send(to("/api/v1/receipts/not-a-code")).statusCode());
  }

  @Test
  void pageFeedbackIsStoredAgainstThePage() throws Exception {
    HttpResponse<String> created =
        postJson(
            "/api/v1/councils/demo/page-feedback",
            "{\"pageUrl\":\"https://localoffer.example.gov.uk/short-breaks?q=child+name\",\"useful\":false,\"comment\":\"Hard to find the phone number\"}",
            null);
    assertEquals(201, created.statusCode(), created.body());
    String code = RECEIPT.matcher(created.body()).results().findFirst().orElseThrow().group(1);
    String stored = send(to("/api/v1/receipts/" + code)).body();
    assertTrue(
        stored.contains("\"subject\":\"https://localoffer.example.gov.uk/short-breaks\""),
        "query string dropped: " + stored);
    assertEquals(
        400,
        postJson("/api/v1/councils/demo/page-feedback", "{\"useful\":true}", null).statusCode());

    // The no-JavaScript snippet posts a form: its mistakes come back as a page a person can read.
    HttpResponse<String> formError = postForm("/api/v1/councils/demo/page-feedback", "useful=yes");
    assertEquals(400, formError.statusCode());
    assertTrue(formError.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(formError.body().contains("Say which page or service this feedback is about"));
  }
}
