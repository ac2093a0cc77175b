package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.publishing.PublishJob;
import org.yousaid.shared.audit.AuditEntry;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * "Publish You said, we did": the checklist of what will go out, the preview, the request that
 * queues the real publisher, and the publication record it leaves.
 */
@WithDynamoDb
class PublishPageTest {

  private static final String BASE = "/officer/councils/demo/consultations/local-offer-2026";

  private OfficerFixture fixture;
  private OfficerSession officer;

  @BeforeEach
  void setUp(DynamoTable table) {
    fixture = new OfficerFixture(table);
    officer = fixture.officer("publisher@demo.example", "demo");
  }

  private static final java.util.regex.Pattern DRAFT =
      java.util.regex.Pattern.compile("name=\"draft\" value=\"([^\"]+)\"");

  /** The fingerprint of the draft the sign-off page shows, as its form sends it. */
  private String fingerprint() {
    java.util.regex.Matcher m = DRAFT.matcher(officer.get(BASE + "/publish").body());
    assertTrue(m.find(), "the sign-off form names its draft");
    return m.group(1);
  }

  /** Signs off as a browser would: reads the page's form, ticks the box, sends it. */
  private Reply signOff() {
    return officer.postForm(BASE + "/publish", "confirm=yes&draft=" + fingerprint());
  }

  @Test
  void beforeAnythingIsPublishedThePageSaysSoAndThePreviewIsMarked() {
    Reply page = officer.get(BASE + "/publish");
    assertEquals(200, page.status(), page.body());
    assertTrue(
        page.body().contains("Publish a new version")
            && page.body().contains("Nothing has been published yet"));
    assertFalse(page.body().contains("Publishing has started"));
    Reply preview = officer.get(BASE + "/publish/preview");
    assertEquals(200, preview.status());
    assertTrue(preview.body().contains("This page is not published yet"));
    assertFalse(preview.body().contains("publisher@demo.example"), "no officer header around it");
  }

  @Test
  void theChecklistCountsThemesQuotesAndResponsesStillMissing() {
    fixture.answerAndAnalyse(officer);
    int themes = fixture.themes().size();
    String page = officer.get(BASE + "/publish").body();
    assertTrue(page.contains("Responses counted</dt><dd class=\"govuk-summary-list__value\">36<"));
    assertTrue(page.contains("Themes</dt><dd class=\"govuk-summary-list__value\">" + themes + "<"));
    assertTrue(
        page.contains(themes + " themes have no “we did” response yet: "),
        "every theme still needs a response: " + page);

    var theme = fixture.themes().get(0);
    assertEquals(
        303,
        officer
            .postForm(
                BASE + "/themes/find-information/" + theme.id(),
                "action=we-did&status=planned&text=We+will")
            .status());
    String after = officer.get(BASE + "/publish").body();
    assertTrue(after.contains("“We did” responses</dt><dd class=\"govuk-summary-list__value\">1<"));
    assertTrue(
        after.contains(
            (themes - 1) + (themes - 1 == 1 ? " theme has" : " themes have") + " no “we did”"));
  }

  @Test
  void publishingQueuesOneJobForThePublisherAndLogsWhoAsked() {
    Reply unconfirmed = officer.postForm(BASE + "/publish", "draft=" + fingerprint());
    assertEquals(400, unconfirmed.status(), "the officer must confirm they checked it");
    assertTrue(unconfirmed.body().contains("Confirm that you have checked what will be published"));
    Reply stale = officer.postForm(BASE + "/publish", "confirm=yes&draft=not-this-draft");
    assertEquals(409, stale.status(), "a sign-off of another draft");
    assertTrue(stale.body().contains("has changed since you opened this page"));
    assertEquals(List.of(), fixture.publishJobs, "nothing queued without a sign-off");

    Reply asked = signOff();
    assertEquals(303, asked.status(), asked.body());
    assertEquals(BASE + "/publish?done=publishing", asked.header("Location").orElse(null));
    assertEquals(1, fixture.publishJobs.size());
    PublishJob job = Json.read(fixture.publishJobs.get(0), PublishJob.class);
    assertEquals("demo", job.council());
    assertEquals("local-offer-2026", job.consultationId());
    assertEquals("subject-publisher@demo.example", job.officer(), "the token's subject");
    assertFalse(job.requestId().isBlank());
    List<AuditEntry> log = fixture.services.audit().entries("demo", "local-offer-2026");
    assertEquals(List.of("publish"), log.stream().map(AuditEntry::action).toList());
    assertEquals("publisher@demo.example", log.get(0).officer());
    assertTrue(
        officer
            .get(asked.header("Location").orElseThrow())
            .body()
            .contains("Publishing has started"));

    assertEquals(303, signOff().status());
    assertEquals(2, fixture.publishJobs.size());
    assertFalse(
        Json.read(fixture.publishJobs.get(1), PublishJob.class).requestId().equals(job.requestId()),
        "each request is its own, so the publisher can tell a re-drive from a new version");
  }

  @Test
  void thePublicationRecordListsEveryVersionNewestFirst(@TempDir Path site) throws Exception {
    fixture.answerAndAnalyse(officer);
    assertEquals(303, signOff().status());
    fixture.runPublisher(site);
    assertEquals(303, signOff().status());
    fixture.runPublisher(site);
    List<Publication> versions =
        fixture.services.publications().versions("demo", "local-offer-2026");
    assertEquals(List.of(1, 2), versions.stream().map(Publication::version).toList());
    assertTrue(Files.isRegularFile(site.resolve("published/demo/local-offer-2026/index.html")));

    String page = officer.get(BASE + "/publish").body();
    assertFalse(page.contains("Nothing has been published yet"));
    int second = page.indexOf(versions.get(1).contentHash());
    int first = page.lastIndexOf(versions.get(0).contentHash());
    assertTrue(second >= 0 && first >= 0, "both fingerprints are shown");
    assertTrue(second < page.indexOf("Version 1"), "newest first");
    assertTrue(
        page.contains("href=\"/published/demo/local-offer-2026/versions/1/index.html\""),
        "a link to each version on the published site");
    assertTrue(page.contains("href=\"/published/demo/local-offer-2026/index.html\""));
  }

  @Test
  void anUnknownConsultationOrAnotherCouncilIsRefusedAndNothingIsQueued() {
    String nope = "/officer/councils/demo/consultations/nope";
    assertEquals(404, officer.get(nope + "/publish").status());
    assertEquals(404, officer.get(nope + "/publish/preview").status());
    assertEquals(404, officer.postForm(nope + "/publish", "").status());
    OfficerSession elsewhere = fixture.officer("x@elsewhere.example", "elsewhere");
    assertEquals(403, elsewhere.get(BASE + "/publish").status());
    assertEquals(403, elsewhere.get(BASE + "/publish/preview").status());
    assertEquals(403, elsewhere.postForm(BASE + "/publish", "").status());
    Reply forged = officer.postForm(BASE + "/publish", "csrf=made-up", true);
    assertEquals(403, forged.status(), "a form without the session's CSRF token");
    assertEquals(List.of(), fixture.publishJobs);
    assertTrue(fixture.services.audit().entries("demo", "local-offer-2026").isEmpty());
  }
}
