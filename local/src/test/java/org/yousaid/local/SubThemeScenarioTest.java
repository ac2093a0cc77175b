package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.local.OfficerBrowser.enc;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yousaid.local.OfficerLoopAnswers.Answer;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.EffectiveThemes;

/**
 * Issue 12 item 1, the officer's side of sub-themes, over real HTTP with the real engine: on 45
 * answers in 8 themes the officer makes two themes sub-themes of a third (demote), renames one,
 * moves an answer into it, splits another; finds themes again; every one of those corrections is
 * still there, both levels consistent. Then a sub-theme is made a theme again (promote) and stays
 * one after the next re-run.
 */
class SubThemeScenarioTest {
  private static final String COUNCIL = "demo";
  private static final String CONSULTATION = "local-offer-2026";
  private static final String QUESTION = "find-information";
  private static final String BASE =
      "/officer/councils/" + COUNCIL + "/consultations/" + CONSULTATION;
  private static final Pattern SUBMITTED = Pattern.compile("\"responseId\":\"([0-9A-Z]+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @org.yousaid.testing.WithLocalMode static LocalMode local;

  private OfficerBrowser officer;

  @Test
  void correctionsToSubThemesSurviveAReRunAndSubThemesCanBePromoted() throws Exception {
    officer = new OfficerBrowser(local, "officer@demo.example", List.of(COUNCIL));
    for (Answer a : OfficerLoopAnswers.ANSWERS) submit(a);
    findThemes("themeCount=8");
    assertEquals(
        AnalysisStatus.DONE,
        local.services().analyses().find(COUNCIL, CONSULTATION, QUESTION).orElseThrow().status());
    List<EffectiveThemes.Theme> found =
        themes().themes().stream()
            .filter(t -> !t.other() && !t.proposed() && t.subThemes().isEmpty())
            .sorted(Comparator.comparingInt(EffectiveThemes.Theme::count).reversed())
            .toList();
    EffectiveThemes.Theme parent = found.get(0), first = found.get(1), second = found.get(2);

    // two themes become sub-themes of the largest
    correct(first.id(), "action=demote&target=" + enc(parent.id()));
    correct(second.id(), "action=demote&target=" + enc(parent.id()));
    // a theme with sub-themes cannot become a sub-theme itself: refused on the same page
    HttpResponse<String> refused =
        officer.postForm(
            BASE + "/themes/" + QUESTION + "/" + enc(parent.id()),
            "action=demote&target=" + enc(found.get(3).id()));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("govuk-error-summary"));
    // rename a sub-theme, move an answer of the theme into it, split the other sub-theme
    correct(first.id(), "action=rename&label=" + enc("Renamed sub-theme"));
    String moved =
        parent.memberIds().stream().filter(m -> !second.memberIds().contains(m)).findFirst().get();
    correct(parent.id(), "action=move&answer=" + moved + "&target=" + enc(first.id()));
    List<String> splitOff = second.memberIds().subList(0, 2);
    correct(
        second.id(),
        "action=split&answer="
            + splitOff.get(0)
            + "&answer="
            + splitOff.get(1)
            + "&label="
            + enc("Split sub-theme"));
    EffectiveThemes.Result before = themes();
    checkLevels(before, parent.id(), first.id(), second.id(), moved, splitOff);

    // the pages show both levels
    String themesPage = officer.get(BASE + "/themes").body();
    assertTrue(themesPage.contains("Sub-themes of"), "the themes page lists sub-themes");
    assertTrue(themesPage.contains("Renamed sub-theme"));
    String parentPage = officer.get(BASE + "/themes/" + QUESTION + "/" + enc(parent.id())).body();
    assertTrue(parentPage.contains("<h2 class=\"govuk-heading-m\">Sub-themes</h2>"));
    assertTrue(parentPage.contains("other answers support this answer"));
    String subPage = officer.get(BASE + "/themes/" + QUESTION + "/" + enc(first.id())).body();
    assertTrue(subPage.contains("Make this a theme of its own"));

    // the committee report lists the sub-themes under their theme, as Word headings
    HttpResponse<byte[]> word = officer.getBytes(BASE + "/export/docx");
    assertEquals(200, word.statusCode());
    String report;
    try (var doc =
            new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(word.body()));
        var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
      report = text.getText();
    }
    assertTrue(report.contains("Sub-theme: Renamed sub-theme ("), report);
    assertTrue(report.contains("Sub-theme: Split sub-theme (2, "), report);

