package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.yousaid.publishing.RegisterPublisher;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.testing.WithLocalMode;

/**
 * The reg. 56 register over real HTTP in local mode, as a hurried officer and an adversary would
 * use it: messy comments from the public form's API, page feedback and an import (lower-case names,
 * schools, praise and complaint about the same service); forms sent half filled in; a vexatious
 * comment and one child's case kept out; an erasure with the receipt code while the report is
 * online; the report published twice more. Then every published page, JSON, CSV, the Atom feed and
 * the Word and PDF downloads say what they must and nothing they must not.
 */
@WithLocalMode
class RegisterScenarioHttpTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String COUNCIL = "kr";
  private static final String REGISTER = "/officer/councils/kr/register";
  private static final String SITE = "/published/kr/local-offer-feedback/";

  /** Comment text to its receipt code. */
  private final Map<String, String> receipts = new LinkedHashMap<>();

  @Test
  void aHurriedOfficerAndAnAdversaryGetWhatRegulation56Promises(LocalMode local) throws Exception {
    local
        .services()
        .consultations()
        .save(
            ConsultationTemplates.localOffer(
                COUNCIL, "Kingston and Richmond", "lo-2026", List.of(), null, null));
    local
        .services()
        .consultations()
        .save(
            ConsultationTemplates.pageFeedback(COUNCIL, "Kingston and Richmond", "page-feedback"));
    OfficerBrowser officer = new OfficerBrowser(local, "officer@kr.example", List.of(COUNCIL));
    assertTrue(
        officer.get("/officer").body().contains("has not published the comments"),
        "the home page warns before anything is published");

    // What families sent.
    for (int i = 0; i < 5; i++) {
      answer(local, "short breaks page is great, the list of play schemes helped us " + i, true);
    }
    answer(
        local, "short breaks info is out of date, the prices were wrong UNCONSENTED-CANARY", false);
    answer(
        local,
        "thank you mrs okafor at st mary's primary, she showed me the short breaks page",
        true);
    answer(local, "the search does not work with my screen reader", true);
    answer(local, "cannot zoom the pages on my phone", true);
    answer(local, "you are all useless idiots VEXATIOUS-CANARY", true);
    answer(
        local,
        "my son jayden's ehcp review at riverside academy is 10 weeks late CASE-CANARY",
        true);
    String erased =
        answer(local, "ERASED-CANARY the short breaks page should list holiday clubs", true);
    for (int i = 0; i < 5; i++) {
      answer(local, "please ask the parent forum before you change pages " + i, true);
    }
    assertEquals(
        201,
        post(
                local,
                "/api/v1/councils/kr/page-feedback",
                "{\"pageUrl\":\"https://localoffer.kr.example/short-breaks?name=jo\",\"useful\":false,"
                    + "\"comment\":\"the short breaks page has no phone number\"}")
            .statusCode());
    HttpResponse<String> imported =
        officer.postApi(
            "/api/v1/officer/councils/kr/consultations/lo-2026/import",
            "text/csv",
            "find-information\n\"paper form: easy read version of the short breaks page please\"\n");
    assertTrue(imported.statusCode() / 100 == 2, imported.body());

    // The register has every comment, new.
    String register = officer.get(REGISTER).body();
    assertTrue(register.contains("the search does not work with my screen reader"));
    assertTrue(register.contains("Page feedback"));
    assertTrue(register.contains("Imported comment"));
    JsonNode api =
        Json.mapper().readTree(officer.get("/api/v1/officer/councils/kr/register").body());
    assertEquals(19, api.get("entries").size());
    assertTrue(api.get("publicationDue").asBoolean());
    Map<String, String> ids = new LinkedHashMap<>();
    api.get("entries")
        .forEach(
            e ->
                ids.put(
                    e.get("text").asText(),
                    e.get("consultationId").asText()
                        + "~"
                        + e.get("questionId").asText()
                        + "~"
                        + e.get("responseId").asText()));

    // A new theme sent without its area comes back with the error and what was typed.
    HttpResponse<String> missing =
        officer.postForm(
            entry(ids, "short breaks page is great, the list of play schemes helped us 0"),
            "do=triage&theme=new&label=" + OfficerBrowser.enc("Short breaks information"));
    assertEquals(400, missing.statusCode());
    assertTrue(missing.body().contains("There is a problem"));
    assertTrue(missing.body().contains("value=\"Short breaks information\""));
    assertEquals(
        303,
        officer
            .postForm(
                entry(ids, "short breaks page is great, the list of play schemes helped us 0"),
                "do=triage&theme=new&area=content&label="
                    + OfficerBrowser.enc("Short breaks information")
                    + "&quote=yes")
            .statusCode());
    assertEquals(
        303,
        officer
            .postForm(
                entry(ids, "the search does not work with my screen reader"),
                "do=triage&theme=new&area=accessibility&label="
                    + OfficerBrowser.enc("Screen readers and phones")
                    + "&quote=yes")
            .statusCode());
    assertEquals(
        303,
        officer
            .postForm(
                entry(ids, "please ask the parent forum before you change pages 0"),
                "do=triage&theme=new&area=development&label="
                    + OfficerBrowser.enc("Involve the parent carer forum"))
            .statusCode());
    for (String text : ids.keySet()) {
      String theme =
          text.contains("screen reader") || text.contains("zoom")
              ? "screen-readers-and-phones"
              : text.contains("forum")
                  ? "involve-the-parent-carer-forum"
                  : "short-breaks-information";
      boolean quote =
          text.contains("okafor")
              || text.contains("ERASED")
              || text.contains("UNCONSENTED")
              || text.contains(" 1");
      HttpResponse<String> r =
          officer.postForm(
              entry(ids, text), "do=triage&theme=" + theme + (quote ? "&quote=yes" : ""));
      if (text.contains("UNCONSENTED")) {
        assertEquals(400, r.statusCode(), "a quote of someone who did not agree is refused");
        assertTrue(r.body().contains("did not agree to be quoted"));
        r = officer.postForm(entry(ids, text), "do=triage&theme=" + theme);
      }
      assertEquals(303, r.statusCode(), text + ": " + r.body());
    }
    // Keeping a comment out needs a recorded reason, and casework offered for one child's case.
    HttpResponse<String> noReason =
        officer.postForm(
            entry(ids, "you are all useless idiots VEXATIOUS-CANARY"),
            "do=exclude&note=" + OfficerBrowser.enc("rude"));
    assertEquals(400, noReason.statusCode());
    assertTrue(noReason.body().contains("Choose why this comment must not be published"));
    assertTrue(noReason.body().contains(">rude</textarea>"));
    assertEquals(
        303,
        officer
            .postForm(
                entry(ids, "you are all useless idiots VEXATIOUS-CANARY"),
                "do=exclude&reason=vexatious")
            .statusCode());
    String caseEntry =
        entry(ids, "my son jayden's ehcp review at riverside academy is 10 weeks late CASE-CANARY");
    assertEquals(
        400, officer.postForm(caseEntry, "do=exclude&reason=individual-case").statusCode());
    assertEquals(
        303,
        officer
            .postForm(
                caseEntry,
                "do=exclude&reason=individual-case&casework=yes&note="
                    + OfficerBrowser.enc("passed to the EHC team"))
            .statusCode());
    assertTrue(officer.get(caseEntry).body().contains("passed to the EHC team"));

    // The council's responses and actions.
    assertEquals(
        303,
        officer
            .postForm(
                REGISTER + "/themes/short-breaks-information",
                "label="
                    + OfficerBrowser.enc("Short breaks information")
                    + "&response="
                    + OfficerBrowser.enc("You told us the page was out of date.")
                    + "&action="
                    + OfficerBrowser.enc("We checked every price on the short breaks page.")
                    + "&status=done")
            .statusCode());
    assertEquals(
        303,
        officer
            .postForm(
                REGISTER + "/themes/screen-readers-and-phones",
                "label="
                    + OfficerBrowser.enc("Screen readers and phones")
                    + "&action="
                    + OfficerBrowser.enc("We are testing every page with a screen reader.")
                    + "&status=planned")
            .statusCode());
    HttpResponse<String> noAction =
        officer.postForm(
            REGISTER + "/themes/involve-the-parent-carer-forum",
            "label=" + OfficerBrowser.enc("Involve the parent carer forum") + "&status=planned");
    assertEquals(400, noAction.statusCode(), "a status with no action is refused");

    // Sign off and publish.
    publish(officer, local);
    assertEquals(1, versions(local).size());
    assertFalse(
        officer.get("/officer").body().contains("has not published the comments"),
        "the warning goes");
    assertTrue(
        get(local, SITE + "index.html").body().contains("ERASED-CANARY"),
        "a consented, approved quote is published");

    // The respondent erases with their receipt; the report is withdrawn and published again.
    assertEquals(
        204,
        HTTP.send(
                HttpRequest.newBuilder(uri(local, "/api/v1/receipts/" + erased)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString())
            .statusCode());
    await(() -> versions(local).size() == 2, "the erasure republishes the report by itself");
    assertEquals(List.of(1), versions(local).get(1).withdrawn());
    assertEquals(
        404,
        officer
            .get(entry(ids, "ERASED-CANARY the short breaks page should list holiday clubs"))
            .statusCode(),
        "its register entry went with it");

    // The action moves on; published again.
    assertEquals(
        303,
        officer
            .postForm(
                REGISTER + "/themes/screen-readers-and-phones",
                "label="
                    + OfficerBrowser.enc("Screen readers and phones")
                    + "&action="
                    + OfficerBrowser.enc("We are testing every page with a screen reader.")
                    + "&status=in-progress")
            .statusCode());
    publish(officer, local);
    assertEquals(3, versions(local).size());

    // What is published: every file of the site, and the Word and PDF the officer downloads.
    StringBuilder everything = new StringBuilder(site(local));
    everything.append(words(officer.getBytes(REGISTER + "/report/download/docx").body(), false));
    everything.append(words(officer.getBytes(REGISTER + "/report/download/pdf").body(), true));
    everything.append(officer.get(REGISTER + "/report/download/csv").body());
    String all = everything.toString().toLowerCase(Locale.ROOT);
    for (String never :
        List.of(
            "vexatious-canary",
            "idiots",
            "case-canary",
            "jayden",
            "riverside",
            "unconsented-canary",
            "erased-canary",
            "okafor",
            "st mary",
            "name=jo")) {
      assertFalse(all.contains(never), never + " is published");
    }
    assertTrue(all.contains("thank you [staff] at [school]"), "the consented quote, names removed");
    JsonNode json = Json.mapper().readTree(get(local, SITE + "local-offer-feedback.json").body());
    List<JsonNode> themes = new ArrayList<>();
    json.get("areas").forEach(a -> a.get("themes").forEach(themes::add));
    for (JsonNode t : themes) {
      JsonNode n = t.get("comments");
      assertTrue(
          n.isNull() || n.asInt() == 0 || n.asInt() >= 5, "a count of 1 to 4 is published: " + t);
    }
    JsonNode small =
        themes.stream()
            .filter(t -> t.get("id").asText().equals("screen-readers-and-phones"))
            .findFirst()
            .orElseThrow();
    assertEquals("fewer than 5", small.get("commentsNote").asText());
    boolean derivable =
        !json.get("comments").isNull()
            && themes.stream().filter(t -> t != small).allMatch(t -> !t.get("comments").isNull());
    assertFalse(derivable, "the small count is the total minus the others");
    assertEquals("In progress", json.get("inProgress").get(0).get("status").asText());
    String feed = get(local, "/published/kr/feed.atom").body();
    assertTrue(
        feed.contains("urn:yousaid:kr:local-offer-feedback:action-screen-readers-and-phones"));
    assertTrue(feed.contains("Status history: Planned on"), feed);
    assertTrue(feed.contains("; In progress on"), feed);
    assertTrue(
        feed.contains("urn:yousaid:kr:local-offer-feedback:action-short-breaks-information"));
    assertTrue(
        get(local, "/published/kr/index.html").body().contains("local-offer-feedback/index.html"));
    assertTrue(get(local, SITE + "versions/1/index.html").body().contains("has been withdrawn"));
    assertEquals(404, get(local, SITE + "versions/1/local-offer-feedback.json").statusCode());
    assertTrue(get(local, SITE + "versions/2/local-offer-feedback.json").statusCode() == 200);

    // Another council's officer gets nothing of it.
    OfficerBrowser other = new OfficerBrowser(local, "officer@demo.example", List.of("demo"));
    assertEquals(403, other.get(REGISTER).statusCode());
    assertEquals(403, other.get("/api/v1/officer/councils/kr/register").statusCode());
    assertEquals(403, other.getBytes(REGISTER + "/report/download/pdf").statusCode());
  }

  private String answer(LocalMode local, String text, boolean consent) throws Exception {
    String json =
        Json.mapper()
            .writeValueAsString(
                Map.of("answers", Map.of("find-information", text), "consentToQuote", consent));
    HttpResponse<String> r =
        post(local, "/api/v1/councils/kr/consultations/lo-2026/responses", json);
    assertEquals(201, r.statusCode(), r.body());
    String receipt = Json.mapper().readTree(r.body()).path("receipt").asText();
    receipts.put(text, receipt);
    return receipt;
  }

  private static String entry(Map<String, String> ids, String text) {
    String id = ids.get(text);
    assertTrue(id != null, "no entry for " + text);
    return REGISTER + "/entries/" + id;
  }

  private static void publish(OfficerBrowser officer, LocalMode local) throws Exception {
    java.util.regex.Matcher draft =
        java.util.regex.Pattern.compile("name=\"draft\" value=\"([0-9a-f]{64})\"")
            .matcher(officer.get(REGISTER + "/report").body());
    assertTrue(draft.find());
    HttpResponse<String> r =
        officer.postForm(REGISTER + "/report", "confirm=yes&draft=" + draft.group(1));
    assertEquals(303, r.statusCode(), r.body());
    assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES));
  }

  private static List<Publication> versions(LocalMode local) {
    return new RegisterPublisher(local.services()).versions(COUNCIL);
  }

  private static String site(LocalMode local) throws Exception {
    StringBuilder all = new StringBuilder();
    Path root = local.site().root().resolve("published/kr");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
      }
    }
    return all.toString();
  }

  private static String words(byte[] file, boolean pdf) throws Exception {
    if (pdf) {
      try (var doc = Loader.loadPDF(file)) {
        return new PDFTextStripper().getText(doc);
      }
    }
    try (XWPFWordExtractor x =
        new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(file)))) {
      return x.getText();
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, what);
      Thread.sleep(200);
    }
  }

  private static HttpResponse<String> post(LocalMode local, String path, String json)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(local, path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(LocalMode local, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(local, path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(LocalMode local, String path) {
    return URI.create("http://127.0.0.1:" + local.port() + path);
  }
}
