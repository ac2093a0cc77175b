package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.testing.WithLocalMode;

/**
 * The public council page and the form's dates over real HTTP: open consultations with their
 * closing dates (UK words), closed ones with a link to their published "You said, we did" page once
 * the real publisher has written it, no drafts, and a real HTML 404 for an unknown council; the
 * form says when it closes, and a closed or not-yet-open one says so instead of showing the form.
 */
class CouncilPageHttpTest {

  @WithLocalMode static LocalMode local;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private static final LocalDate LAST_DAY = LocalDate.now(LONDON).plusDays(40);
  private static final LocalDate CLOSED_ON = LocalDate.now(LONDON).minusDays(10);
  private static final LocalDate OPENS_ON = LocalDate.now(LONDON).plusDays(5);

  @BeforeAll
  static void consultations() throws Exception {
    // Dates as the officer's form stores them: a last day closes at midnight starting the next.
    save("transport-2027", "Home to school transport", null, LAST_DAY.plusDays(1), null);
    save("short-breaks-2026", "Short breaks 2026", null, CLOSED_ON.plusDays(1), null);
    save("respite-2025", "Respite care 2025", null, null, ConsultationStatus.CLOSED);
    save("preparing-2027", "Preparing for adulthood", OPENS_ON, null, null);
    save("secret-draft", "A draft nobody may see", null, null, ConsultationStatus.DRAFT);
    OfficerBrowser officer = new OfficerBrowser(local, "pages@demo.example", List.of("demo"));
    assertEquals(
        303,
        officer
            .signOffAndPublish("/officer/councils/demo/consultations/short-breaks-2026")
            .statusCode());
    assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES), "the publisher finished");
  }

  private static void save(
      String id, String title, LocalDate opens, LocalDate closesAt, ConsultationStatus status) {
    Consultation base =
        ConsultationTemplates.localOffer(
            "demo",
            DemoData.COUNCIL_NAME,
            id,
            List.of(),
            opens == null ? null : opens.atStartOfDay(LONDON).toInstant(),
            closesAt == null ? null : closesAt.atStartOfDay(LONDON).toInstant());
    Consultation c =
        new Consultation(
            base.council(),
            base.id(),
            base.councilName(),
            title,
            base.kind(),
            status == null ? base.status() : status,
            base.opensAt(),
            base.closesAt(),
            base.intro(),
            base.questions(),
            base.profileFields(),
            base.districts(),
            base.retentionDays());
    local.services().consultations().save(c);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theCouncilPageListsOpenAndClosedConsultationsWithTheirDates() throws Exception {
    HttpResponse<String> page = get("/c/demo");
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    String html = page.body();
    assertTrue(html.contains("Demo Borough Council"));
    String open =
        html.substring(html.indexOf("Open consultations"), html.indexOf("Closed consultations"));
    String closed = html.substring(html.indexOf("Closed consultations"));
    assertTrue(open.contains("href=\"/c/demo/transport-2027\""), open);
    assertTrue(
        open.contains("Closes on " + UK.format(LAST_DAY) + " at 11:59pm"), "the last day: " + open);
    assertTrue(open.contains("Opens on " + UK.format(OPENS_ON)), open);
    assertTrue(open.contains("href=\"/c/demo/" + DemoData.LOCAL_OFFER + "\""), "the demo one");
    assertFalse(open.contains("Short breaks 2026"));
    assertTrue(closed.contains("Short breaks 2026") && closed.contains("Respite care 2025"));
    assertTrue(closed.contains("Closed on " + UK.format(CLOSED_ON) + " at 11:59pm"), closed);
    assertTrue(
        closed.contains("href=\"/published/demo/short-breaks-2026/\""),
        "a link to the published page: " + closed);
    assertFalse(closed.contains("/published/demo/respite-2025/"), "nothing published there yet");
    assertFalse(html.contains("A draft nobody may see"), "drafts are never listed");
    assertFalse(html.contains("Was this page useful?"), "only consultations: no page feedback");
    assertFalse(html.contains("Your education, health and care plan"), "nor stage surveys");
    assertFalse(html.matches("(?s).*\\d{4}-\\d\\d-\\d\\d.*"), "no machine dates");

    HttpResponse<String> published = get("/published/demo/short-breaks-2026/");
    assertEquals(200, published.statusCode(), "the link leads to the published page");
  }

  @Test
  void anUnknownCouncilIsAnHtml404Page() throws Exception {
    for (String council : List.of("nowhere", "NOT-A-SLUG", "%3Cscript%3Ealert(1)%3C%2Fscript%3E")) {
      HttpResponse<String> page = get("/c/" + council);
      assertEquals(404, page.statusCode(), council);
      assertTrue(
          page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), council);
      assertTrue(page.body().contains("We cannot find a council at this address"), page.body());
      assertFalse(page.body().contains("alert(1)</script>"));
    }
  }

  @Test
  void theFormSaysWhenItClosesAndAClosedOneSaysItHasClosed() throws Exception {
    String open = get("/c/demo/transport-2027").body();
    assertTrue(
        open.contains("This consultation closes on " + UK.format(LAST_DAY) + " at 11:59pm."), open);
    assertTrue(open.contains("method=\"post\""));

    HttpResponse<String> closed = get("/c/demo/short-breaks-2026");
    assertEquals(200, closed.statusCode());
    assertTrue(closed.body().contains("This consultation has closed"), closed.body());
    assertTrue(closed.body().contains("It closed on " + UK.format(CLOSED_ON) + " at 11:59pm."));
    assertTrue(closed.body().contains("href=\"/published/demo/short-breaks-2026/\""));
    assertFalse(closed.body().contains("method=\"post\""), "no form");

    String early = get("/c/demo/respite-2025").body();
    assertTrue(early.contains("This consultation has closed"));
    assertTrue(early.contains("will publish what people said"), "not published yet");

    String notYet = get("/c/demo/preparing-2027").body();
    assertTrue(notYet.contains("This consultation is not open yet"), notYet);
    assertTrue(notYet.contains("It opens on " + UK.format(OPENS_ON)));
    assertFalse(notYet.contains("method=\"post\""));

    assertEquals(404, get("/c/demo/secret-draft").statusCode(), "a draft stays hidden");
  }
}
