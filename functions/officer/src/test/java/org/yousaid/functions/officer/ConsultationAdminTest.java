package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.functions.officer.OfficerSession.enc;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * Officers create a consultation from a template, edit the draft, open and close it; each step is
 * logged.
 */
class ConsultationAdminTest {

  @WithDynamoDb static DynamoTable table;
  private static OfficerFixture fixture;
  private static OfficerSession officer;

  @BeforeAll
  static void signIn() {
    fixture = new OfficerFixture(table);
    officer = fixture.officer("editor@demo.example", "demo");
  }

  private static Reply get(String path) {
    return officer.get(path);
  }

  private static Reply post(String path, String form) {
    return officer.postForm(path, form);
  }

  @Test
  void createEditOpenAndCloseAConsultation() {
    Reply invalid =
        post(
            "/officer/councils/demo/new-consultation",
            "template=local-offer&id=" + enc("Bad Name!") + "&title=");
    assertEquals(400, invalid.status());
    assertTrue(invalid.body().contains("govuk-error-summary"));
    assertTrue(invalid.body().contains("value=\"Bad Name!\""), "what was typed is kept");

    Reply created =
        post(
            "/officer/councils/demo/new-consultation",
            "template=ehc-stage&id=annual-review-2027&title="
                + enc("Annual reviews: how did we do?"));
    assertEquals(303, created.status(), created.body());
    var consultations = fixture.services.consultations();
    assertEquals(
        ConsultationStatus.DRAFT,
        consultations.find("demo", "annual-review-2027").orElseThrow().status());
    assertEquals(
        404,
        fixture.anonymous().get("/c/demo/annual-review-2027").status(),
        "drafts are not public");

    Reply taken =
        post(
            "/officer/councils/demo/new-consultation",
            "template=ehc-stage&id=annual-review-2027&title=Again");
    assertEquals(409, taken.status());

    String manage = "/officer/councils/demo/consultations/annual-review-2027";
    Reply badDates =
        post(
            manage,
            "action=save&title=T&intro=&opens=2027-02-01&closes=2027-01-01"
                + "&q.outcomes-clear.text="
                + enc("How clear are the outcomes?")
                + "&q.outcomes-clear.required=yes"
                + "&q.satisfaction.text=Rate&q.listened.text=Listened&q.do-better.text=Better");
    assertEquals(400, badDates.status());
    assertTrue(badDates.body().contains("The closing date must be after the opening date"));

    Reply saved =
        post(
            manage,
            "action=save&title="
                + enc("Annual reviews 2027")
                + "&intro=Hello&opens=&closes=2027-03-31"
                + "&q.outcomes-clear.text="
                + enc("How clear are the outcomes?")
                + "&q.outcomes-clear.required=yes"
                + "&q.satisfaction.text=Rate&q.listened.text=Listened&q.do-better.text="
                + enc("What could we do better?"));
    assertEquals(303, saved.status(), saved.body());
    var draft = consultations.find("demo", "annual-review-2027").orElseThrow();
    assertEquals("Annual reviews 2027", draft.title());
    assertEquals(
        "How clear are the outcomes?", draft.question("outcomes-clear").orElseThrow().text());
    assertTrue(draft.closesAt() != null);

    assertEquals(303, post(manage, "action=open").status());
    assertEquals(
        ConsultationStatus.OPEN,
        consultations.find("demo", "annual-review-2027").orElseThrow().status());
    assertEquals(
        409,
        post(manage, "action=save&title=Late").status(),
        "an open consultation's questions are fixed");
    assertEquals(303, post(manage, "action=close").status());
    assertEquals(
        ConsultationStatus.CLOSED,
        consultations.find("demo", "annual-review-2027").orElseThrow().status());

    var log = fixture.services.audit().entries("demo", "annual-review-2027");
    assertEquals(
        List.of("created", "edited", "opened", "closed"),
        log.stream().map(e -> e.action()).toList());
    assertTrue(log.stream().allMatch(e -> e.officer().equals("editor@demo.example")));
    assertTrue(get(manage).body().contains("editor@demo.example closed to new answers"));
  }
}
