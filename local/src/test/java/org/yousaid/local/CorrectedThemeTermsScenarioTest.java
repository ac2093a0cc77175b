package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.local.OfficerBrowser.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yousaid.local.OfficerLoopAnswers.Answer;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.KeyTerms;
import org.yousaid.shared.themes.StoredTheme;

/**
 * Issue 12, the officer loop's derived text, over real HTTP with the real engine: on 45 answers in
 * 8 themes the officer moves two answers from the largest theme to the second, merges the fourth
 * into the largest, splits three answers out of the third and renames them, and a respondent erases
 * an answer of the second. Before any re-run, the themes page, the officer API and the XLSX export
 * describe the corrected members: counts, "N other answers support", an exemplar among them, and
 * key terms that a run would give those answers (from the phrases the worker kept with each answer,
 * {@link KeyTerms}, which {@code KeyTermsMatchEngineTest} holds to the engine's), never a word only
 * an answer that left them used; the run's sentence about the old members is replaced by a note.
 * Then themes are found again: every correction stays and no key terms are left pending; going back
 * to the corrected version gives the same key terms again (the answers' phrases come back with it).
 */
class CorrectedThemeTermsScenarioTest {
  private static final String COUNCIL = "demo";
  private static final String CONSULTATION = "local-offer-2026";
  private static final String QUESTION = "find-information";
  private static final String BASE =
      "/officer/councils/" + COUNCIL + "/consultations/" + CONSULTATION;
  private static final String API =
      "/api/v1/officer/councils/" + COUNCIL + "/consultations/" + CONSULTATION;
  private static final String PENDING_SENTENCE =
      "its description is written again when the analysis is next run";
  private static final Pattern SUBMITTED =
      Pattern.compile("\"responseId\":\"([0-9A-Z]+)\".*\"receipt\":\"([0-9A-Z\\-]+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @org.yousaid.testing.WithLocalMode static LocalMode local;

  private OfficerBrowser officer;
  private final Map<String, String> receiptOf = new HashMap<>();
  private final Set<String> consenting = new HashSet<>();

  @Test
  void correctedThemesReadAsTheirAnswersBeforeAndAfterARerun() throws Exception {
    officer = new OfficerBrowser(local, "officer@demo.example", List.of(COUNCIL));
    for (Answer a : OfficerLoopAnswers.ANSWERS) {
      submit(a);
    }
    findThemes("themeCount=8");
    assertEquals(
        AnalysisStatus.DONE,
        local.services().analyses().find(COUNCIL, CONSULTATION, QUESTION).orElseThrow().status());
    assertTrue(
        stored().stream().allMatch(a -> a.keyPhrases() != null),
        "the worker keeps each answer's candidate phrases with its analysis");

    EffectiveThemes.Result first = themes();
    List<EffectiveThemes.Theme> ranked =
        first.themes().stream()
            .filter(t -> !t.other() && !t.proposed())
            .sorted(Comparator.comparingInt(EffectiveThemes.Theme::count).reversed())
            .toList();
    assertTrue(ranked.size() >= 5, "themes to correct and one to leave: " + ranked.size());
    EffectiveThemes.Theme a = ranked.get(0);
    EffectiveThemes.Theme b = ranked.get(1);
    EffectiveThemes.Theme c = ranked.get(2);
    EffectiveThemes.Theme d = ranked.get(3);
    EffectiveThemes.Theme untouched = ranked.get(4);
    assertTrue(a.count() >= 4 && c.count() >= 4, "themes large enough to move and split from");

    // Move: the two answers of A that use its first key term most likely to go stale.
    Map<String, Set<String>> phrases = phrasesById(stored());
    String topTerm = a.keyTerms().isEmpty() ? "" : a.keyTerms().get(0);
    List<String> moved = new ArrayList<>();
    a.memberIds().stream()
        .filter(m -> phrases.get(m).contains(topTerm))
        .limit(2)
        .forEach(moved::add);
    a.memberIds().stream()
        .filter(m -> !moved.contains(m))
        .limit(2 - moved.size())
        .forEach(moved::add);
    correct(b.id(), "action=rename&label=" + enc("Moved into"));
    correct(a.id(), "action=move&target=" + enc(b.id()) + "&" + answers(moved));
    correct(d.id(), "action=merge&target=" + enc(a.id()));
    correct(a.id(), "action=rename&label=" + enc("Moved from and merged into"));
    List<String> split = c.memberIds().subList(0, 3);
    correct(c.id(), "action=split&label=" + enc("Split by hand") + "&" + answers(split));
    String splitId =
        themes().themes().stream()
            .filter(t -> t.label().equals("Split by hand"))
            .findFirst()
            .orElseThrow()
            .id();
    // A respondent erases an answer of B only (not one that moved).
    String erased =
        b.memberIds().stream()
            .filter(m -> !m.equals(b.exemplarId()) && !moved.contains(m))
            .filter(
                m -> Set.of(a, c, d, untouched).stream().noneMatch(t -> t.memberIds().contains(m)))
            .reduce((x, y) -> y)
            .orElseThrow();
    HttpResponse<String> erasure =
        HTTP.send(
            HttpRequest.newBuilder(uri("/api/v1/receipts/" + receiptOf.get(erased)))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(2, erasure.statusCode() / 100, "erased: " + erasure.statusCode());

    List<AnswerAnalysis> held = stored();
    assertTrue(
        held.stream().noneMatch(x -> x.responseId().equals(erased)),
        "the erased answer's analysis, phrases and all, is gone");
    Map<String, Set<String>> expected = new HashMap<>();
    Set<String> aNow = new LinkedHashSet<>(a.memberIds());
    aNow.removeAll(moved);
    aNow.addAll(d.memberIds());
    expected.put(a.id(), aNow);
    Set<String> bNow = new LinkedHashSet<>(b.memberIds());
    bNow.addAll(moved);
    bNow.remove(erased);
    expected.put(b.id(), bNow);
    expected.put(splitId, new LinkedHashSet<>(split));
    Set<String> cNow = new LinkedHashSet<>(c.memberIds());
    split.forEach(cNow::remove);
    expected.put(c.id(), cNow);

    KeyTerms scorer = new KeyTerms(held);
    Map<String, List<String>> expectedTerms = new HashMap<>();
    expected.forEach((id, members) -> expectedTerms.put(id, scorer.of(members).orElseThrow()));
    Map<String, Set<String>> heldPhrases = phrasesById(held);
    for (String id : expected.keySet()) {
      assertFalse(expectedTerms.get(id).isEmpty(), "a corrected theme has key terms: " + id);
    }
    if (!topTerm.isEmpty() && aNow.stream().noneMatch(m -> heldPhrases.get(m).contains(topTerm))) {
      assertFalse(
          expectedTerms.get(a.id()).contains(topTerm),
          "a key term only the moved answers used has left A");
    }

    System.out.printf(
        "corrected-terms: A %s -> %s; B %s -> %s; C %s -> %s; split %s%n",
        a.keyTerms(),
        expectedTerms.get(a.id()),
        b.keyTerms(),
        expectedTerms.get(b.id()),
        c.keyTerms(),
        expectedTerms.get(c.id()),
        expectedTerms.get(splitId));
    // 1. The officer API.
    JsonNode rows = apiThemes();
    for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
      JsonNode row = row(rows, e.getKey());
      int count = e.getValue().size();
      assertEquals(count, row.get("count").asInt(), "count of " + e.getKey());
      assertEquals(count - 1, row.get("othersSupport").asInt());
      assertEquals(String.join(", ", expectedTerms.get(e.getKey())), row.get("keyTerms").asText());
      assertFalse(row.get("keyTermsPending").asBoolean());
    }
    // Every key term shown, of every theme and sub-theme, is a phrase of one of its answers now.
    EffectiveThemes.Result corrected = themes();
    for (EffectiveThemes.Theme t : EffectiveThemes.flatten(corrected.themes())) {
      assertEquals(
          expected.getOrDefault(t.id(), new LinkedHashSet<>(t.memberIds())),
          new LinkedHashSet<>(t.memberIds()),
          "members of " + t.label());
      for (String term : t.keyTerms()) {
        assertTrue(
            t.memberIds().stream().anyMatch(m -> heldPhrases.get(m).contains(term)),
            "\"" + term + "\" of " + t.label() + " comes from an answer it holds");
      }
      assertFalse(t.keyTermsPending(), t.label());
    }
    EffectiveThemes.Theme left = byId(corrected, untouched.id());
    assertFalse(left.membersChanged(), "a theme no correction touched");
    assertEquals(untouched.keyTerms(), left.keyTerms());

    // 2. The themes page.
    String page = unescape(officer.get(BASE + "/themes").body());
    for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
      String card = card(page, e.getKey());
      assertTrue(card.contains("(" + e.getValue().size() + " answers"), card);
      assertTrue(
          card.contains("Key terms: " + String.join(", ", expectedTerms.get(e.getKey())) + "."),
          card);
      assertTrue(card.contains(PENDING_SENTENCE), "the run's sentence is not shown: " + card);
      int others = e.getValue().size() - 1;
      assertTrue(
          card.contains(others + " other " + (others == 1 ? "answer supports" : "answers support")),
          card);
    }
    String untouchedCard = card(page, untouched.id());
    if (!untouched.keyTerms().isEmpty()) {
      assertTrue(untouchedCard.contains("Key terms: " + String.join(", ", untouched.keyTerms())));
    }
    assertFalse(untouchedCard.contains(PENDING_SENTENCE));
    StoredTheme run =
        local
            .services()
            .analyses()
            .find(COUNCIL, CONSULTATION, QUESTION)
            .orElseThrow()
            .themes()
            .stream()
            .filter(t -> t.id().equals(untouched.id()))
            .findFirst()
            .orElseThrow();
    if (!run.description().isBlank()) {
      assertTrue(untouchedCard.contains(run.description()), "the run's sentence stands");
    }

    // 3. The split theme's own page: its exemplar is one of its answers.
    String splitPage = unescape(officer.get(BASE + "/themes/" + QUESTION + "/" + splitId).body());
    assertTrue(splitPage.contains(PENDING_SENTENCE));
    assertTrue(splitPage.contains("2 other answers support this answer"), splitPage);
    assertTrue(split.contains(byId(corrected, splitId).exemplarId()));

    // 4. The XLSX export's summary: counts, supporters and a consenting member's words.
    Map<String, String> redacted = new HashMap<>();
    held.forEach(x -> redacted.put(x.responseId(), x.redactedText()));
    List<List<String>> summary = summarySheet();
    Map<String, String> labels =
        Map.of(
            a.id(),
            "Moved from and merged into",
            b.id(),
            "Moved into",
            splitId,
            "Split by hand",
            c.id(),
            c.label());
    for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
      List<String> row =
          summary.stream()
              .filter(r -> r.size() > 7 && r.get(3).equals(labels.get(e.getKey())))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no row for " + labels.get(e.getKey())));
      assertEquals(String.valueOf(e.getValue().size()), row.get(4), "count in the export");
      assertEquals(String.valueOf(e.getValue().size() - 1), row.get(7), "supporters");
      Set<String> quotable = new HashSet<>();
      e.getValue().stream()
          .filter(consenting::contains)
          .forEach(m -> quotable.add(redacted.get(m)));
      assertTrue(
          quotable.isEmpty() ? row.get(6).isEmpty() : quotable.contains(row.get(6)),
          "the exemplar is a consenting member's answer: " + row.get(6));
    }

