package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.shared.json.Json;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * A consultation's responses as a page and through the officer API: filtered by profile, words,
 * sentiment and the corrected themes, paged, and refused clearly when the query is wrong.
 */
@WithDynamoDb
class ResponsesPageTest {

  private static final String PAGE =
      "/officer/councils/demo/consultations/local-offer-2026/responses";
  private static final String API =
      "/api/v1/officer/councils/demo/consultations/local-offer-2026/responses";
  private static final String XSS = "<script>window.__xss=1</script>";

  private OfficerFixture fixture;
  private OfficerSession officer;

  @BeforeEach
  void setUp(DynamoTable table) {
    fixture = new OfficerFixture(table);
    officer = fixture.officer("reader@demo.example", "demo");
  }

  private static JsonNode json(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return Json.read(reply.body(), JsonNode.class);
  }

  private void answer(String text, String role) {
    assertEquals(
        201,
        fixture.answer(
            OfficerFixture.LOCAL_OFFER,
            "{\"answers\":{\"find-information\":\""
                + text.replace("\"", "\\\"")
                + "\"},\"profile\":{\"role\":\""
                + role
                + "\"}}"));
  }

  @Test
  void thePageShowsEveryAnswerEscapedAndFiltersByRoleAndWords() {
    answer("A search box by age " + XSS, "parent-carer");
    answer("A key worker to call", "young-person");
    answer("Plain English please", "parent-carer");
    Reply all = officer.get(PAGE);
    assertEquals(200, all.status(), all.body());
    assertTrue(all.body().contains("Showing 3 of 3 responses."));
    assertTrue(all.body().contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"), "escaped");
    assertFalse(all.body().contains(XSS));

    Reply parents = officer.get(PAGE + "?role=parent-carer");
    assertTrue(parents.body().contains("Showing 2 of 3 responses."), parents.body());
    assertFalse(parents.body().contains("A key worker to call"));
    Reply words = officer.get(PAGE + "?words=key+worker");
    assertTrue(words.body().contains("Showing 1 of 3 responses."), words.body());
    assertTrue(words.body().contains("A key worker to call"));
    Reply nonsense = officer.get(PAGE + "?role=nonsense&from=not-a-date&page=-4");
    assertEquals(200, nonsense.status(), "a filter it cannot read is left out, not an error");
    assertTrue(nonsense.body().contains("Showing 3 of 3 responses."), nonsense.body());
  }

  @Test
  void eachRowSaysWhenAndHowTheAnswerCameAndWhoSentItInWords() {
    Reply imported =
        officer.postApi(
            API.replace("/responses", "/import?channel=paper"),
            "text/csv",
            "find-information,format,role,Age band,Area of need,district,consent,date\n"
                + "Paper words,keyworker,parent-carer,0-5,\"sensory-and-physical;cognition-and-learning\","
                + "North,yes,2026-07-01T09:30:00+01:00\n");
    assertEquals(200, imported.status(), imported.body());
    answer("Web words", "young-person");
    String html = officer.get(PAGE).body();
    assertTrue(
        html.contains("Sent 1 Jul 2026 09:30 · Paper form · may be quoted"),
        "London time, the channel's name, and consent: " + html);
    assertTrue(html.contains("A named person I can talk to"), "the option's label, not its code");
    assertFalse(html.contains(">keyworker<"));
    assertTrue(
        html.contains(
            "Parent or carer; 0 to 5 years; Sensory and/or physical needs; Cognition and learning;"
                + " North"),
        "who sent it, in words");
    assertTrue(html.contains("· Online form</h2>"), "a web answer without consent says neither");
    assertTrue(
        html.indexOf("Web words") < html.indexOf("Paper words"), "the newest answer comes first");

    Reply none = officer.get(PAGE + "?district=Nowhere");
    assertTrue(none.body().contains("No responses match these filters."));
    assertTrue(none.body().contains("Showing 0 of 2 responses."));
  }

  @Test
  void thePageShowsFiftyAtATimeNewestFirst() {
    for (int i = 0; i < ResponsesPage.PAGE_SIZE + 2; i++) {
      answer("Answer number " + i + ".", "parent-carer");
    }
    Reply first = officer.get(PAGE);
    assertTrue(first.body().contains("Page 1 of 2"), first.body());
    assertTrue(first.body().contains("Answer number 51."), "the newest is on the first page");
    assertFalse(first.body().contains("Answer number 0."), "the oldest is on the next");
    Reply second = officer.get(PAGE + "?page=2");
    assertTrue(second.body().contains("Page 2 of 2"));
    assertTrue(
        second.body().contains("Answer number 0.") && second.body().contains("Answer number 1."));
    assertTrue(officer.get(PAGE + "?page=99").body().contains("Page 2 of 2"), "the last page");
  }

  @Test
  void theApiPagesOldestFirstUntilThereIsNoNext() {
    for (int i = 0; i < 5; i++) {
      answer("Api answer " + i, i % 2 == 0 ? "parent-carer" : "young-person");
    }
    List<String> seen = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      JsonNode page =
          json(officer.getApi(API + "?limit=2" + (next == null ? "" : "&after=" + next)));
      assertEquals(5, page.get("total").asInt(), "the total of every match, on every page");
      page.get("responses").forEach(r -> seen.add(r.get("id").asText()));
      next = page.hasNonNull("next") ? page.get("next").asText() : null;
      pages++;
    } while (next != null && pages < 10);
    assertEquals(3, pages);
    assertEquals(5, seen.size());
    assertEquals(5, seen.stream().distinct().count(), "no response twice");
    assertEquals(3, json(officer.getApi(API + "?role=parent-carer")).get("total").asInt());
  }

