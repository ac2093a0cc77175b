package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * The page-feedback and EHC stage dashboards: answers sent through the public API show up per page,
 * per stage and per month, escaped, and only to the council's own officers.
 */
class DashboardPagesTest {

  private static final String XSS = "<script>window.__xss=1</script><img src=x onerror=alert(1)>";
  private static final String API = "https://" + ApiGateway.DOMAIN;

  @WithDynamoDb static DynamoTable table;
  private static OfficerFixture fixture;
  private static OfficerSession officer;

  @BeforeAll
  static void seed() {
    fixture = new OfficerFixture(table);
    officer = fixture.officer("dash@demo.example", "demo");
    String page = "https://localoffer.demo.example/send/short-breaks";
    for (int i = 0; i < 8; i++) {
      String comment = i == 0 ? XSS : i < 3 ? "Comment number " + i : null;
      assertEquals(
          201,
          feedback(
              "{\"pageUrl\":\""
                  + page
                  + "?q=private#x\",\"useful\":"
                  + (i < 6)
                  + (comment == null
                      ? ""
                      : ",\"comment\":\"" + comment.replace("\"", "\\\"") + "\"")
                  + "}"));
    }
    assertEquals(201, feedback("{\"serviceId\":\"demo-club\",\"useful\":false}"));
    for (int i = 0; i < 25; i++) {
      String body =
          "{\"answers\":{\"outcomes-clear\":\""
              + (i < 12 ? "clear" : i < 18 ? "neither" : "not-clear")
              + "\"},"
              + "\"profile\":{\"ehcStage\":\"final-plan\"}}";
      assertEquals(201, fixture.answer(OfficerFixture.EHC_SURVEY, body));
    }
    for (int i = 0; i < 5; i++) {
      assertEquals(
          201,
          fixture.answer(
              OfficerFixture.EHC_SURVEY,
              "{\"answers\":{\"outcomes-clear\":\"clear\"},\"profile\":{\"ehcStage\":\"request\"}}"));
    }
  }

  private static int feedback(String json) {
    return fixture
        .gateway
        .send(
            "POST",
            "/api/v1/councils/demo/page-feedback",
            java.util.Map.of(),
            List.of(),
            "application/json",
            json)
        .getStatusCode();
  }

  @Test
  void pageFeedbackIsShownPerPageWithItsTrendAndComments() {
    Reply page = officer.get("/officer/councils/demo/page-feedback");
    assertEquals(200, page.status(), page.body());
    String html = page.body();
    assertTrue(
        html.contains("https://localoffer.demo.example/send/short-breaks"),
        "the page, without its query or fragment");
    assertFalse(html.contains("q=private"), "the query string is never stored");
    assertTrue(html.contains("Service demo-club"));
    assertTrue(html.contains("75% <span class=\"govuk-body-s\">(6 yes, 2 no)</span>"), html);
    assertTrue(html.contains("<svg role=\"img\""));
    assertTrue(
        html.contains("Fewer than 5 answers: treat with care."), "the service has one answer");

    Reply comments =
        officer.get(
            "/officer/councils/demo/page-feedback/comments?subject="
                + OfficerSession.enc("https://localoffer.demo.example/send/short-breaks"));
    assertEquals(200, comments.status());
    assertTrue(comments.body().contains("Comments (3)"));
    assertTrue(
        comments.body().contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"),
        "officers see the original text, escaped");
    assertFalse(comments.body().contains("<script>window.__xss"));
    assertTrue(comments.body().contains("Comment number 2"));

    Reply future = officer.get("/officer/councils/demo/page-feedback?from=2099-01-01");
    assertTrue(future.body().contains("No feedback for these dates yet."));
    Reply bad = officer.get("/officer/councils/demo/page-feedback?from=yesterday");
    assertEquals(200, bad.status());
    assertTrue(bad.body().contains("There is a problem") && bad.body().contains("href=\"#from\""));
    assertTrue(bad.body().contains("value=\"yesterday\""));
  }