    // 5. Themes are found again from the corrected themes: the corrections stay, and every key
    // term is found for the answers each theme holds now.
    String correctedRun =
        local.services().analyses().find(COUNCIL, CONSULTATION, QUESTION).orElseThrow().runId();
    findThemes("");
    EffectiveThemes.Result after = themes();
    assertEquals("Moved from and merged into", byId(after, a.id()).label());
    assertEquals("Moved into", byId(after, b.id()).label());
    assertEquals("Split by hand", byId(after, splitId).label());
    assertTrue(byId(after, b.id()).memberIds().containsAll(moved), "moved answers stay moved");
    assertTrue(byId(after, splitId).memberIds().containsAll(split), "split answers stay split");
    assertTrue(
        after.themes().stream().noneMatch(t -> t.id().equals(d.id())), "the merge stays merged");
    List<AnswerAnalysis> rerun = stored();
    assertTrue(rerun.stream().allMatch(x -> x.keyPhrases() != null));
    KeyTerms rescorer = new KeyTerms(rerun);
    JsonNode rowsAfter = apiThemes();
    String pageAfter = unescape(officer.get(BASE + "/themes").body());
    for (EffectiveThemes.Theme t : EffectiveThemes.flatten(after.themes())) {
      assertFalse(t.membersChanged(), "the run describes " + t.label() + " as it is");
      assertFalse(t.keyTermsPending());
      if (!EffectiveThemes.OTHER_LANGUAGES_ID.equals(t.id()) && t.count() > 0) {
        assertEquals(
            rescorer.of(t.memberIds()).orElseThrow(), t.keyTerms(), "key terms of " + t.label());
      }
    }
    List<StoredTheme> runAfter =
        local.services().analyses().find(COUNCIL, CONSULTATION, QUESTION).orElseThrow().themes();
    for (String id : List.of(a.id(), b.id(), splitId)) {
      EffectiveThemes.Theme t = byId(after, id);
      StoredTheme stored =
          runAfter.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
      assertFalse(stored.description().isBlank(), "the re-run describes " + t.label());
      assertEquals(String.join(", ", t.keyTerms()), row(rowsAfter, id).get("keyTerms").asText());
      String card = card(pageAfter, id);
      assertFalse(card.contains(PENDING_SENTENCE), "a re-run writes the sentence again: " + card);
      assertTrue(card.contains("(" + t.count() + " answers"), card);
    }