  @Test
  void theApiRefusesALimitOrCursorItCannotRead() {
    answer("Something", "parent-carer");
    for (String query : List.of("?limit=0", "?limit=1001", "?limit=ten", "?after=not-an-id")) {
      Reply refused = officer.getApi(API + query);
      assertEquals(400, refused.status(), query);
      assertTrue(
          refused.header("Content-Type").orElse("").startsWith("application/problem+json"),
          query + " is answered with problem details");
    }
    assertEquals(200, officer.getApi(API + "?limit=1000").status());
  }

  @Test
  void sentimentAndThemeFiltersUseTheCorrectedThemes() {
    fixture.answerAndAnalyse(officer);
    int bySentiment = 0;
    for (String sentiment : List.of("positive", "neutral", "negative")) {
      bySentiment += json(officer.getApi(API + "?sentiment=" + sentiment)).get("total").asInt();
    }
    assertEquals(36, bySentiment, "every analysed answer has exactly one sentiment");
    var theme = fixture.themes().get(0);
    assertEquals(
        theme.count(), json(officer.getApi(API + "?theme=" + theme.id())).get("total").asInt());
    var other = fixture.themes().get(1);
    assertEquals(
        303,
        officer
            .postForm(
                "/officer/councils/demo/consultations/local-offer-2026/themes/find-information/"
                    + theme.id(),
                "action=merge&target=" + other.id())
            .status());
    assertEquals(
        theme.count() + other.count(),
        json(officer.getApi(API + "?theme=" + other.id())).get("total").asInt(),
        "the filter follows the officer's merge");
    assertEquals(0, json(officer.getApi(API + "?theme=" + theme.id())).get("total").asInt());
    Reply page = officer.get(PAGE + "?sentiment=negative&theme=" + other.id());
    assertEquals(200, page.status());
  }

  @Test
  void anUnknownConsultationOrAnotherCouncilIsRefused() {
    answer("Private words", "parent-carer");
    assertEquals(404, officer.get("/officer/councils/demo/consultations/nope/responses").status());
    assertEquals(
        404, officer.getApi("/api/v1/officer/councils/demo/consultations/nope/responses").status());
    OfficerSession elsewhere = fixture.officer("x@elsewhere.example", "elsewhere");
    Reply page = elsewhere.get(PAGE);
    assertEquals(403, page.status());
    assertFalse(page.body().contains("Private words"));
    Reply api = elsewhere.getApi(API);
    assertEquals(403, api.status());
    assertFalse(api.body().contains("Private words"));
    assertEquals(401, fixture.anonymous().getApi(API).status());
  }
}
