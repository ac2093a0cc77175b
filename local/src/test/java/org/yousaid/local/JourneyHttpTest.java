package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.json.Json;
import org.yousaid.testing.WithLocalMode;

/**
 * The EHC journey, coverage and Open Referral UK pages over real HTTP in local mode, with routes
 * read from template.yaml: a DfE file uploaded as a browser sends it, a services feed of 500
 * services fetched page by page from a web server on this machine (local mode's policy allows it;
 * AWS's does not, see OrukFeedTest), and page feedback published per service id.
 */
class JourneyHttpTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @WithLocalMode static LocalMode local;

  private static String feedPage(int page, int perPage, int pages) {
    StringBuilder contents = new StringBuilder();
    for (int i = (page - 1) * perPage + 1; i <= page * perPage; i++) {
      contents
          .append(contents.length() == 0 ? "" : ",")
          .append("{\"id\":\"svc-")
          .append(i)
          .append("\",\"name\":\"Service number ")
          .append(i)
          .append("\",\"url\":\"https://localoffer.demo.example/directory/svc-")
          .append(i)
          .append("\",\"status\":\"active\"}");
    }
    return "{\"total_pages\":"
        + pages
        + ",\"page_number\":"
        + page
        + ",\"contents\":["
        + contents
        + "]}";
  }

  private static int feedback(String json) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + local.port() + "/api/v1/councils/demo/page-feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void aFeedIsFetchedPageByPageAndFeedbackIsPublishedPerService() throws Exception {
    HttpServer feed =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    feed.createContext(
        "/oruk/services",
        x -> {
          String q = x.getRequestURI().getQuery();
          int page = pageNumber(q);
          byte[] body = feedPage(page, 250, 2).getBytes(StandardCharsets.UTF_8);
          x.getResponseHeaders().add("Content-Type", "application/json");
          x.sendResponseHeaders(200, body.length);
          try (OutputStream out = x.getResponseBody()) {
            out.write(body);
          }
        });
    feed.start();
    try {
      OfficerBrowser officer = new OfficerBrowser(local, "journey@demo.example", List.of("demo"));
      String address =
          "http://127.0.0.1:" + feed.getAddress().getPort() + "/oruk/services?per_page=250";
      HttpResponse<String> fetched =
          officer.postForm("/officer/councils/demo/services", "url=" + OfficerBrowser.enc(address));
      assertEquals(303, fetched.statusCode(), fetched.body());
      HttpResponse<String> page = officer.get("/officer/councils/demo/services");
      assertTrue(page.body().contains("500 services"), "both pages of the feed");
      assertTrue(page.body().contains("Service number 499"));

      for (int i = 0; i < 9; i++) {
        assertEquals(
            201,
            feedback(
                "{\"pageUrl\":\"https://localoffer.demo.example/directory/svc-7\",\"useful\":"
                    + (i < 6)
                    + "}"));
      }
      assertEquals(201, feedback("{\"serviceId\":\"svc-8\",\"useful\":true}"));
      for (int i = 0; i < 6; i++) {
        assertEquals(
            201,
            feedback(
                "{\"pageUrl\":\"https://localoffer.demo.example/send/other\",\"useful\":true}"));
      }
      String dashboard = officer.get("/officer/councils/demo/page-feedback").body();
      assertTrue(
          dashboard.contains("Service: Service number 7 (svc-7)"),
          fetched.headers().map() + dashboard);

      assertEquals(
          303,
          officer
              .signOffAndPublish("/officer/councils/demo/consultations/page-feedback")
              .statusCode());
      assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES));
      HttpResponse<String> published =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + local.port()
                              + "/published/demo/page-feedback/you-said-we-did.json"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, published.statusCode());
      JsonNode services = Json.mapper().readTree(published.body()).get("services");
      assertEquals(500, services.size());
      JsonNode seven = services.get(6);
      assertEquals("svc-7", seven.get("id").asText());
      assertEquals(9, seven.get("answered").asInt());
      JsonNode eight = services.get(7);
      assertFalse(eight.has("answered"), "one answer: hidden");
      assertTrue(eight.get("note").asText().equals("fewer than 5"));
    } finally {
      feed.stop(0);
    }
  }

  @Test
  void aDfeFileIsUploadedAsABrowserSendsIt() throws Exception {
    OfficerBrowser officer = new OfficerBrowser(local, "timeliness@demo.example", List.of("demo"));
    String csrf =
        OfficerBrowser.csrf(officer.get("/officer/councils/demo/ehc-stages/timeliness").body());
    String boundary = "----yousaidJourney";
    String csv =
        "time_period,time_identifier,geographic_level,old_la_code,new_la_code,la_name,new_ehcps,pct_within_20wks_exc\n"
            + "2023,Calendar year,National,,,,80329,50.3\n"
            + "2023,Calendar year,Local authority,855,E10000018,Leicestershire,1019,7.6\n"
            + "2023,Calendar year,Local authority,856,E06000016,Leicester,844,61.4\n";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
            + csrf
            + "\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"area\"\r\n\r\n855\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ehcp.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> done =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + local.port()
                            + "/officer/councils/demo/ehc-stages/timeliness"))
                .header("Cookie", "yousaid-officer=" + officer.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(303, done.statusCode(), done.body());
    String page = officer.get("/officer/councils/demo/ehc-stages").body();
    assertTrue(page.contains("Leicestershire (855)"), done.headers().map() + page);
    assertTrue(page.contains("7.6%") && page.contains("England: 50.3%"));
    assertFalse(page.contains("61.4%"), "another council's figure");
    assertEquals(200, officer.get("/officer/councils/demo/coverage").statusCode());
  }

  /** The {@code page} parameter of a query ({@code per_page} is another parameter), or 1. */
  static int pageNumber(String query) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?:^|&)page=(\\d+)").matcher(query == null ? "" : query);
    return m.find() ? Integer.parseInt(m.group(1)) : 1;
  }
}
