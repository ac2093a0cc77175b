package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.functions.officer.OfficerSession.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * The officer's consultations: the dashboard and its JSON twin per council, the form to create one,
 * and the manage page's refusals. {@link ConsultationAdminTest} walks a consultation's whole life.
 */
@WithDynamoDb
class ConsultationsPageTest {

  private static final String NEW = "/officer/councils/demo/new-consultation";
  private static final String MANAGE = "/officer/councils/demo/consultations/local-offer-2026";

  private OfficerFixture fixture;
  private OfficerSession officer;

  @BeforeEach
  void setUp(DynamoTable table) {
    fixture = new OfficerFixture(table);
    officer = fixture.officer("editor@demo.example", "demo");
  }

  @Test
  void theDashboardListsEachCouncilsConsultationsWithTheirResponses() {
    fixture.answerLocalOffer(List.of("One", "Two"), false);
    OfficerSession both = fixture.officer("both@example", "demo", "elsewhere");
    Reply page = both.get("/officer");
    assertEquals(200, page.status(), page.body());
    String html = page.body();
    // each council by its name (a council with no consultation yet by its slug)
    String demo = "<h2 class=\"govuk-heading-m\">" + OfficerFixture.COUNCIL_NAME + "</h2>";
    String elsewhere = "<h2 class=\"govuk-heading-m\">elsewhere</h2>";
    assertTrue(html.contains(demo) && html.contains(elsewhere), html);
    assertTrue(html.indexOf(demo) < html.indexOf(elsewhere), "sorted");
    assertTrue(html.contains("Tell us what would help you use our Local Offer"));
    assertTrue(html.contains("href=\"" + MANAGE + "\""));
    assertTrue(html.contains("both@example"), "who is signed in");
    assertTrue(html.contains("name=\"csrf\""), "the sign-out form carries the CSRF token");

    Reply mine = fixture.officer("x@elsewhere.example", "elsewhere").get("/officer");
    assertFalse(mine.body().contains(demo), "only the officer's own councils");
    // The other council's consultation is not there (its reg. 56 warning names the Local Offer).
    assertFalse(mine.body().contains("Tell us what would help you use our Local Offer"));
    assertFalse(mine.body().contains(MANAGE));
  }

  @Test
  void theJsonListCountsResponsesPerConsultation() {
    fixture.answerLocalOffer(List.of("One", "Two", "Three"), false);
    Reply reply = officer.getApi("/api/v1/officer/councils/demo/consultations");
    assertEquals(200, reply.status(), reply.body());
    JsonNode list = Json.read(reply.body(), JsonNode.class).get("consultations");
    List<String> ids = new ArrayList<>();
    list.forEach(c -> ids.add(c.get("id").asText()));
    assertEquals(
        List.of("ehc-plan-survey", "local-offer-2026", "page-feedback"),
        ids.stream().sorted().toList());
    for (JsonNode c : list) {
      int expected = c.get("id").asText().equals("local-offer-2026") ? 3 : 0;
      assertEquals(expected, c.get("responses").asInt(), c.toString());
      assertFalse(c.get("title").asText().isBlank());
      assertEquals("open", c.get("status").asText().toLowerCase(java.util.Locale.ROOT));
    }
    assertEquals(
        403,
        fixture
            .officer("x@elsewhere.example", "elsewhere")
            .getApi("/api/v1/officer/councils/demo/consultations")
            .status());
    assertEquals(
        401, fixture.anonymous().getApi("/api/v1/officer/councils/demo/consultations").status());
  }

  @Test
  void theNewConsultationFormOffersEveryTemplate() {
    Reply form = officer.get(NEW);
    assertEquals(200, form.status(), form.body());
    for (String template : ConsultationAdmin.TEMPLATES.keySet()) {
      assertTrue(form.body().contains("value=\"" + template + "\""), template);
    }
    assertFalse(form.body().contains("govuk-error-summary"));
  }