    // find themes again: every correction to the sub-themes is still there
    findThemes("");
    EffectiveThemes.Result after = themes();
    checkLevels(after, parent.id(), first.id(), second.id(), moved, splitOff);

    // the officer makes a sub-theme a theme again; it stays one after the next run
    correct(second.id(), "action=promote");
    findThemes("");
    EffectiveThemes.Result promoted = themes();
    EffectiveThemes.Theme nowTheme = byId(promoted, second.id());
    assertNull(nowTheme.parentId(), "promoted");
    assertTrue(
        promoted.themes().stream().anyMatch(t -> t.id().equals(second.id())), "listed as a theme");
    EffectiveThemes.Theme parentNow = byId(promoted, parent.id());
    for (String m : nowTheme.memberIds())
      assertFalse(parentNow.memberIds().contains(m), "a promoted sub-theme's answers left");
    Set<String> othersStay = new HashSet<>();
    byId(after, parent.id()).subThemes().forEach(t -> othersStay.add(t.id()));
    othersStay.remove(second.id());
    assertEquals(
        othersStay,
        Set.copyOf(parentNow.subThemes().stream().map(EffectiveThemes.Theme::id).toList()),
        "the other sub-themes stay");
  }

  /** Both levels after the corrections, as the pages and the publisher see them. */
  private static void checkLevels(
      EffectiveThemes.Result r,
      String parentId,
      String firstId,
      String secondId,
      String moved,
      List<String> splitOff) {
    EffectiveThemes.Theme parent = byId(r, parentId);
    EffectiveThemes.Theme first = byId(r, firstId), second = byId(r, secondId);
    assertEquals(parentId, first.parentId());
    assertEquals(parentId, second.parentId());
    assertEquals("Renamed sub-theme", first.label());
    assertTrue(first.memberIds().contains(moved), "the moved answer is in the sub-theme");
    EffectiveThemes.Theme split =
        parent.subThemes().stream()
            .filter(t -> t.label().equals("Split sub-theme"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the split is a sub-theme of the same theme"));
    assertEquals(Set.copyOf(splitOff), Set.copyOf(split.memberIds()));
    Set<String> seen = new HashSet<>();
    for (EffectiveThemes.Theme s : parent.subThemes()) {
      assertTrue(
          parent.memberIds().containsAll(s.memberIds()), "a sub-theme's answers are its theme's");
      for (String m : s.memberIds()) assertTrue(seen.add(m), m + " is in two sub-themes");
    }
    assertTrue(r.skipped().isEmpty(), "no correction was lost: " + r.skipped());
  }

  private static EffectiveThemes.Theme byId(EffectiveThemes.Result r, String id) {
    return EffectiveThemes.flatten(r.themes()).stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no theme " + id));
  }

  private void correct(String themeId, String form) throws Exception {
    HttpResponse<String> r =
        officer.postForm(BASE + "/themes/" + QUESTION + "/" + enc(themeId), form);
    assertEquals(303, r.statusCode(), form + ": " + r.body());
  }

  private void findThemes(String form) throws Exception {
    HttpResponse<String> queued = officer.postForm(BASE + "/analysis", form);
    assertEquals(303, queued.statusCode(), queued.body());
    assertTrue(local.analysisQueue().awaitIdle(10, TimeUnit.MINUTES), "the worker finished");
  }

  private static EffectiveThemes.Result themes() {
    Consultation c = local.services().consultations().find(COUNCIL, CONSULTATION).orElseThrow();
    return local
        .services()
        .themes()
        .load(c, local.services().responses().listForConsultation(COUNCIL, CONSULTATION), QUESTION)
        .get(0)
        .themes();
  }

  private void submit(Answer a) throws Exception {
    HttpResponse<String> r =
        PublicResponses.post(
            HTTP,
            local.port(),
            COUNCIL,
            CONSULTATION,
            PublicResponses.json(QUESTION, a.text(), a.consent(), null));
    Matcher m = SUBMITTED.matcher(r.body());
    assertTrue(m.find(), r.body());
  }
}
