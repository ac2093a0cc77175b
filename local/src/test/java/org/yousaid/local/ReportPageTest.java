package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.WithLocalMode;

/**
 * The summary report in the councils' format: Leicestershire's "48% clear / 24% neither / 28% not
 * clear", with breakdowns.
 */
class ReportPageTest {

  @WithLocalMode static LocalMode local;
  private static OfficerBrowser officer;

  @BeforeAll
  static void seed() throws Exception {
    officer = new OfficerBrowser(local, "reader@demo.example", List.of("demo"));
    HttpClient http = HttpClient.newHttpClient();
    String[] answers = new String[25];
    for (int i = 0; i < 25; i++) {
      answers[i] = i < 12 ? "clear" : i < 18 ? "neither" : "not-clear";
    }
    for (int i = 0; i < answers.length; i++) {
      String body =
          "{\"answers\":{\"outcomes-clear\":\""
              + answers[i]
              + "\"},\"profile\":{\"ageBand\":\""
              + (i % 5 == 0 ? "0-5" : "5-16")
              + "\",\"ehcStage\":\"final-plan\"}}";
      HttpResponse<String> sent =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + local.port()
                              + "/api/v1/councils/demo/consultations/ehc-plan-survey/responses"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(201, sent.statusCode(), sent.body());
    }
  }

  @Test
  void closedQuestionsShowCountsSharesChartsAndBreakdowns() throws Exception {
    HttpResponse<String> page =
        officer.get("/officer/councils/demo/consultations/ehc-plan-survey/report");
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    assertTrue(html.contains("25 responses"));
    assertTrue(html.contains("Question 1: How clear are the outcomes"));
    assertTrue(
        html.contains("48% (12)") && html.contains("24% (6)") && html.contains("28% (7)"),
        "the seed's own figures");
    assertTrue(html.contains("<svg role=\"img\""), "an inline chart");
    assertTrue(
        html.contains("Clear 48%, Neither clear nor not clear 24%, Not clear 28%"),
        "the chart's text alternative says the numbers");
    assertTrue(
        html.contains("By child&#39;s age") || html.contains("By child's age"),
        "a breakdown by age band");
    assertTrue(html.contains("0 to 5 years (5)"), "5 of 25 are 0-5");
    assertTrue(html.contains("0 answers."), "a question nobody answered shows 0, not an error");
  }

  @Test
  void officersDownloadTheReportAsCsvSpreadsheetWordAndPdf() throws Exception {
    String base = "/officer/councils/demo/consultations/ehc-plan-survey/export/";
    var csv = officer.get(base + "csv");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.body().contains("Neither clear nor not clear"));
    for (String[] f :
        new String[][] {
          {"xlsx", "spreadsheetml"}, {"docx", "wordprocessingml"}, {"pdf", "application/pdf"}
        }) {
      var file = officer.getBytes(base + f[0]);
      assertEquals(200, file.statusCode(), f[0]);
      assertTrue(file.headers().firstValue("Content-Type").orElse("").contains(f[1]), f[0]);
      assertTrue(
          file.headers()
              .firstValue("Content-Disposition")
              .orElse("")
              .contains("ehc-plan-survey-report." + f[0]));
      byte[] body = file.body();
      String magic = new String(body, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      assertEquals(
          f[0].equals("pdf") ? "%PDF" : "PK\u0003\u0004",
          magic,
          f[0] + " is a real " + f[0] + " file");
    }
    assertEquals(404, officer.get(base + "exe").statusCode());
  }

  @Test
  void anotherCouncilsOfficerCannotReadIt() throws Exception {
    OfficerBrowser elsewhere =
        new OfficerBrowser(local, "x@elsewhere.example", List.of("elsewhere"));
    assertEquals(
        403,
        elsewhere.get("/officer/councils/demo/consultations/ehc-plan-survey/report").statusCode());
  }
}