  @Test
  void allCommentsArePagedAndAPageOutOfRangeShowsTheLast() {
    Reply all = officer.get("/officer/councils/demo/page-feedback/comments");
    assertEquals(200, all.status());
    assertTrue(all.body().contains("Comment number 1") && all.body().contains("Comment number 2"));
    assertFalse(all.body().contains("<script>window.__xss"));
    for (String page : List.of("0", "99", "two", "-1")) {
      Reply odd = officer.get("/officer/councils/demo/page-feedback/comments?page=" + page);
      assertEquals(200, odd.status(), "page=" + page);
      assertTrue(odd.body().contains("Comment number 1"), "page=" + page + " shows the one page");
    }
    Reply nobody =
        officer.get(
            "/officer/councils/demo/page-feedback/comments?subject="
                + OfficerSession.enc("https://localoffer.demo.example/nobody-reads-this"));
    assertEquals(200, nobody.status());
    assertFalse(nobody.body().contains("Comment number"), "only the chosen page's comments");
  }

  @Test
  void theSnippetPageShowsTheFormToCopyWithThisServicesAddress() {
    Reply page = officer.get("/officer/councils/demo/page-feedback/snippet");
    assertEquals(200, page.status());
    String html = page.body();
    String action = "action=&quot;" + API + "/api/v1/councils/demo/page-feedback&quot;";
    assertTrue(html.contains(action), "the absolute API address, escaped inside <pre><code>");
    assertTrue(
        html.contains("&lt;script src=&quot;" + API + "/assets/page-feedback.js&quot; defer&gt;"));
    assertFalse(
        html.contains("<form class=\"yousaid-feedback\""), "the snippet is shown, not rendered");

    Reply script = fixture.anonymous().get("/assets/page-feedback.js");
    assertEquals(200, script.status());
    assertTrue(script.header("Content-Type").orElse("").startsWith("text/javascript"));
    assertTrue(script.body().contains("Idempotency-Key"));
  }

  @Test
  void ehcStagesShowTheSeedsSplitPerStage() {
    Reply page = officer.get("/officer/councils/demo/ehc-stages");
    assertEquals(200, page.status(), page.body());
    String html = page.body();
    assertTrue(html.contains("30 responses."));
    assertTrue(
        html.contains("48% clear / 24% neither clear nor not clear / 28% not clear (25 answered)."),
        "the final plan, as the seed reports it");
    assertTrue(html.contains("Request for an assessment"), "the national stages");
    assertTrue(html.contains("Plan issued"));
    assertTrue(
        html.contains("Clear 48% (12), Neither clear nor not clear 24% (6), Not clear 28% (7)"),
        "the chart's text alternative");
    assertEquals(200, officer.get("/officer/councils/demo/ehc-stages?survey=nope").status());
    assertTrue(
        officer
            .get("/officer/councils/demo/ehc-stages?survey=nope")
            .body()
            .contains("There is no stage survey with that name"));
    Reply badDates = officer.get("/officer/councils/demo/ehc-stages?from=2026-13-01");
    assertEquals(200, badDates.status());
    assertTrue(badDates.body().contains("There is a problem"), "a bad date is explained");
  }

  @Test
  void aCouncilWithoutSurveysOrFeedbackSeesEmptyDashboards() {
    OfficerSession other = fixture.officer("x@elsewhere.example", "elsewhere");
    Reply stages = other.get("/officer/councils/elsewhere/ehc-stages");
    assertEquals(200, stages.status(), stages.body());
    assertFalse(stages.body().contains("30 responses."), "demo's answers are not shown");
    Reply feedback = other.get("/officer/councils/elsewhere/page-feedback");
    assertEquals(200, feedback.status(), feedback.body());
    assertFalse(feedback.body().contains("short-breaks"));
  }

  @Test
  void anotherCouncilsOfficerSeesNone() {
    OfficerSession elsewhere = fixture.officer("x@elsewhere.example", "elsewhere");
    for (String path :
        new String[] {
          "/page-feedback", "/page-feedback/comments", "/page-feedback/snippet", "/ehc-stages"
        }) {
      Reply refused = elsewhere.get("/officer/councils/demo" + path);
      assertEquals(403, refused.status(), path);
      assertFalse(refused.body().contains("short-breaks"), path);
    }
  }
}
