package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.themes.ThemeCorrection;
import org.yousaid.testing.WithLocalMode;

/**
 * The theme page's forms over real HTTP, as a hurried officer uses them: every refused correction
 * comes back on the same page (400) with an error summary linking to the field, the field's own
 * message and everything typed; every correction made comes back with a success banner.
 */
class ThemeFormsTest {

  @WithLocalMode static LocalMode local;
  private static OfficerBrowser officer;
  private static SeededThemes seeded;

  @BeforeAll
  static void seed() throws Exception {
    officer = new OfficerBrowser(local, "editor@demo.example", List.of("demo"));
    seeded =
        SeededThemes.seed(
            local,
            "A search box where I can filter by my child's age",
            "Mrs Okafor at Oakfield Primary told us to search by age group",
            "Filter services by age please",
            "A named key worker I can phone",
            "A key worker who knows our family",
            "Someone to talk to when we are stuck");
  }

  private static final String T1 = SeededThemes.themePath("t1");
  private static final String T2 = SeededThemes.themePath("t2");

  @Test
  void aDatedWeDidEntryShowsOnItsThemePageAndInThePublishPreview() throws Exception {
    HttpResponse<String> saved =
        officer.postForm(
            T2, "action=we-did&status=done&date=1%2F12%2F2026&text=" + OfficerBrowser.enc("Hired"));
    assertEquals(303, saved.statusCode(), saved.body());
    String location = saved.headers().firstValue("Location").orElseThrow();
    assertTrue(location.endsWith("/t2?done=we-did"), location);
    HttpResponse<String> page = officer.get(location);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("We did (done, 1 December 2026)"), page.body());
    assertTrue(page.body().contains("govuk-notification-banner--success"));
    assertTrue(page.body().contains("“We did” response saved."));
    assertTrue(page.body().contains("value=\"1/12/2026\""), "the form shows the saved date");
    assertFalse(officer.get(T2).body().contains("govuk-notification-banner"), "only once asked");
    HttpResponse<String> preview = officer.get(SeededThemes.BASE + "/publish/preview");
    assertEquals(200, preview.statusCode());
    assertTrue(preview.body().contains("Hired"));
  }

  @Test
  void aRefusedWeDidComesBackWithEverythingTyped() throws Exception {
    String typed = "We will <b>train</b> every SENCo & \"named\" worker";
    HttpResponse<String> refused =
        officer.postForm(
            T1,
            "action=we-did&status=in+progress&date=31%2F02%2F2027&text="
                + OfficerBrowser.enc(typed));
    assertEquals(400, refused.statusCode());
    String body = refused.body();
    assertErrorLinksTo(body, "we-did-date", "Enter a real date, like 31/12/2026");
    assertTrue(body.contains("<title>Error: "), "the title says there is an error");
    assertTrue(
        body.contains(
            "We will &lt;b&gt;train&lt;/b&gt; every SENCo &amp; &quot;named&quot; worker"),
        "kept, escaped");
    assertTrue(body.contains("value=\"31/02/2027\""));
    assertTrue(body.contains("<option value=\"in progress\" selected>"));
    assertFalse(body.contains("govuk-notification-banner"));

    HttpResponse<String> empty = officer.postForm(T1, "action=we-did&status=&text=");
    assertEquals(400, empty.statusCode());
    assertErrorLinksTo(empty.body(), "we-did-text", "Enter what the council did or will do");
    assertErrorLinksTo(empty.body(), "we-did-status", "Choose whether this is planned");
  }

  @Test
  void refusedCorrectionsComeBackOnTheSamePage() throws Exception {
    HttpResponse<String> rename = officer.postForm(T1, "action=rename&label=+");
    assertEquals(400, rename.statusCode());
    assertErrorLinksTo(rename.body(), "label", "Enter a theme name of up to 120 characters");

    HttpResponse<String> merge = officer.postForm(T1, "action=merge&target=t1");
    assertEquals(400, merge.statusCode());
    assertErrorLinksTo(merge.body(), "merge-target", "Choose the theme to merge into");

    String first = "answer=" + seeded.ids.get(0);
    HttpResponse<String> move = officer.postForm(T1, "action=move&target=&" + first);
    assertEquals(400, move.statusCode());
    assertErrorLinksTo(move.body(), "move-target", "Choose the theme to move the answers to");
    assertTrue(
        move.body().contains("value=\"" + seeded.ids.get(0) + "\" checked"),
        "the ticked answer stays ticked");

    HttpResponse<String> split =
        officer.postForm(T1, "action=split&label=" + OfficerBrowser.enc("Council website"));
    assertEquals(400, split.statusCode());
    assertErrorLinksTo(split.body(), "answers", "Select at least one answer");
    assertTrue(
        split
            .body()
            .contains("id=\"split-label\" name=\"label\" type=\"text\" value=\"Council website\""));
    // The checkbox the summary links to exists.
    assertTrue(split.body().contains("id=\"answers\" name=\"answer\" type=\"checkbox\""));

    // Other tests approve quotes of t1; none renames, merges, moves or splits it.
    assertTrue(
        local
            .services()
            .corrections()
            .list("demo", DemoData.LOCAL_OFFER, SeededThemes.QUESTION)
            .stream()
            .filter(c -> c.themeId().equals("t1"))
            .noneMatch(
                c ->
                    List.of(
                            ThemeCorrection.Kind.RENAME,
                            ThemeCorrection.Kind.MERGE,
                            ThemeCorrection.Kind.MOVE,
                            ThemeCorrection.Kind.SPLIT)
                        .contains(c.kind())),
        "nothing refused was stored");
  }

  @Test
  void correctionsThatWorkSayWhatHappened() throws Exception {
    HttpResponse<String> renamed =
        officer.postForm(T2, "action=rename&label=" + OfficerBrowser.enc("Key working"));
    assertEquals(303, renamed.statusCode());
    String page = officer.get(renamed.headers().firstValue("Location").orElseThrow()).body();
    assertTrue(page.contains("Theme renamed."));
    assertTrue(page.contains("<h1 class=\"govuk-heading-l\">Key working</h1>"));
    // A made-up code shows nothing rather than text from the link.
    assertFalse(
        officer.get(T2 + "?done=%3Cscript%3E").body().contains("govuk-notification-banner"));
  }

  @Test
  void anAnswerWhoseAuthorDidNotAgreeSaysWhyAndCannotBeApproved() throws Exception {
    // The third answer (index 2) of the seed did not consent.
    String refusedId = seeded.ids.get(2);
    String page = officer.get(T1).body();
    assertTrue(
        page.contains("Cannot be quoted: the person who wrote this did not agree to be quoted."),
        page);
    HttpResponse<String> approve =
        officer.postForm(T1, "action=approve&answer=" + refusedId + "&answer=" + seeded.ids.get(0));
    assertEquals(400, approve.statusCode());
    assertErrorLinksTo(approve.body(), "answers", "1 of the answers you chose cannot be quoted");
    assertFalse(
        approve.body().contains("id=\"redact-answer-" + refusedId + "\""),
        "it is not offered for trimming either");
  }

  @Test
  void anOfficerRemovesMoreWordsBeforeApprovingAQuote() throws Exception {
    String id = seeded.ids.get(1);
    HttpResponse<String> notThere =
        officer.postForm(
            T1,
            "action=redact&answer=" + id + "&words=" + OfficerBrowser.enc("Oakfield, St Mary's"));
    assertEquals(400, notThere.statusCode());
    assertErrorLinksTo(
        notThere.body(), "redact-words", "These are not words of the quote: St Mary&#39;s");
    assertTrue(notThere.body().contains("value=\"Oakfield, St Mary&#39;s\""));
    assertTrue(notThere.body().contains("value=\"" + id + "\" checked"));

    HttpResponse<String> none = officer.postForm(T1, "action=redact&words=Oakfield");
    assertEquals(400, none.statusCode());
    assertErrorLinksTo(none.body(), "redact-answer", "Choose the answer to quote");

    HttpResponse<String> done =
        officer.postForm(
            T1,
            "action=redact&answer="
                + id
                + "&words="
                + OfficerBrowser.enc("Okafor, oakfield primary"));
    assertEquals(303, done.statusCode(), done.body());
    String page = officer.get(done.headers().firstValue("Location").orElseThrow()).body();
    assertTrue(page.contains("Quote approved with the words you chose replaced by [redacted]."));
    String trimmed = "Mrs [redacted] at [redacted] told us to search by age group";
    assertTrue(page.contains("quote approved</strong>: “" + trimmed + "”"), page);

    // Approving it again with others keeps the trim; the preview of the public page has only the
    // trimmed quote.
    assertEquals(
        303,
        officer
            .postForm(T1, "action=approve&answer=" + id + "&answer=" + seeded.ids.get(0))
            .statusCode());
    String preview = officer.get(SeededThemes.BASE + "/publish/preview").body();
    assertTrue(preview.contains(trimmed), preview);
    assertFalse(preview.contains("Oakfield") || preview.contains("Okafor"));

    var log = local.services().audit().entries("demo", DemoData.LOCAL_OFFER);
    var entry =
        log.stream().filter(e -> e.action().equals("theme redact")).findFirst().orElseThrow();
    assertEquals("editor@demo.example", entry.officer());
    assertTrue(entry.summary().contains("with 3 more words redacted"), entry.summary());
    assertFalse(entry.summary().contains("Oakfield") || entry.summary().contains("Okafor"));
  }

  /** The error summary links to the field, which exists and has its own message. */
  static void assertErrorLinksTo(String body, String fieldId, String message) {
    Matcher summary =
        Pattern.compile("<a href=\"#" + Pattern.quote(fieldId) + "\">([^<]*)</a>").matcher(body);
    assertTrue(summary.find(), "the summary links to #" + fieldId + ": " + body);
    assertTrue(summary.group(1).startsWith(message), summary.group(1));
    assertTrue(body.contains("id=\"" + fieldId + "\""), "the linked field exists: " + fieldId);
    assertTrue(
        body.contains("id=\"" + fieldId + "-error\" class=\"govuk-error-message\""),
        "the field has its own message: " + fieldId);
    assertTrue(body.contains("govuk-error-summary"));
  }
}
