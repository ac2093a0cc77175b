package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalModeRestartTest {

  @Test
  void answersSurviveARestartOfLocalMode(@TempDir Path data) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String receiptJson;
    try (LocalMode first = LocalMode.start(data, 0)) {
      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + first.port()
                              + "/api/v1/councils/demo/consultations/local-offer-2026/responses"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"answers\":{\"find-information\":\"Kept after restart\"}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(201, created.statusCode());
      receiptJson = created.body();
    }
    String receipt = receiptJson.replaceAll(".*\"receipt\":\"([^\"]+)\".*", "$1");
    try (LocalMode second = LocalMode.start(data, 0)) {
      HttpResponse<String> view =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:" + second.port() + "/api/v1/receipts/" + receipt))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, view.statusCode());
      assertTrue(view.body().contains("Kept after restart"));
      assertEquals(
          1, second.services().responses().countForConsultation("demo", "local-offer-2026"));
      assertEquals(
          3,
          second.services().consultations().listForCouncil("demo").size(),
          "demo data seeded once, not twice");
    }
  }
}
