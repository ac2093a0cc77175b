package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.testing.WithLocalMode;

/**
 * Officers create a consultation from a template, edit the draft, open and close it; each step is
 * logged.
 */
class ConsultationAdminTest {

  @WithLocalMode static LocalMode local;
  private static OfficerBrowser officer;

  @BeforeAll
  static void signIn() throws Exception {
    officer = new OfficerBrowser(local, "editor@demo.example", List.of("demo"));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return officer.get(path);
  }

  private static HttpResponse<String> post(String path, String form) throws Exception {
    return officer.postForm(path, form);
  }

  private static String enc(String s) {
    return OfficerBrowser.enc(s);
  }

  @Test
  void createEditOpenAndCloseAConsultation() throws Exception {
    HttpResponse<String> invalid =
        post(
            "/officer/councils/demo/new-consultation",
            "template=local-offer&id=" + enc("Bad Name!") + "&title=");
    assertEquals(400, invalid.statusCode());
    assertTrue(invalid.body().contains("govuk-error-summary"));
    assertTrue(invalid.body().contains("value=\"Bad Name!\""), "what was typed is kept");

    HttpResponse<String> created =
        post(
            "/officer/councils/demo/new-consultation",
            "template=ehc-stage&id=annual-review-2027&title="
                + enc("Annual reviews: how did we do?"));
    assertEquals(303, created.statusCode(), created.body());
    var consultations = local.services().consultations();
    assertEquals(
        ConsultationStatus.DRAFT,
        consultations.find("demo", "annual-review-2027").orElseThrow().status());
    assertEquals(404, get("/c/demo/annual-review-2027").statusCode(), "drafts are not public");

    HttpResponse<String> taken =
        post(
            "/officer/councils/demo/new-consultation",
            "template=ehc-stage&id=annual-review-2027&title=Again");
    assertEquals(409, taken.statusCode());

    String manage = "/officer/councils/demo/consultations/annual-review-2027";
    HttpResponse<String> badDates =
        post(
            manage,
            "action=save&title=T&intro=&opens=2027-02-01&closes=2027-01-01"
                + "&q.outcomes-clear.text="
                + enc("How clear are the outcomes?")
                + "&q.outcomes-clear.required=yes"
                + "&q.satisfaction.text=Rate&q.listened.text=Listened&q.do-better.text=Better");
    assertEquals(400, badDates.statusCode());
    assertTrue(badDates.body().contains("The closing date must be after the opening date"));

    HttpResponse<String> saved =
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
    assertEquals(303, saved.statusCode(), saved.body());
    var draft = consultations.find("demo", "annual-review-2027").orElseThrow();
    assertEquals("Annual reviews 2027", draft.title());
    assertEquals(
        "How clear are the outcomes?", draft.question("outcomes-clear").orElseThrow().text());
    assertTrue(draft.closesAt() != null);

    assertEquals(303, post(manage, "action=open").statusCode());
    assertEquals(
        ConsultationStatus.OPEN,
        consultations.find("demo", "annual-review-2027").orElseThrow().status());
    assertEquals(
        409,
        post(manage, "action=save&title=Late").statusCode(),
        "an open consultation's questions are fixed");
    assertEquals(303, post(manage, "action=close").statusCode());
    assertEquals(
        ConsultationStatus.CLOSED,
        consultations.find("demo", "annual-review-2027").orElseThrow().status());

    var log = local.services().audit().entries("demo", "annual-review-2027");
    assertEquals(
        List.of("created", "edited", "opened", "closed"),
        log.stream().map(e -> e.action()).toList());
    assertTrue(log.stream().allMatch(e -> e.officer().equals("editor@demo.example")));
    assertTrue(get(manage).body().contains("editor@demo.example closed to new answers"));
  }
}