    // 6. Going back to the version the officer corrected brings its answers back with their
    // phrases: the corrected themes read as they did before the re-run.
    assertEquals(
        303,
        officer
            .postForm(BASE + "/analysis/" + QUESTION, "action=restore&run=" + enc(correctedRun))
            .statusCode());
    EffectiveThemes.Result restored = themes();
    for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
      EffectiveThemes.Theme t = byId(restored, e.getKey());
      assertEquals(e.getValue(), new LinkedHashSet<>(t.memberIds()), "members of " + t.label());
      assertFalse(t.keyTermsPending(), "phrases came back with the version: " + t.label());
      assertEquals(expectedTerms.get(e.getKey()), t.keyTerms(), "key terms of " + t.label());
    }
  }

  // ---------------------------------------------------------------- plumbing

  private static String answers(List<String> ids) {
    return String.join("&", ids.stream().map(m -> "answer=" + m).toList());
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
    receiptOf.put(m.group(1), m.group(2));
    if (a.consent()) {
      consenting.add(m.group(1));
    }
  }

  private void findThemes(String form) throws Exception {
    HttpResponse<String> queued = officer.postForm(BASE + "/analysis", form);
    assertEquals(303, queued.statusCode(), queued.body());
    assertTrue(local.analysisQueue().awaitIdle(10, TimeUnit.MINUTES), "the worker finished");
  }

  private void correct(String themeId, String form) throws Exception {
    HttpResponse<String> r =
        officer.postForm(BASE + "/themes/" + QUESTION + "/" + enc(themeId), form);
    assertEquals(303, r.statusCode(), form + ": " + r.body());
  }

  private static List<AnswerAnalysis> stored() {
    return local.services().analyses().answers(COUNCIL, CONSULTATION, QUESTION);
  }

  private static Map<String, Set<String>> phrasesById(List<AnswerAnalysis> answers) {
    Map<String, Set<String>> out = new HashMap<>();
    answers.forEach(x -> out.put(x.responseId(), Set.copyOf(x.keyPhrases())));
    return out;
  }

  /** The themes as the officer's pages and the exports see them. */
  private static EffectiveThemes.Result themes() {
    Consultation c = local.services().consultations().find(COUNCIL, CONSULTATION).orElseThrow();
    return local
        .services()
        .themes()
        .load(c, local.services().responses().listForConsultation(COUNCIL, CONSULTATION), QUESTION)
        .get(0)
        .themes();
  }

  private static EffectiveThemes.Theme byId(EffectiveThemes.Result r, String id) {
    return EffectiveThemes.flatten(r.themes()).stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no theme " + id));
  }

  /** The overview's themes (and sub-themes) of the question, as the officer API gives them. */
  private JsonNode apiThemes() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(uri(API + "/themes"))
                .header("Authorization", "Bearer " + officer.token())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    for (JsonNode q : Json.mapper().readTree(r.body()).get("questions")) {
      if (q.get("id").asText().equals(QUESTION)) {
        return q.get("themes");
      }
    }
    throw new AssertionError("no " + QUESTION + " in the overview");
  }

  private static JsonNode row(JsonNode rows, String id) {
    for (JsonNode t : rows) {
      if (t.get("id").asText().equals(id)) {
        return t;
      }
      for (JsonNode s : t.get("subThemes")) {
        if (s.get("id").asText().equals(id)) {
          return s;
        }
      }
    }
    throw new AssertionError("no theme " + id + " in the API's overview");
  }

  /** The theme's card on the themes page, from its heading to the next card. */
  private static String card(String page, String id) {
    int at = page.indexOf("/themes/" + QUESTION + "/" + id + "\">");
    assertTrue(at >= 0, "no card for " + id);
    int end = page.indexOf("<div class=\"govuk-summary-card\">", at);
    return page.substring(at, end < 0 ? page.length() : end);
  }

  private List<List<String>> summarySheet() throws Exception {
    HttpResponse<byte[]> r = officer.getBytes(BASE + "/export/xlsx");
    assertEquals(200, r.statusCode());
    List<List<String>> rows = new ArrayList<>();
    DataFormatter format = new DataFormatter();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Sheet sheet = wb.getSheet("Summary");
      assertNotNull(sheet);
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
          cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  private static String unescape(String html) {
    return html.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + local.port() + path);
  }
}
