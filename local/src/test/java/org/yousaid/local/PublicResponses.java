package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yousaid.shared.json.Json;

/**
 * Sends an answer through the public JSON API as a respondent's browser or app does, for scenario
 * tests that need many answers: one place for the request (the scenarios had four copies, which
 * escaped only double quotes by hand).
 */
final class PublicResponses {
  private PublicResponses() {}

  /** The body of a response with one answer, consent to quote and, if given, a profile. */
  static String json(
      String questionId, String text, boolean consentToQuote, Map<String, String> profile) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("answers", Map.of(questionId, text));
    if (profile != null) body.put("profile", profile);
    body.put("consentToQuote", consentToQuote);
    try {
      return Json.mapper().writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts the body to the consultation's responses and asserts it was stored (201). */
  static HttpResponse<String> post(
      HttpClient http, int port, String council, String consultation, String json)
      throws java.io.IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/api/v1/councils/"
                            + council
                            + "/consultations/"
                            + consultation
                            + "/responses"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, r.statusCode(), r.body());
    return r;
  }
}
