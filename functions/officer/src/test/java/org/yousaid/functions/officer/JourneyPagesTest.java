package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * The EHC journey's timeliness import, who has been heard, and the Open Referral UK services page,
 * through API Gateway events on DynamoDB Local: what an officer uploads shows on the dashboards, a
 * wrong file comes back with every problem and nothing replaced, text from files is escaped, and
 * another council's officer sees none of it.
 */
class JourneyPagesTest {

  private static final String XSS = "<script>window.__xss=1</script>";

  @WithDynamoDb static DynamoTable table;
  private static OfficerFixture fixture;
  private static OfficerSession officer;

  static String resource(String name) {
    try (InputStream in = JourneyPagesTest.class.getResourceAsStream("/journey/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void seed() {
    fixture = new OfficerFixture(table);
    officer = fixture.officer("journey@demo.example", "demo");
    for (int i = 0; i < 30; i++) {
      String district = i < 24 ? "North" : "South";
      assertEquals(
          201,
          fixture.answer(
              OfficerFixture.EHC_SURVEY,
              "{\"answers\":{\"outcomes-clear\":\""
                  + (i % 3 == 0 ? "not-clear" : "clear")
                  + "\"},\"profile\":{\"ehcStage\":\""
                  + (i < 20 ? "final-plan" : "annual-review")
                  + "\",\"district\":\""
                  + district
                  + "\",\"role\":\"parent-carer\"}}"));
    }
    for (int i = 0; i < 7; i++) {
      assertEquals(
          201,
          send(
              "{\"pageUrl\":\"https://localoffer.demo.example/send/short-breaks\",\"useful\":"
                  + (i < 5)
                  + "}"));
    }
    assertEquals(201, send("{\"serviceId\":\"demo-club\",\"useful\":false}"));
  }

  private static int send(String json) {
    return fixture
        .gateway
        .send(
            "POST",
            "/api/v1/councils/demo/page-feedback",
            Map.of(),
            List.of(),
            "application/json",
            json)
        .getStatusCode();
  }

  @Test
  void timelinessFiguresStandBesideEachStage() {
    Reply form = officer.get("/officer/councils/demo/ehc-stages/timeliness");
    assertEquals(200, form.status(), form.body());
    assertTrue(form.body().contains("enctype=\"multipart/form-data\""));

    Reply wrongCouncil =
        officer.upload(
            "/officer/councils/demo/ehc-stages/timeliness",
            Map.of("area", "E99999999" + XSS),
            "ehcp.csv",
            resource("dfe-ehcp.csv"));
    assertEquals(400, wrongCouncil.status());
    assertTrue(wrongCouncil.body().contains("There is a problem"));
    assertTrue(wrongCouncil.body().contains("The file has no local authority row for"));
    assertTrue(wrongCouncil.body().contains("E99999999&lt;script&gt;"), "kept, escaped");
    assertFalse(wrongCouncil.body().contains(XSS));

    Reply done =
        officer.upload(
            "/officer/councils/demo/ehc-stages/timeliness",
            Map.of("area", "E10000018"),
            "ehcp.csv",
            resource("dfe-ehcp.csv"));
    assertEquals(303, done.status(), done.body());
    assertEquals(
        "/officer/councils/demo/ehc-stages?done=timeliness-imported",
        done.header("Location").orElse(""));
    Reply page = officer.get("/officer/councils/demo/ehc-stages?done=timeliness-imported");
    assertEquals(200, page.status(), page.body());
    String html = page.body();
    assertTrue(html.contains("Timeliness figures imported"));
    assertTrue(html.contains("Leicestershire (E10000018)"));
    assertTrue(html.contains("New EHC plans issued within 20 weeks, excluding exceptions"));
    assertTrue(html.contains("7.6%") && html.contains("England: 50.3%"));
    assertTrue(html.contains("suppressed by the DfE to protect confidentiality"), "c is said");
    assertTrue(html.contains("The DfE publishes no timeliness figure for this stage."));
    assertTrue(html.contains("30 responses"));

    Reply broken =
        officer.upload(
            "/officer/councils/demo/ehc-stages/timeliness",
            Map.of("area", "Leicestershire"),
            "ehcp.csv",
            "time_period,geographic_level,la_name,new_ehcps,pct_within_20wks_exc\n"
                + "2024,Local authority,Leicestershire,lots,7\n"
                + "2024,Local authority,Leicestershire,10,170\n");
    assertEquals(400, broken.status());
    assertTrue(broken.body().contains("Every problem found"));
    assertTrue(
        broken.body().contains("Row 2: &quot;lots&quot;")
            || broken.body().contains("Row 2: \"lots\""));
    assertTrue(broken.body().contains("more than 100%"));
    assertTrue(
        officer.get("/officer/councils/demo/ehc-stages").body().contains("7.6%"),
        "a refused file replaces nothing");
  }

  @Test
  void coverageComparesAnswersWithThePopulationAndNamesWhoIsNotHeard() {
    Reply before = officer.get("/officer/councils/demo/coverage");
    assertEquals(200, before.status(), before.body());
    assertTrue(before.body().contains("import your SEND population counts"));

    Reply bad =
        officer.upload(
            "/officer/councils/demo/coverage/population",
            Map.of(),
            "population.csv",
            "dimension,group,children\nward," + XSS + ",10\ndistrict,North,many\n");
    assertEquals(400, bad.status());
    assertTrue(bad.body().contains("Row 2:") && bad.body().contains("Row 3:"));
    assertFalse(bad.body().contains(XSS));

    Reply done =
        officer.upload(
            "/officer/councils/demo/coverage/population",
            Map.of(),
            "population.csv",
            "dimension,group,children\n"
                + "district,North,400\n"
                + "district,South,600\n"
                + "district,East,3\n"
                + "role,Parent or carer,1003\n");
    assertEquals(303, done.status(), done.body());
    Reply page = officer.get("/officer/councils/demo/coverage?done=population-imported");
    assertEquals(200, page.status(), page.body());
    String html = page.body();
    assertTrue(html.contains("Population counts imported"));
    assertTrue(html.contains("Not heard enough from: South"), html);
    assertTrue(html.contains("Under-represented"));
    assertTrue(html.contains("6.0"), "24 answers per 400 children in North");
    assertFalse(html.contains(">3<"), "East's 3 children are not shown");
    Reply oneConsultation =
        officer.get("/officer/councils/demo/coverage?consultation=" + OfficerFixture.LOCAL_OFFER);
    assertTrue(oneConsultation.body().contains("0 responses"));
  }

  @Test
  void servicesFromAFeedStandBesidePageFeedback() {
    Reply refused =
        officer.postForm("/officer/councils/demo/services", "url=http%3A%2F%2F127.0.0.1%3A9001%2F");
    assertEquals(400, refused.status());
    assertTrue(refused.body().contains("must start with https://"), refused.body());
    Reply internal =
        officer.postForm(
            "/officer/councils/demo/services", "url=https%3A%2F%2F169.254.169.254%2Fservices");
    assertEquals(400, internal.status());
    assertTrue(internal.body().contains("not on the public internet"));

    Reply bad =
        officer.upload(
            "/officer/councils/demo/services",
            Map.of(),
            "feed.json",
            "{\"contents\":[{\"id\":\"x\",\"name\":\"\"}]}");
    assertEquals(400, bad.status());
    assertTrue(bad.body().contains("Service 1 (id x) has no name."));

    String feed = resource("oruk-services.json").replace("Portage home visiting", "Portage " + XSS);
    Reply done = officer.upload("/officer/councils/demo/services", Map.of(), "oruk.json", feed);
    assertEquals(303, done.status(), done.body());
    Reply page = officer.get("/officer/councils/demo/services?done=services-imported");
    assertEquals(200, page.status(), page.body());
    String html = page.body();
    assertTrue(html.contains("4 services"));
    assertTrue(html.contains("Short breaks for disabled children"));
    assertTrue(html.contains("Portage &lt;script&gt;"), "escaped");
    assertFalse(html.contains(XSS));
    assertTrue(html.contains("fewer than 5"), "the club's one answer is not shown");
    assertTrue(html.contains("/consultations/page-feedback/publish"), "publish from here");

    Reply dashboard = officer.get("/officer/councils/demo/page-feedback");
    assertTrue(
        dashboard.body().contains("Service: Short breaks for disabled children"),
        "the page's feedback is matched to the service by its address");
    assertTrue(dashboard.body().contains("Service: Saturday club"), "and by the service id");
  }

  @Test
  void anotherCouncilsOfficerSeesAndChangesNone() {
    OfficerSession elsewhere = fixture.officer("x@elsewhere.example", "elsewhere");
    for (String path :
        List.of("/ehc-stages/timeliness", "/coverage", "/coverage/population", "/services")) {
      assertEquals(403, elsewhere.get("/officer/councils/demo" + path).status(), path);
    }
    Reply upload =
        elsewhere.upload(
            "/officer/councils/demo/ehc-stages/timeliness",
            Map.of("area", "855"),
            "ehcp.csv",
            resource("dfe-ehcp.csv"));
    assertEquals(403, upload.status());
    Reply own = elsewhere.get("/officer/councils/elsewhere/services");
    assertEquals(200, own.status());
    assertFalse(own.body().contains("Short breaks for disabled children"));
    assertFalse(
        elsewhere.get("/officer/councils/elsewhere/ehc-stages").body().contains("Leicestershire"));
  }
}
