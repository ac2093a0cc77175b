package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.local.OfficerBrowser.enc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.ConsultationThemes.AnalysedQuestion;
import org.yousaid.shared.themes.EffectiveThemes;

/**
 * Issue 12 ("themes an officer can trust"), the whole loop a hurried officer lives, over real HTTP
 * with the real engine, on 79 messy answers imported from another survey tool (typos, lower-case
 * names, schools, a phone number, an address, one-word answers, a campaign sentence six times) and
 * 4 sent online with receipt codes: the officer adds the question, imports, finds themes, reads
 * each theme's page, renames, merges, splits, moves, approves two quotes (one after removing a
 * word), writes "we did"; a parent erases their answer with their receipt code; the officer finds
 * themes again, publishes, finds themes again and publishes a second version. Every correction
 * survives both re-runs, and the erased answer is nowhere: not on a page, an export or the site.
 */
class EhcLoopScenarioTest {

  private static final String COUNCIL = "demo";
  private static final String CONSULTATION = "local-offer-2026";
  private static final String BASE =
      "/officer/councils/" + COUNCIL + "/consultations/" + CONSULTATION;
  private static final String QUESTION_TEXT =
      "What would make the EHC needs assessment or annual review process better for your family?";
  private static final Pattern RECEIPT = Pattern.compile("\"receipt\":\"([0-9A-Z\\-]+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Sent online; the first is the one its parent erases. */
  private static final List<String> ONLINE =
      List.of(
          "my daughter's plan took 41 weeks. Mrs Okafor at Oakfield special school had to chase"
              + " the council every week. please stick to the 20 weeks",
          "Nobody answers the SEN team phone, I rang 14 times in one week, ring me on 07700 900456",
          "The annual review paperwork never came back from the council so the plan still says he"
              + " is in year 2",
          "Every child deserves an EHCP that is delivered on time and in full.");

  private static final String ERASED = ONLINE.get(0);
  private static final String DELAYS = "Delays beyond the 20-week timescale";
  private static final String COMMUNICATION = "Communication from the SEN team";
  private static final String FORMS = "Help with forms, letters and SENDIASS";
  private static final String ADVICE = "Health and therapy advice";
  private static final List<String> OFFICERS = List.of(DELAYS, COMMUNICATION, FORMS, ADVICE);
  private static final String WE_DID =
      "We have recruited two more educational psychologists and now send a monthly update to"
          + " every family waiting for a decision.";

  @org.yousaid.testing.WithLocalMode static LocalMode local;

  private OfficerBrowser officer;
  private String question;

  @Test
  void aHurriedOfficersLoopOnMessyAnswersKeepsEveryCorrectionAndForgetsTheErasedAnswer()
      throws Exception {
    officer = new OfficerBrowser(local, "officer@demo.example", List.of(COUNCIL));
    addTheQuestion();
    importTheFile();
    List<String> receipts = new ArrayList<>();
    for (String text : ONLINE) {
      receipts.add(answerOnline(text));
    }
    assertEquals(83, texts().size(), "79 imported and 4 sent online");

    findThemes();
    // Each theme's page shows the answer "N other answers support".
    for (EffectiveThemes.Theme t : themes().themes()) {
      String page = themePage(t.id());
      String exemplar = texts().get(t.exemplarId());
      assertTrue(
          page.contains("Exemplar answer") && page.contains(html(exemplar)),
          "the theme page of " + t.label() + " shows its exemplar answer");
      assertTrue(page.contains(t.othersSupport() + " other answer"), t.label());
    }

    correct();
    EffectiveThemes.Result corrected = themes();
    String themesPage = officer.get(BASE + "/themes").body();
    List<Integer> quoteCounts =
        corrected.themes().stream().map(t -> t.quotes().size()).filter(n -> n > 0).toList();
    assertTrue(quoteCounts.contains(1), "a theme with one approved quote: " + quoteCounts);
    assertTrue(themesPage.contains("1 quote approved for publication."), "one quote, not quotes");
    assertFalse(themesPage.contains("1 quotes"), "one quote, not quotes");
    assertFalse(themesPage.contains("Key terms: ."), "a theme without key terms says nothing");

    // The parent erases their answer with their receipt code, as the receipt page does.
    String erasedId = idOf(ERASED);
    String delaysId = byLabel(corrected, DELAYS).id();
    HttpResponse<String> shown = publicForm("/receipt", "receipt=" + enc(receipts.get(0)));
    assertTrue(shown.body().contains("Delete my answers"), "the parent sees their answers");
    HttpResponse<String> erased =
        publicForm("/receipt", "receipt=" + enc(receipts.get(0)) + "&action=erase");
    assertTrue(erased.body().contains("Your answers have been deleted"), erased.body());
    assertFalse(texts().containsKey(erasedId));
    String delaysPage = themePage(delaysId);
    assertFalse(delaysPage.contains("41 weeks"), "the erased answer left its theme's page");
    assertTrue(delaysPage.contains("Exemplar answer"), "another answer is the exemplar now");

    findThemes();
    assertCorrectionsKept(corrected, erasedId);
    publish();
    samePercentagesAsPublished();
    findThemes();
    assertCorrectionsKept(corrected, erasedId);
    publish();

    assertTrue(
        local.publishQueue().awaitIdle(2, TimeUnit.MINUTES)
            && get("/published/demo/local-offer-2026/versions/2/index.html").statusCode() == 200,
        "two versions are published");
    checkEverywhere(erasedId);
  }

  // ---------------------------------------------------------------- the officer's steps

  private void addTheQuestion() throws Exception {
    String questions = BASE + "/questions";
    assertEquals(
        303,
        officer
            .postForm(
                questions + "/new",
                "action=save&version="
                    + version(officer.get(questions + "/new").body())
                    + "&type=FREE_TEXT&text="
                    + enc(QUESTION_TEXT))
            .statusCode());
    question =
        consultation().questions().stream()
            .filter(q -> q.text().equals(QUESTION_TEXT))
            .findFirst()
            .orElseThrow()
            .id();
  }

  private void importTheFile() throws Exception {
    String csv;
    try (InputStream in = getClass().getResourceAsStream("/ehc-loop-answers.csv")) {
      csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String api = "/api/v1" + BASE + "/import";
    // The demo's first question is required and the file, from another tool, does not have it:
    // every row is refused, and the officer is told what they can do about it.
    HttpResponse<String> refused = officer.postApi(api, "text/csv", csv);
    assertTrue(texts().isEmpty(), "nothing is imported: " + refused.statusCode());
    assertFalse(refused.body().contains("Enter an answer for"), "the respondent's words");
    assertTrue(
        refused.body().contains("which the form requires. To import rows without it, make the"),
        refused.body());

    String edit = BASE + "/questions/find-information";
    assertEquals(
        303,
        officer
            .postForm(
                edit,
                "action=save&version="
                    + version(officer.get(edit).body())
                    + "&type=FREE_TEXT&text="
                    + enc(
                        "What would help you find information about services for your child or"
                            + " young person?")
                    + "&maxLength=2000")
            .statusCode());
    HttpResponse<String> imported = officer.postApi(api, "text/csv", csv);
    assertEquals(2, imported.statusCode() / 100, imported.body());
    assertTrue(local.importQueue().awaitIdle(5, TimeUnit.MINUTES));
    assertEquals(79, texts().size(), "every row of the file is imported");
  }

  /**
   * Renames, a merge, a split, a move, two quotes (one with a word removed) and a "we did", each on
   * the theme that holds the answers it is about, wherever the engine put them.
   */
  private void correct() throws Exception {
    own(DELAYS, ERASED);
    own(COMMUNICATION, ONLINE.get(1));
    // Merge a theme of other answers about the SEN team's emails and calls into it.
    EffectiveThemes.Result r = themes();
    String communication = byLabel(r, COMMUNICATION).id();
    EffectiveThemes.Theme merged =
        List.of(
                "nobody tells us what is happening, emails go unanswered",
                "please answer the phone!!",
                "Keep us updated while we wait",
                "update us more often",
                "Communication is shocking")
            .stream()
            .map(a -> themeOf(themes(), a))
            .filter(t -> !t.id().equals(communication) && !OFFICERS.contains(t.label()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no theme about communication to merge"));
    post(merged.id(), "action=merge&target=" + enc(communication));

    r = themes();
    EffectiveThemes.Theme adviceFrom = themeOf(r, "speech and language advice was done over zoom");
    List<String> advice = new ArrayList<>();
    for (String m : adviceFrom.memberIds()) {
      String text = texts().get(m).toLowerCase(Locale.ROOT);
      if (text.contains("advice") || text.contains(" ot ") || text.contains("camhs")) {
        advice.add("answer=" + m);
      }
    }
    post(adviceFrom.id(), "action=split&label=" + enc(ADVICE) + "&" + String.join("&", advice));

    own(FORMS, "Jo from SENDIASS was amazing");
    moveInto(FORMS, "The forms are too long and full of jargon");
    moveInto(DELAYS, "Far too slow. Decision to assess took 11 weeks not 6");
    moveInto(FORMS, "Translated letters please");

    r = themes();
    String farTooSlow = idOf("Far too slow. Decision to assess took 11 weeks not 6");
    post(byLabel(r, DELAYS).id(), "action=approve&answer=" + farTooSlow);
    String translated = idOf("Translated letters please");
    post(byLabel(r, FORMS).id(), "action=redact&answer=" + translated + "&words=Urdu");
    post(
        byLabel(r, DELAYS).id(),
        "action=we-did&status=" + enc("in progress") + "&text=" + enc(WE_DID));
  }

  /**
   * Names the theme holding the answer after it, or, when that theme already has one of the
   * officer's names, splits the answer out into a theme of its own with the name.
   */
  private void own(String label, String answerStart) throws Exception {
    EffectiveThemes.Theme t = themeOf(themes(), answerStart);
    if (OFFICERS.contains(t.label())) {
      post(t.id(), "action=split&label=" + enc(label) + "&answer=" + idOf(answerStart));
    } else {
      post(t.id(), "action=rename&label=" + enc(label));
    }
  }

  /** Moves the answer into the officer's theme for it, if the engine put it elsewhere. */
  private void moveInto(String label, String answerStart) throws Exception {
    EffectiveThemes.Result r = themes();
    String target = byLabel(r, label).id();
    EffectiveThemes.Theme from = themeOf(r, answerStart);
    if (!from.id().equals(target)) {
      post(from.id(), "action=move&target=" + enc(target) + "&answer=" + idOf(answerStart));
    }
  }

  private void assertCorrectionsKept(EffectiveThemes.Result before, String erasedId) {
    EffectiveThemes.Result now = themes();
    for (String label : List.of(DELAYS, COMMUNICATION, FORMS, ADVICE)) {
      EffectiveThemes.Theme was = byLabel(before, label);
      assertEquals(label, byId(now, was.id()).label(), "the officer's name stays");
      assertEquals(
          was.quotes().keySet().stream().filter(q -> !q.equals(erasedId)).toList(),
          new ArrayList<>(byId(now, was.id()).quotes().keySet()),
          "approved quotes stay with " + label);
    }
    EffectiveThemes.Theme delays = byLabel(now, DELAYS);
    assertEquals(WE_DID, delays.weDid().text());
    assertTrue(
        byLabel(now, FORMS).quotes().values().stream()
            .anyMatch(q -> q.contains("[redacted]") && !q.contains("Urdu")),
        "the quote keeps the word the officer removed out");
    for (EffectiveThemes.Theme t : EffectiveThemes.flatten(now.themes())) {
      assertFalse(t.memberIds().contains(erasedId), "the erased answer is in no theme");
      assertNotEquals(erasedId, t.exemplarId(), "nor an exemplar");
      assertFalse(
          t.keyTerms().contains("okafor") || t.keyTerms().contains("41 weeks"), "nor a key term");
    }
  }

  /**
   * The officer's themes page, their committee report and the published page give a theme the same
   * share, and the page says how many answers ("n/a", ".") are in no theme.
   */
  private void samePercentagesAsPublished() throws Exception {
    String themesPage = officer.get(BASE + "/themes").body();
    String published = get("/published/demo/local-offer-2026/index.html").body();
    String report =
        zipText(officer.getBytes(BASE + "/export/docx").body()).replaceAll("<[^>]+>", "");
    long notThemed = nonAnswers();
    assertTrue(notThemed > 0, "\".\", \"n/a\" and \"nothing\" are in no theme");
    assertTrue(
        themesPage.contains(notThemed + " of them with nothing to put in a theme"),
        "the themes page says how many answers are in no theme: " + notThemed);
    int compared = 0;
    for (String label : List.of(DELAYS, COMMUNICATION, FORMS)) {
      Matcher officers =
          Pattern.compile(Pattern.quote(html(label)) + "</a> \\((\\d+) answers, (\\d+)%\\)")
              .matcher(themesPage);
      assertTrue(officers.find(), label + " on the themes page");
      Matcher publics =
          Pattern.compile(
                  "You said: "
                      + Pattern.quote(html(label))
                      + "</h3>\\s*<p class=\"govuk-body\">(\\d+) answers \\((\\d+)% of answers\\)")
              .matcher(published);
      if (!publics.find()) {
        continue; // fewer than 5, or not shown so that a small one cannot be worked out
      }
      compared++;
      assertEquals(publics.group(1), officers.group(1), label + ": the same count");
      assertEquals(
          publics.group(2) + "%",
          officers.group(2) + "%",
          label + ": the themes page and the published page give the same share");
      assertTrue(
          report.contains(label + " (" + officers.group(1) + ", " + officers.group(2) + "%)"),
          label + ": the committee report gives the same share");
    }
    assertTrue(compared > 0, "a theme's share is published");
  }

  /** Answers analysed but put in no theme ("n/a", "."). */
  private long nonAnswers() {
    return analysed().answers().stream().filter(a -> a.themeIds().isEmpty()).count();
  }

  private void publish() throws Exception {
    assertEquals(303, officer.signOffAndPublish(BASE).statusCode());
    assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES));
    assertEquals(0, local.publishQueue().deadLetterCount());
  }

  // ---------------------------------------------------------------- what everyone can read

  /**
   * The erased answer is on no officer page or export, and the published site holds no name,
   * school, contact detail or number from 1 to 4.
   */
  private void checkEverywhere(String erasedId) throws Exception {
    List<String> officerPages = new ArrayList<>();
    officerPages.add(officer.get(BASE + "/themes").body());
    officerPages.add(officer.get(BASE + "/report").body());
    officerPages.add(officer.get(BASE + "/responses").body());
    officerPages.add(officer.get(BASE + "/publish").body());
    officerPages.add(officer.get(BASE + "/publish/preview").body());
    officerPages.add(officer.get(BASE + "/analysis/" + question).body());
    for (EffectiveThemes.Theme t : themes().themes()) {
      officerPages.add(themePage(t.id()));
    }
    officerPages.add(
        new String(officer.getBytes(BASE + "/export/csv").body(), StandardCharsets.UTF_8));
    officerPages.add(zipText(officer.getBytes(BASE + "/export/xlsx").body()));
    officerPages.add(zipText(officer.getBytes(BASE + "/export/docx").body()));
    for (String text : officerPages) {
      assertFalse(text.contains("41 weeks"), "the erased answer's text");
      assertFalse(text.contains("Okafor"), "the erased answer's named member of staff");
      assertFalse(text.contains(erasedId), "the erased answer's id");
    }

    List<String> site = new ArrayList<>();
    for (String file :
        List.of(
            "index.html",
            "you-said-we-did.json",
            "you-said-we-did.csv",
            "versions/1/index.html",
            "versions/2/index.html")) {
      HttpResponse<String> r = get("/published/demo/local-offer-2026/" + file);
      assertEquals(200, r.statusCode(), file);
      site.add(r.body());
    }
    site.add(get("/published/demo/feed.atom").body());
    String published = String.join("\n", site);
    assertTrue(published.contains(DELAYS) && published.contains(WE_DID));
    assertTrue(published.contains("Far too slow. Decision to assess took 11 weeks not 6"));
    for (String personal :
        List.of(
            "41 weeks",
            "Okafor",
            "Oakfield",
            "st peters",
            "Patel",
            "sarah",
            "khan",
            "07700",
            "Acacia",
            "Urdu",
            "Greenfield",
            "Jo from")) {
      assertFalse(
          published.toLowerCase(Locale.ROOT).contains(personal.toLowerCase(Locale.ROOT)),
          "the published site names no one: " + personal);
    }
    Matcher small =
        Pattern.compile("(?<![\\d.,%])([1-4]) (answers?|people|other answers?)\\b")
            .matcher(published);
    assertFalse(
        small.find(),
        "a number from 1 to 4 is published: " + (small.hitEnd() ? "" : small.group()));
  }

  // ---------------------------------------------------------------- plumbing

  private String answerOnline(String text) throws Exception {
    HttpResponse<String> r =
        PublicResponses.post(
            HTTP,
            local.port(),
            COUNCIL,
            CONSULTATION,
            PublicResponses.json(question, text, true, null));
    Matcher m = RECEIPT.matcher(r.body());
    assertTrue(m.find());
    return m.group(1);
  }

  private HttpResponse<String> publicForm(String path, String form) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void findThemes() throws Exception {
    HttpResponse<String> queued = officer.postForm(BASE + "/analysis", "");
    assertEquals(303, queued.statusCode(), queued.body());
    assertTrue(local.analysisQueue().awaitIdle(10, TimeUnit.MINUTES), "the worker finished");
    assertEquals(
        AnalysisStatus.DONE,
        local.services().analyses().find(COUNCIL, CONSULTATION, question).orElseThrow().status());
  }

  private void post(String themeId, String form) throws Exception {
    HttpResponse<String> r =
        officer.postForm(BASE + "/themes/" + question + "/" + enc(themeId), form);
    assertEquals(303, r.statusCode(), form + ": " + r.body());
  }

  private String themePage(String themeId) throws Exception {
    return officer.get(BASE + "/themes/" + question + "/" + enc(themeId)).body();
  }

  private static Consultation consultation() {
    return local.services().consultations().find(COUNCIL, CONSULTATION).orElseThrow();
  }

  /** Response id to its answer to the question. */
  private Map<String, String> texts() {
    Map<String, String> texts = new HashMap<>();
    for (Response r : local.services().responses().listForConsultation(COUNCIL, CONSULTATION)) {
      r.answer(question).ifPresent(a -> texts.put(r.id(), a.text()));
    }
    return texts;
  }

  private String idOf(String start) {
    return texts().entrySet().stream()
        .filter(e -> e.getValue().startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no answer starts " + start))
        .getKey();
  }

  private EffectiveThemes.Theme themeOf(EffectiveThemes.Result r, String answerStart) {
    String id = idOf(answerStart);
    return r.themes().stream()
        .filter(t -> t.memberIds().contains(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("in no theme: " + answerStart));
  }

  private EffectiveThemes.Result themes() {
    return analysed().themes();
  }

  /** The question's analysis as the officer pages load it (with the officer's corrections). */
  private AnalysedQuestion analysed() {
    return local
        .services()
        .themes()
        .load(
            consultation(),
            local.services().responses().listForConsultation(COUNCIL, CONSULTATION),
            question)
        .get(0);
  }

  private static EffectiveThemes.Theme byLabel(EffectiveThemes.Result r, String label) {
    return r.themes().stream()
        .filter(t -> t.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no theme " + label));
  }

  private static EffectiveThemes.Theme byId(EffectiveThemes.Result r, String id) {
    return r.themes().stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no theme " + id));
  }

  private static String version(String page) {
    Matcher m = Pattern.compile("name=\"version\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(m.find(), "the page carries the questions' version");
    return m.group(1);
  }

  /** The text of every XML part of an XLSX or DOCX file. */
  private static String zipText(byte[] file) throws Exception {
    StringBuilder text = new StringBuilder();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().endsWith(".xml")) {
          text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return text.toString();
  }

  private static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + local.port() + path);
  }
}
