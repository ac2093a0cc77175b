package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.local.OfficerBrowser.enc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yousaid.local.OfficerLoopAnswers.Answer;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.QuestionAnalysis;

/**
 * Issue 13, item 1, as an officer lives it, over real HTTP with the real engine: 45 answers are
 * themed; the officer renames, merges, splits and moves until each theme is what they mean,
 * approves 9 quotes and writes 6 "we did" responses; one respondent erases their answer and two new
 * answers come in; the officer is told what a re-run will do, runs it (asking for 2 themes, which
 * must not undo their work), sees what changed, decides on proposed themes, checks the publish
 * preview, and goes back to the previous version.
 */
class OfficerLoopScenarioTest {

  private static final String COUNCIL = "demo";
  private static final String CONSULTATION = "local-offer-2026";
  private static final String QUESTION = "find-information";
  private static final String BASE =
      "/officer/councils/" + COUNCIL + "/consultations/" + CONSULTATION;
  private static final Pattern SUBMITTED =
      Pattern.compile("\"responseId\":\"([0-9A-Z]+)\".*\"receipt\":\"([0-9A-Z\\-]+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @org.yousaid.testing.WithLocalMode static LocalMode local;

  private OfficerBrowser officer;

  /** Response id to the theme the officer means it for, and to its text. */
  private final Map<String, String> topicOf = new HashMap<>();

  private final Map<String, String> textOf = new HashMap<>();
  private final Map<String, String> receiptOf = new HashMap<>();
  private int corrections;

  @Test
  void correctionsSurviveAReRunAndTheOfficerCanGoBack() throws Exception {
    officer = new OfficerBrowser(local, "officer@demo.example", List.of(COUNCIL));
    for (Answer a : OfficerLoopAnswers.ANSWERS) {
      submit(a);
    }
    assertEquals(45, topicOf.size());
    findThemes("themeCount=8");
    QuestionAnalysis first = analysis();
    assertEquals(AnalysisStatus.DONE, first.status(), String.valueOf(first.problem()));

    correctUntilEachThemeIsOneTopic();
    approveQuotesAndWriteWeDid();
    EffectiveThemes.Result before = themes();
    assertEquals(8, decided(before).size(), "the officer's eight themes");
    for (EffectiveThemes.Theme t : decided(before)) {
      for (String m : t.memberIds()) {
        assertEquals(t.label(), topicOf.get(m), "after correcting, each theme is one topic");
      }
    }
    assertTrue(corrections >= 20, "about 20 corrections: " + corrections);
    Map<String, Set<String>> quotesBefore = quotes(before);
    Map<String, String> weDidBefore = weDid(before);
    assertEquals(9, quotesBefore.values().stream().mapToInt(Set::size).sum());
    assertEquals(6, weDidBefore.size());

    // One respondent erases their answer (a plain member of a theme with a "we did");
    // two answers come in late.
    String erased =
        byLabel(before, OfficerLoopAnswers.EHCP).memberIds().stream()
            .filter(
                m ->
                    !quotesBefore
                        .getOrDefault(byLabel(before, OfficerLoopAnswers.EHCP).id(), Set.of())
                        .contains(m))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> erasure =
        HTTP.send(
            HttpRequest.newBuilder(uri("/api/v1/receipts/" + receiptOf.get(erased)))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(erasure.statusCode() / 100 == 2, "erased: " + erasure.statusCode());
    List<String> late = new ArrayList<>();
    for (Answer a : OfficerLoopAnswers.LATE) {
      late.add(submit(a));
    }

    // Before the re-run the page says what will happen.
    String page = officer.get(BASE + "/themes").body();
    assertTrue(
        page.contains("your 8 corrected themes are kept")
            && page.contains("2 new answers are added to them")
            && page.contains("proposed as new themes"),
        "the themes page tells the officer what a re-run does");

    // The officer asks for 2 themes: with corrected themes the number must not undo their work.
    String previousRun = analysis().runId();
    findThemes("themeCount=2");
    QuestionAnalysis rerun = analysis();
    assertEquals(AnalysisStatus.DONE, rerun.status(), String.valueOf(rerun.problem()));
    assertEquals(previousRun, rerun.basedOnRunId());
    EffectiveThemes.Result after = themes();

    Map<String, Double> overlaps = new TreeMap<>();
    for (EffectiveThemes.Theme t : decided(before)) {
      EffectiveThemes.Theme now = byId(after, t.id());
      assertNotNull(now, "theme kept its id: " + t.label());
      assertEquals(t.label(), now.label(), "label stays with its theme");
      List<String> stillHere = t.memberIds().stream().filter(m -> !m.equals(erased)).toList();
      long kept = stillHere.stream().filter(now.memberIds()::contains).count();
      double overlap = (double) kept / stillHere.size();
      overlaps.put(t.label(), overlap);
      assertFalse(now.memberIds().contains(erased), "the erased answer is gone");
      Set<String> quoted = new HashSet<>(quotesBefore.getOrDefault(t.id(), Set.of()));
      assertEquals(quoted, now.quotes().keySet(), "approved quotes stay with " + t.label());
      assertEquals(weDidBefore.get(t.id()), text(now.weDid()), "we did stays with " + t.label());
    }
    // The officer's placements are kept by rule; how the classifier did on the rest is reported.
    Set<String> placed = before.placements().keySet();
    long plain =
        decided(before).stream()
            .flatMap(
                t -> t.memberIds().stream().filter(m -> !placed.contains(m) && !m.equals(erased)))
            .count();
    long plainKept =
        decided(before).stream()
            .flatMap(
                t ->
                    t.memberIds().stream()
                        .filter(m -> !placed.contains(m) && !m.equals(erased))
                        .filter(byId(after, t.id()).memberIds()::contains))
            .count();
    System.out.printf(
        "officer-loop: first run %d themes, %d corrections, %d answers placed by the officer,"
            + " %d/%d other answers back in their theme, %d proposed; overlaps %s%n",
        first.themes().stream().filter(t -> !t.other()).count(),
        corrections,
        placed.size(),
        plainKept,
        plain,
        after.themes().stream().filter(EffectiveThemes.Theme::proposed).count(),
        overlaps);
    overlaps.forEach(
        (label, overlap) ->
            assertTrue(overlap >= 0.8, label + " kept " + overlap + " of its answers"));
    for (int i = 0; i < late.size(); i++) {
      String topic = OfficerLoopAnswers.LATE.get(i).theme();
      assertTrue(
          byLabel(after, topic).memberIds().contains(late.get(i)),
          "a new answer joins the officer's theme it is about: " + topic);
    }
    assertEquals(8, decided(after).size(), "no theme appears or goes without the officer");

    // What changed: two added, one removed; proposals are decided by the officer.
    String changes = officer.get(BASE + "/analysis/" + QUESTION).body();
    assertEquals("2", summaryValue(changes, "Answers added"));
    assertEquals("1", summaryValue(changes, "Answers removed"));
    List<EffectiveThemes.Theme> proposals =
        after.themes().stream().filter(EffectiveThemes.Theme::proposed).toList();
    assertEquals(String.valueOf(proposals.size()), summaryValue(changes, "Proposed new themes"));
    int accepted = 0;
    for (int i = 0; i < proposals.size(); i++) {
      String action = i == 0 ? "accept" : "reject";
      accepted += i == 0 ? 1 : 0;
      assertEquals(
          303,
          officer
              .postForm(
                  BASE + "/analysis/" + QUESTION,
                  "action=" + action + "&theme=" + enc(proposals.get(i).id()))
              .statusCode());
      corrections++;
    }
    EffectiveThemes.Result decidedAfter = themes();
    assertEquals(
        8 + accepted,
        decided(decidedAfter).size(),
        "the count changes only by the proposed themes the officer accepts");
    assertTrue(decidedAfter.themes().stream().noneMatch(EffectiveThemes.Theme::proposed));

    // The publish preview shows every quote and "we did" under the theme it was approved for.
    checkPreview(decidedAfter);

    // Going back restores the version before the re-run, corrections and all.
    assertEquals(
        303,
        officer
            .postForm(BASE + "/analysis/" + QUESTION, "action=restore&run=" + enc(previousRun))
            .statusCode());
    assertEquals(previousRun, analysis().runId());
    EffectiveThemes.Result restored = themes();
    assertEquals(
        decided(before).stream().map(EffectiveThemes.Theme::id).collect(Collectors.toSet()),
        decided(restored).stream().map(EffectiveThemes.Theme::id).collect(Collectors.toSet()));
    for (EffectiveThemes.Theme t : decided(before)) {
      EffectiveThemes.Theme back = byId(restored, t.id());
      assertEquals(t.label(), back.label());
      assertEquals(
          t.memberIds().stream().filter(m -> !m.equals(erased)).collect(Collectors.toSet()),
          new HashSet<>(back.memberIds()),
          "members as before the re-run: " + t.label());
      assertEquals(quotesBefore.getOrDefault(t.id(), Set.of()), back.quotes().keySet());
      assertEquals(weDidBefore.get(t.id()), text(back.weDid()));
    }
    for (String id : late) {
      assertTrue(
          restored.themes().stream().noneMatch(t -> t.memberIds().contains(id)),
          "answers that came after that version wait for the next run");
    }
    String versions = officer.get(BASE + "/analysis/" + QUESTION).body();
    assertTrue(versions.contains("Use this version"), "the newer version can be taken again");

    // From the restored version, answers about something new come in and themes are found
    // again: the officer's themes, quotes and "we did" responses stay.
    List<String> newTopic = new ArrayList<>();
    for (Answer a : OfficerLoopAnswers.NEW_TOPIC) {
      newTopic.add(submit(a));
    }
    findThemes("");
    EffectiveThemes.Result third = themes();
    for (EffectiveThemes.Theme t : decided(before)) {
      EffectiveThemes.Theme now = byId(third, t.id());
      assertNotNull(now, "theme kept its id: " + t.label());
      assertEquals(t.label(), now.label());
      assertEquals(quotesBefore.getOrDefault(t.id(), Set.of()), now.quotes().keySet());
      assertEquals(weDidBefore.get(t.id()), text(now.weDid()));
    }
    long inOfficerThemes =
        newTopic.stream()
            .filter(id -> decided(third).stream().anyMatch(t -> t.memberIds().contains(id)))
            .count();
    List<EffectiveThemes.Theme> proposedNow =
        third.themes().stream().filter(EffectiveThemes.Theme::proposed).toList();
    long proposedMembers =
        newTopic.stream()
            .filter(id -> proposedNow.stream().anyMatch(t -> t.memberIds().contains(id)))
            .count();
    System.out.printf(
        "officer-loop new topic: %d of %d answers in a proposed theme (%d proposed), %d in an"
            + " officer's theme; %d decided themes%n",
        proposedMembers,
        newTopic.size(),
        proposedNow.size(),
        inOfficerThemes,
        decided(third).size());
    System.out.println(
        "officer-loop new topic went to: "
            + newTopic.stream()
                .map(
                    id ->
                        third.themes().stream()
                            .filter(t -> t.memberIds().contains(id))
                            .map(EffectiveThemes.Theme::label)
                            .toList())
                .toList());
    // The proposal accepted in the version the officer went back from is not in this one.
    assertEquals(8, decided(third).size(), "no theme appears without the officer");
    // Answers about something none of the officer's themes covers are proposed as a new theme
    // for the officer to accept or reject, not pushed into the nearest one.
    assertTrue(
        proposedMembers >= 4,
        proposedMembers + " of " + newTopic.size() + " new-topic answers in a proposed theme");
    assertTrue(inOfficerThemes <= 1, inOfficerThemes + " new-topic answers in an officer's theme");
  }

  // ---------------------------------------------------------------- the officer's corrections

  /**
   * What an officer does with the first run: names each theme after what most of its answers are
   * about, merges themes about the same thing, splits out topics with no theme of their own, and
   * moves every answer sitting in a theme about something else.
   */
  private void correctUntilEachThemeIsOneTopic() throws Exception {
    Map<String, String> themeOf = new LinkedHashMap<>();
    List<EffectiveThemes.Theme> found =
        themes().themes().stream()
            .filter(t -> !t.other())
            .sorted((a, b) -> Integer.compare(b.count(), a.count()))
            .toList();
    for (EffectiveThemes.Theme t : found) {
      String topic = majority(t.memberIds());
      if (!themeOf.containsKey(topic)) {
        themeOf.put(topic, t.id());
        correct(t.id(), "action=rename&label=" + enc(topic));
      } else {
        correct(t.id(), "action=merge&target=" + enc(themeOf.get(topic)));
      }
    }
    for (String topic : OfficerLoopAnswers.THEMES) {
      if (themeOf.containsKey(topic)) {
        continue;
      }
      EffectiveThemes.Theme source =
          themes().themes().stream()
              .max(
                  (a, b) ->
                      Long.compare(
                          a.memberIds().stream().filter(m -> topic.equals(topicOf.get(m))).count(),
                          b.memberIds().stream().filter(m -> topic.equals(topicOf.get(m))).count()))
              .orElseThrow();
      String answers =
          source.memberIds().stream()
              .filter(m -> topic.equals(topicOf.get(m)))
              .map(m -> "answer=" + m)
              .collect(Collectors.joining("&"));
      correct(source.id(), "action=split&label=" + enc(topic) + "&" + answers);
      themeOf.put(topic, byLabel(themes(), topic).id());
    }
    for (EffectiveThemes.Theme t : themes().themes()) {
      Map<String, List<String>> wrong = new LinkedHashMap<>();
      for (String m : t.memberIds()) {
        if (!topicOf.get(m).equals(t.label())) {
          wrong.computeIfAbsent(themeOf.get(topicOf.get(m)), k -> new ArrayList<>()).add(m);
        }
      }
      for (Map.Entry<String, List<String>> move : wrong.entrySet()) {
        correct(
            t.id(),
            "action=move&target="
                + enc(move.getKey())
                + "&"
                + move.getValue().stream()
                    .map(m -> "answer=" + m)
                    .collect(Collectors.joining("&")));
      }
    }
  }

  /** 9 quotes (two in the first theme, one in each other) and 6 "we did" responses. */
  private void approveQuotesAndWriteWeDid() throws Exception {
    EffectiveThemes.Result r = themes();
    Set<String> consenting = new HashSet<>();
    for (Answer a : OfficerLoopAnswers.ANSWERS) {
      if (a.consent()) {
        textOf.entrySet().stream()
            .filter(e -> e.getValue().equals(a.text()))
            .forEach(e -> consenting.add(e.getKey()));
      }
    }
    for (int i = 0; i < OfficerLoopAnswers.THEMES.size(); i++) {
      EffectiveThemes.Theme t = byLabel(r, OfficerLoopAnswers.THEMES.get(i));
      List<String> quotable = t.memberIds().stream().filter(consenting::contains).toList();
      int n = i == 0 ? 2 : 1;
      assertTrue(quotable.size() >= n, "quotable answers in " + t.label());
      correct(
          t.id(),
          "action=approve&"
              + quotable.subList(0, n).stream()
                  .map(m -> "answer=" + m)
                  .collect(Collectors.joining("&")));
    }
    for (int i = 0; i < 6; i++) {
      EffectiveThemes.Theme t = byLabel(r, OfficerLoopAnswers.THEMES.get(i));
      correct(
          t.id(),
          "action=we-did&text="
              + enc(weDidText(i))
              + "&status="
              + enc(i % 2 == 0 ? "done" : "in progress")
              + (i == 0 ? "&date=2026-11-01" : ""));
    }
  }

  private static String weDidText(int theme) {
    return "We reviewed this with parents and changed how it works (reference WD" + theme + ")";
  }

  private void correct(String themeId, String form) throws Exception {
    HttpResponse<String> r =
        officer.postForm(BASE + "/themes/" + QUESTION + "/" + enc(themeId), form);
    assertEquals(303, r.statusCode(), form + ": " + r.body());
    corrections++;
  }

  private String majority(List<String> members) {
    Map<String, Long> counts =
        members.stream()
            .collect(
                Collectors.groupingBy(topicOf::get, LinkedHashMap::new, Collectors.counting()));
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  // ---------------------------------------------------------------- the publish preview

  /**
   * Each theme block of the preview holds only quotes from answers about that theme, and only the
   * "we did" written for it.
   */
  private void checkPreview(EffectiveThemes.Result decidedThemes) throws Exception {
    String preview = officer.get(BASE + "/publish/preview").body();
    String[] blocks = preview.split("<div class=\"yousaid-theme\">");
    int quotesSeen = 0;
    int weDidSeen = 0;
    for (String block : Arrays.copyOfRange(blocks, 1, blocks.length)) {
      Matcher label = Pattern.compile("You said: ([^<]+)</h3>").matcher(block);
      assertTrue(label.find());
      String topic = closest(unescape(label.group(1)), OfficerLoopAnswers.THEMES);
      Matcher quote = Pattern.compile("“([^”]+)”").matcher(block);
      while (quote.find()) {
        String answer = closest(unescape(quote.group(1)), new ArrayList<>(textOf.values()));
        String id =
            textOf.entrySet().stream()
                .filter(e -> e.getValue().equals(answer))
                .findFirst()
                .orElseThrow()
                .getKey();
        quotesSeen++;
        if (OfficerLoopAnswers.THEMES.contains(topic)) {
          assertEquals(topic, topicOf.get(id), "a quote under the wrong theme: " + quote.group(1));
        }
      }
      Matcher reference = Pattern.compile("reference WD(\\d)").matcher(block);
      while (reference.find()) {
        weDidSeen++;
        assertEquals(
            OfficerLoopAnswers.THEMES.get(Integer.parseInt(reference.group(1))),
            topic,
            "a \"we did\" under the wrong theme");
      }
    }
    assertEquals(6, weDidSeen, "every \"we did\" is in the preview");
    assertTrue(quotesSeen >= 8, "the approved quotes are in the preview: " + quotesSeen);
  }

  /** The candidate sharing the most words with {@code text} (a quote is a redacted answer). */
  private static String closest(String text, List<String> candidates) {
    Set<String> words = words(text);
    return candidates.stream()
        .max((a, b) -> Double.compare(jaccard(words, words(a)), jaccard(words, words(b))))
        .orElseThrow();
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    Set<String> either = new HashSet<>(a);
    either.addAll(b);
    return either.isEmpty() ? 0 : (double) both.size() / either.size();
  }

  private static Set<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
        .filter(w -> !w.isEmpty())
        .collect(Collectors.toSet());
  }

  private static String unescape(String html) {
    return html.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  // ---------------------------------------------------------------- plumbing

  private String submit(Answer a) throws Exception {
    HttpResponse<String> r =
        PublicResponses.post(
            HTTP,
            local.port(),
            COUNCIL,
            CONSULTATION,
            PublicResponses.json(QUESTION, a.text(), a.consent(), null));
    Matcher m = SUBMITTED.matcher(r.body());
    assertTrue(m.find(), r.body());
    topicOf.put(m.group(1), a.theme());
    textOf.put(m.group(1), a.text());
    receiptOf.put(m.group(1), m.group(2));
    return m.group(1);
  }

  private void findThemes(String form) throws Exception {
    HttpResponse<String> queued = officer.postForm(BASE + "/analysis", form);
    assertEquals(303, queued.statusCode(), queued.body());
    assertTrue(local.analysisQueue().awaitIdle(10, TimeUnit.MINUTES), "the worker finished");
  }

  private static QuestionAnalysis analysis() {
    return local.services().analyses().find(COUNCIL, CONSULTATION, QUESTION).orElseThrow();
  }

  /** The themes as the officer's pages and the publisher see them. */
  private static EffectiveThemes.Result themes() {
    Consultation c = local.services().consultations().find(COUNCIL, CONSULTATION).orElseThrow();
    return local
        .services()
        .themes()
        .load(c, local.services().responses().listForConsultation(COUNCIL, CONSULTATION), QUESTION)
        .get(0)
        .themes();
  }

  private static List<EffectiveThemes.Theme> decided(EffectiveThemes.Result r) {
    return r.themes().stream().filter(t -> !t.other() && !t.proposed()).toList();
  }

  private static EffectiveThemes.Theme byId(EffectiveThemes.Result r, String id) {
    return r.themes().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
  }

  private static EffectiveThemes.Theme byLabel(EffectiveThemes.Result r, String label) {
    return r.themes().stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow();
  }

  private static Map<String, Set<String>> quotes(EffectiveThemes.Result r) {
    Map<String, Set<String>> quotes = new HashMap<>();
    r.themes().forEach(t -> quotes.put(t.id(), new HashSet<>(t.quotes().keySet())));
    return quotes;
  }

  private static Map<String, String> weDid(EffectiveThemes.Result r) {
    Map<String, String> weDid = new HashMap<>();
    r.themes().stream()
        .filter(t -> t.weDid() != null)
        .forEach(t -> weDid.put(t.id(), text(t.weDid())));
    return weDid;
  }

  private static String text(EffectiveThemes.WeDid weDid) {
    return weDid == null ? null : weDid.text();
  }

  private static String summaryValue(String page, String key) {
    Matcher m =
        Pattern.compile(
                Pattern.quote(key) + "</dt><dd class=\"govuk-summary-list__value\">([^<]*)</dd>")
            .matcher(page);
    assertTrue(m.find(), key + " is on the page");
    return m.group(1).strip();
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + local.port() + path);
  }
}