  @Test
  void aNewConsultationIsRefusedFieldByFieldKeepingWhatWasTyped() {
    Reply noTemplate = officer.postForm(NEW, "template=survey-monkey&id=ok-name&title=Fine");
    assertEquals(400, noTemplate.status());
    assertTrue(noTemplate.body().contains("Choose what kind of consultation to create"));
    assertTrue(noTemplate.body().contains("value=\"ok-name\""), "the address typed is kept");

    Reply shortId = officer.postForm(NEW, "template=local-offer&id=ab&title=Fine");
    assertEquals(400, shortId.status());
    assertTrue(shortId.body().contains("Enter a web address name of 3 to 60"));
    Reply capitals = officer.postForm(NEW, "template=local-offer&id=Local-Offer&title=Fine");
    assertEquals(400, capitals.status());

    Reply longTitle =
        officer.postForm(NEW, "template=local-offer&id=long-title&title=" + "x".repeat(201));
    assertEquals(400, longTitle.status());
    assertTrue(longTitle.body().contains("Enter a title of up to 200 characters"));

    Reply script =
        officer.postForm(
            NEW, "template=local-offer&id=" + enc("\"><script>x</script>") + "&title=");
    assertEquals(400, script.status());
    assertFalse(script.body().contains("<script>x</script>"), "what was typed comes back escaped");

    Reply taken = officer.postForm(NEW, "template=local-offer&id=local-offer-2026&title=Again");
    assertEquals(409, taken.status());
    assertTrue(taken.body().contains("There is already a consultation called local-offer-2026"));
    assertEquals(
        "Tell us what would help you use our Local Offer",
        fixture.services.consultations().find("demo", "local-offer-2026").orElseThrow().title(),
        "the existing consultation is untouched");
    assertTrue(fixture.services.audit().entries("demo", "ab").isEmpty());
  }

  @Test
  void aNewConsultationTakesTheCouncilsNameAndStartsAsADraft() {
    Reply created =
        officer.postForm(NEW, "template=page-feedback&id=feedback-2027&title=" + enc(" Feedback "));
    assertEquals(303, created.status(), created.body());
    assertEquals(
        "/officer/councils/demo/consultations/feedback-2027?done=created",
        created.header("Location").orElse(null),
        "the manage page, told to say the draft was made");
    var draft = fixture.services.consultations().find("demo", "feedback-2027").orElseThrow();
    assertEquals(ConsultationStatus.DRAFT, draft.status());
    assertEquals("Feedback", draft.title());
    assertEquals(OfficerFixture.COUNCIL_NAME, draft.councilName(), "named as the council's others");
    Reply manage = officer.get(created.header("Location").orElseThrow());
    assertEquals(200, manage.status());
    assertTrue(manage.body().contains(Flash.CREATED.message()), "the success banner");
    assertTrue(
        manage
            .body()
            .contains("editor@demo.example created from the Local Offer page feedback template"));
  }

  @Test
  void theManagePageRefusesWhatCannotBeDone() {
    assertEquals(404, officer.get("/officer/councils/demo/consultations/nope").status());
    assertEquals(
        404, officer.postForm("/officer/councils/demo/consultations/nope", "action=open").status());
    Reply noAction = officer.postForm(MANAGE, "action=delete");
    assertEquals(400, noAction.status());
    assertTrue(noAction.body().contains("Choose an action."));

    Reply openedAgain = officer.postForm(MANAGE, "action=open");
    assertEquals(303, openedAgain.status(), "opening twice is fine");
    assertEquals(MANAGE + "?done=opened", openedAgain.header("Location").orElse(null));
    Reply closed = officer.postForm(MANAGE, "action=close");
    assertEquals(303, closed.status());
    assertEquals(MANAGE + "?done=closed", closed.header("Location").orElse(null));
    Reply closedAgain = officer.postForm(MANAGE, "action=close");
    assertEquals(409, closedAgain.status(), "only an open consultation can be closed");
    assertTrue(
        closedAgain.body().contains("Only an open consultation can be closed."),
        "the reason, on the same page: " + closedAgain.body());
    assertTrue(closedAgain.body().contains("govuk-error-summary"));
    assertFalse(closedAgain.body().contains(Flash.CLOSED.message()), "no success banner");
    Reply edit = officer.postForm(MANAGE, "action=save&title=Changed");
    assertEquals(409, edit.status(), "a closed consultation's questions are fixed");
    assertEquals(
        ConsultationStatus.CLOSED,
        fixture.services.consultations().find("demo", "local-offer-2026").orElseThrow().status());
    assertEquals(
        List.of("closed"),
        fixture.services.audit().entries("demo", "local-offer-2026").stream()
            .map(e -> e.action())
            .toList(),
        "only what happened is logged");

    Reply page = officer.get(MANAGE);
    assertEquals(200, page.status());
    assertTrue(page.body().contains("editor@demo.example closed to new answers"));
  }

  @Test
  void anotherCouncilsOfficerCannotCreateOrChangeAnything() {
    OfficerSession elsewhere = fixture.officer("x@elsewhere.example", "elsewhere");
    assertEquals(403, elsewhere.get(NEW).status());
    assertEquals(
        403, elsewhere.postForm(NEW, "template=local-offer&id=taken-over&title=Mine").status());
    assertEquals(403, elsewhere.get(MANAGE).status());
    assertEquals(403, elsewhere.postForm(MANAGE, "action=close").status());
    assertTrue(fixture.services.consultations().find("demo", "taken-over").isEmpty());
    assertEquals(
        ConsultationStatus.OPEN,
        fixture.services.consultations().find("demo", "local-offer-2026").orElseThrow().status());
  }
}
