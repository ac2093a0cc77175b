package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.local.ThemeFormsTest.assertErrorLinksTo;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.WithLocalMode;

/**
 * The consultation and import forms over real HTTP: errors on the same page with a summary linking
 * to each field and everything typed, a success banner after each action, times in UK words.
 */
class OfficerFormsTest {

  @WithLocalMode static LocalMode local;
  private static OfficerBrowser officer;

  @BeforeAll
  static void signIn() {
    officer = new OfficerBrowser(local, "forms@demo.example", List.of("demo"));
  }

  private static String enc(String s) {
    return OfficerBrowser.enc(s);
  }

  private static String follow(HttpResponse<String> redirect) throws Exception {
    assertEquals(303, redirect.statusCode(), redirect.body());
    return officer.get(redirect.headers().firstValue("Location").orElseThrow()).body();
  }

  /** Every question of a draft with its wording kept, as the manage form sends them. */
  private static String everyQuestion(String consultation) {
    StringBuilder form = new StringBuilder();
    for (var q :
        local.services().consultations().find("demo", consultation).orElseThrow().questions()) {
      form.append("&q.").append(q.id()).append(".text=").append(enc(q.text()));
    }
    return form.toString();
  }

  @Test
  void newAndManageFormsKeepWhatWasTypedAndSayWhatHappened() throws Exception {
    HttpResponse<String> invalid =
        officer.postForm(
            "/officer/councils/demo/new-consultation",
            "id=" + enc("x") + "&title=" + enc("Short breaks <2027>"));
    assertEquals(400, invalid.statusCode());
    assertErrorLinksTo(invalid.body(), "template", "Choose what kind of consultation to create");
    assertErrorLinksTo(invalid.body(), "id", "Enter a web address name");
    assertTrue(invalid.body().contains("value=\"Short breaks &lt;2027&gt;\""));

    String manage = "/officer/councils/demo/consultations/short-breaks-2027";
    String created =
        follow(
            officer.postForm(
                "/officer/councils/demo/new-consultation",
                "template=local-offer&id=short-breaks-2027&title=" + enc("Short breaks 2027")));
    assertTrue(created.contains("Draft created."), created);

    HttpResponse<String> badSave =
        officer.postForm(
            manage,
            "action=save&title=&intro=Hi&opens=1%2F2%2F2027&closes=30%2F2%2F2027"
                + "&q.find-information.text=&q.find-information.hint="
                + enc("Tell us <anything>"));
    assertEquals(400, badSave.statusCode());
    String body = badSave.body();
    assertErrorLinksTo(body, "title", "Enter a title");
    assertErrorLinksTo(body, "closes", "Enter the date it closes as a real date");
    assertErrorLinksTo(body, "q-find-information-text", "Enter the question");
    assertTrue(body.contains("value=\"1/2/2027\"") && body.contains("value=\"30/2/2027\""));
    assertTrue(body.contains("value=\"Tell us &lt;anything&gt;\""));
    assertTrue(
        Pattern.compile("id=\"q-find-information-required\"[^>]*value=\"yes\">")
            .matcher(body)
            .find(),
        "an unticked box stays unticked");

    String saved =
        follow(
            officer.postForm(
                manage,
                "action=save&title=T&intro=&opens=1%2F2%2F2027&closes="
                    + enc("31 March 2027")
                    + everyQuestion("short-breaks-2027")));
    assertTrue(saved.contains("Draft saved."), saved);
    assertTrue(saved.contains("value=\"31/3/2027\""), "the saved date, the UK way");

    assertTrue(
        follow(officer.postForm(manage, "action=open"))
            .contains("The consultation is open for answers."));
    assertTrue(follow(officer.postForm(manage, "action=close")).contains("closed to new answers"));
    HttpResponse<String> again = officer.postForm(manage, "action=close");
    assertEquals(409, again.statusCode(), "a second click on Close is explained on the page");
    assertErrorLinksTo(again.body(), "status-actions", "Only an open consultation can be closed.");

    // The history reads "1 December 2026 at 6:45pm: forms@demo.example closed…", never a machine
    // time.
    assertTrue(
        Pattern.compile(
                "\\d{1,2} [A-Z][a-z]+ \\d{4} at (\\d{1,2}(:\\d\\d)?[ap]m|midday|midnight): forms@demo.example closed")
            .matcher(again.body())
            .find(),
        again.body());
    assertFalse(Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:").matcher(again.body()).find());
  }

  @Test
  void theImportFormSaysWhatWentWrongAndKeepsTheFile() throws Exception {
    String path = "/officer/councils/demo/consultations/" + DemoData.LOCAL_OFFER + "/import";
    HttpResponse<String> blank = officer.postForm(path, "channel=paper&csv=+");
    assertEquals(400, blank.statusCode());
    assertErrorLinksTo(blank.body(), "file", "Choose a CSV or Excel file, or paste the answers");
    assertTrue(blank.body().contains("value=\"paper\" checked"));

    String broken = "find-information,\"Answering as\nnever closed";
    HttpResponse<String> unreadable = officer.postForm(path, "channel=email&csv=" + enc(broken));
    assertEquals(400, unreadable.statusCode());
    assertErrorLinksTo(unreadable.body(), "file", "The file could not be read as CSV");
    assertTrue(unreadable.body().contains("never closed</textarea>"));
    assertTrue(unreadable.body().contains("value=\"email\" checked"));

    // A readable file goes to the column-mapping preview first; nothing is stored until the
    // officer presses Import there (ImportHttpTest follows it through).
    HttpResponse<String> preview =
        officer.postForm(
            path,
            "channel=paper&csv="
                + enc(
                    "find-information,Answering as\nShort breaks in the holidays,Parent or carer\n"));
    assertEquals(200, preview.statusCode());
    assertTrue(
        preview.body().contains("Short breaks in the holidays"), "the rows as they will be stored");
    assertTrue(preview.body().contains("name=\"batch\""), "and the Import button's form");
  }
}
