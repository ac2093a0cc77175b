package org.yousaid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.theme.ThemeCount;

class ThemingEngineTest {
  static ThemingEngine engine;

  @BeforeAll
  static void load() {
    engine = new ThemingEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void findsTheThreeSeedLikeThemesWithExemplarsAndSupportCounts() {
    List<Answer> answers = TestData.respiteAnswers();
    ThemeResult result = engine.theme(answers, ThemeOptions.defaults());
    List<Theme> themes = result.themes().stream().filter(t -> !t.other()).toList();
    // 36 answers get the readable count (people coding such sets used 6-9 themes), not 2
    assertEquals(ThemeCount.readable(36, 30), result.chosenK(), () -> "themes: " + labels(result));
    long inMajority = 0, members = 0;
    for (Theme t : themes) {
      // each theme is mostly one topic, and the themes together almost only
      Map<String, Long> topics =
          t.memberIds().stream()
              .collect(Collectors.groupingBy(TestData::topicOf, Collectors.counting()));
      long majority = topics.values().stream().mapToLong(Long::longValue).max().orElse(0);
      assertTrue(majority >= 0.5 * t.count(), () -> t.label() + " mixes topics " + topics);
      inMajority += majority;
      members += t.count();
      assertTrue(t.memberIds().contains(t.exemplarId()));
      assertEquals(t.count() - 1, t.othersSupport());
      assertFalse(t.keyTerms().isEmpty());
      assertFalse(t.label().isBlank());
    }
    assertTrue(inMajority >= 0.85 * members, () -> "themes mix topics: " + labels(result));
    AnalysedAnswer na =
        result.answers().stream().filter(a -> a.id().equals("n1")).findFirst().orElseThrow();
    assertTrue(na.nonAnswer());
    assertTrue(na.themes().isEmpty());
    AnalysedAnswer r1 = result.answers().get(0);
    assertNotNull(r1.sentiment());
    assertFalse(r1.themes().isEmpty());
  }

  @Test
  void aQuestionWithOneOrTwoAnswersStillGetsAThemeAndNoneGetsNone() {
    ThemeResult one =
        engine.theme(
            List.of(new Answer("a", "Keep the respite transport.")), ThemeOptions.defaults());
    assertEquals(1, one.themes().size());
    assertEquals("a", one.themes().get(0).exemplarId());
    assertEquals(0, one.themes().get(0).othersSupport());
    ThemeResult two =
        engine.theme(TestData.respiteAnswers().subList(0, 2), ThemeOptions.defaults().withK(5));
    assertTrue(two.themes().size() <= 2);
    ThemeResult none = engine.theme(List.of(new Answer("n", "n/a")), ThemeOptions.defaults());
    assertTrue(none.themes().isEmpty());
    assertTrue(none.answers().get(0).nonAnswer());
  }

  @Test
  void askingForThreeThemesFindsTheThreeTopics() {
    ThemeResult result = engine.theme(TestData.respiteAnswers(), ThemeOptions.defaults().withK(3));
    List<Theme> themes = result.themes().stream().filter(t -> !t.other()).toList();
    assertEquals(3, themes.size(), () -> labels(result));
    java.util.Set<String> topics = new java.util.HashSet<>();
    for (Theme t : themes) {
      Map<String, Long> byTopic =
          t.memberIds().stream()
              .collect(Collectors.groupingBy(TestData::topicOf, Collectors.counting()));
      Map.Entry<String, Long> top =
          byTopic.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      assertTrue(top.getValue() >= 0.8 * t.count(), () -> t.label() + " mixes " + byTopic);
      topics.add(top.getKey());
      assertFalse(t.label().matches("(?i).*\\band\\b.*"), t.label());
      assertTrue(t.supportingIds().size() >= 2, t.label());
      assertFalse(t.supportingIds().contains(t.exemplarId()));
    }
    assertEquals(3, topics.size(), () -> labels(result));
  }

  @Test
  void oneAnswerMoreOrLessOrAnotherSeedBarelyChangesTheThemes() {
    List<Answer> all = TestData.respiteAnswers();
    ThemeResult base = engine.theme(all, ThemeOptions.defaults());
    assertEquals(
        primaries(base),
        primaries(engine.theme(all, ThemeOptions.defaults().withSeed(7))),
        "another seed, the same themes");
    for (int drop : new int[] {0, 13, 25}) {
      List<Answer> fewer = new ArrayList<>(all);
      String dropped = fewer.remove(drop).id();
      ThemeResult changed = engine.theme(fewer, ThemeOptions.defaults());
      assertTrue(Math.abs(changed.chosenK() - base.chosenK()) <= 1, labels(changed));
      Map<String, String> before = primaries(base), after = primaries(changed);
      before.remove(dropped);
      // the same partition up to theme names: pairs of answers together before are together after
      int pairs = 0, kept = 0;
      List<String> ids = new ArrayList<>(before.keySet());
      for (int i = 0; i < ids.size(); i++)
        for (int j = i + 1; j < ids.size(); j++) {
          boolean together = before.get(ids.get(i)).equals(before.get(ids.get(j)));
          if (!together) continue;
          pairs++;
          if (after.get(ids.get(i)).equals(after.get(ids.get(j)))) kept++;
        }
      assertTrue(kept >= 0.8 * pairs, "without " + dropped + ": " + kept + " of " + pairs);
    }
  }

  private static Map<String, String> primaries(ThemeResult r) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (AnalysedAnswer a : r.answers())
      if (!a.themes().isEmpty()) out.put(a.id(), a.themes().get(0).themeId());
    return out;
  }

  @Test
  void officerCanFixTheNumberOfThemes() {
    ThemeResult result = engine.theme(TestData.respiteAnswers(), ThemeOptions.defaults().withK(2));
    assertTrue(result.themes().stream().filter(t -> !t.other()).count() <= 2);
  }

  @Test
  void fundingCutAnswersAreMostlyNegative() {
    ThemeResult result = engine.theme(TestData.respiteAnswers(), ThemeOptions.defaults().withK(3));
    long negative =
        result.answers().stream()
            .filter(a -> a.id().startsWith("c"))
            .filter(a -> a.sentiment() == Sentiment.NEGATIVE)
            .count();
    assertTrue(negative >= 8, "negative funding-cut answers: " + negative);
  }

  @Test
  void themesThatPersistKeepTheirIdsAndLabelsWhenAnswersAreAdded() {
    List<Answer> all = TestData.respiteAnswers();
    List<Answer> first = new ArrayList<>();
    List<Answer> later = new ArrayList<>();
    for (Answer a : all) (a.id().matches("[rpc]([1-8])") ? first : later).add(a);
    ThemeResult before = engine.theme(first, ThemeOptions.defaults().withK(3));
    List<PreviousTheme> previous = before.themes().stream().map(PreviousTheme::of).toList();
    ThemeResult after =
        engine.theme(all, ThemeOptions.defaults().withK(3).withPreviousThemes(previous));
    Map<String, String> topicToIdBefore = topicIds(before), topicToIdAfter = topicIds(after);
    assertEquals(topicToIdBefore, topicToIdAfter);
    for (Theme t : after.themes()) {
      before.themes().stream()
          .filter(b -> b.id().equals(t.id()))
          .findFirst()
          .ifPresent(b -> assertEquals(b.label(), t.label()));
    }
  }

  @Test
  void codeframeModeAssignsAnswersToOfficerThemesWithConfidence() {
    List<CodeframeTheme> codeframe =
        List.of(
            new CodeframeTheme(
                "Transport to respite",
                "Getting children to and from respite placements",
                List.of("We cannot drive our child to respite")),
            new CodeframeTheme(
                "Holiday playschemes", "Activities and clubs in the school holidays", List.of()),
            new CodeframeTheme("Funding cuts", "Budget reductions and savings", List.of()));
    ThemeResult result =
        engine.theme(TestData.respiteAnswers(), ThemeOptions.defaults().withCodeframe(codeframe));
    Map<String, String> expected =
        Map.of("r", "Transport to respite", "p", "Holiday playschemes", "c", "Funding cuts");
    Map<String, String> labelById = new HashMap<>();
    result.themes().forEach(t -> labelById.put(t.id(), t.label()));
    int right = 0, total = 0;
    for (AnalysedAnswer a : result.answers()) {
      if (a.nonAnswer()) continue;
      total++;
      assertFalse(a.themes().isEmpty());
      ThemeMembership first = a.themes().get(0);
      assertTrue(first.confidence() > 0 && first.confidence() <= 1);
      if (expected.get(TestData.topicOf(a.id())).equals(labelById.get(first.themeId()))) right++;
    }
    assertTrue(right >= 0.85 * total, "codeframe correct: " + right + "/" + total);
  }

  /**
   * A stage survey whose free-text answers repeat a few texts (suggested wording, a campaign, the
   * demo's answers): 67 answers, 7 distinct texts on 7 different things. Each text is a theme of
   * its own; before, discovery saw 7 answers and every one of them joined one theme.
   */
  @Test
  void copiesOfAFewDistinctTextsAreThemedLikeAsManyAnswers() {
    String[] texts = {
      "Keep us updated more often while we wait.",
      "Tell us who our case officer is at the start.",
      "The outcomes should be specific to my child, not general.",
      "Answer emails sooner.",
      "Explain the timescales in plain English.",
      "Ask the school for their advice earlier.",
      "Include what health and social care will do, not just education."
    };
    java.util.Random random = new java.util.Random(20261202);
    List<Answer> answers = new ArrayList<>();
    Map<String, String> textOf = new HashMap<>();
    for (int i = 0; i < 67; i++) {
      String text = i < texts.length ? texts[i] : texts[random.nextInt(texts.length)];
      answers.add(new Answer("a" + i, text));
      textOf.put("a" + i, text);
    }
    ThemeResult result = engine.theme(answers, ThemeOptions.defaults());
    assertTrue(result.chosenK() >= 5, "themes: " + result.chosenK());
    Map<String, java.util.Set<String>> textsByTheme = new HashMap<>();
    for (AnalysedAnswer a : result.answers()) {
      String theme = a.themes().get(0).themeId();
      textsByTheme.computeIfAbsent(theme, t -> new java.util.HashSet<>()).add(textOf.get(a.id()));
    }
    // labelled as an officer would, not by one word ("Keep", "Child")
    List<String> labels =
        result.themes().stream().filter(t -> !t.other()).map(Theme::label).toList();
    assertTrue(labels.stream().allMatch(l -> l.contains(" ")), labels.toString());
    assertTrue(labels.contains("Keep us updated more often while we wait"), labels.toString());
    long pure = textsByTheme.values().stream().filter(set -> set.size() == 1).count();
    assertTrue(pure >= 5, "themes that each hold one text: " + textsByTheme);
    for (AnalysedAnswer a : result.answers()) {
      for (AnalysedAnswer b : result.answers()) {
        if (textOf.get(a.id()).equals(textOf.get(b.id()))) {
          assertEquals(
              a.themes().get(0).themeId(), b.themes().get(0).themeId(), "copies stay together");
        }
      }
    }
  }

  @Test
  void campaignCopiesAreCountedAsNearDuplicates() {
    List<Answer> answers = new ArrayList<>(TestData.respiteAnswers());
    String campaign =
        "I object to the proposed cuts to short breaks because they will leave disabled children "
            + "and their families without the support they need to cope.";
    for (int i = 0; i < 6; i++)
      answers.add(new Answer("camp" + i, i % 2 == 0 ? campaign : campaign + " Thank you."));
    ThemeResult result = engine.theme(answers, ThemeOptions.defaults());
    List<AnalysedAnswer> copies =
        result.answers().stream().filter(a -> a.id().startsWith("camp")).toList();
    String group = copies.get(0).nearDuplicateGroup();
    assertNotNull(group);
    assertTrue(copies.stream().allMatch(a -> group.equals(a.nearDuplicateGroup())));
    assertTrue(
        result.answers().stream()
            .filter(a -> !a.id().startsWith("camp"))
            .allMatch(a -> a.nearDuplicateGroup() == null));
    assertTrue(result.themes().stream().mapToInt(Theme::nearDuplicates).sum() >= 6);
  }

  @Test
  void publishedTextIsRedacted() {
    List<Answer> answers = new ArrayList<>(TestData.respiteAnswers());
    answers.add(
        new Answer(
            "x1", "My son Oliver Bennett needs transport to respite, call me on 07700 900123."));
    ThemeResult result = engine.theme(answers, ThemeOptions.defaults());
    String text =
        result.answers().stream()
            .filter(a -> a.id().equals("x1"))
            .findFirst()
            .orElseThrow()
            .redactedText();
    assertFalse(text.contains("Oliver"), text);
    assertFalse(text.contains("900123"), text);
    assertTrue(text.contains("[name]") && text.contains("[phone]"), text);
  }

  /**
   * Names only the redaction finds (lower case, after "case officer", a school written in lower
   * case) must not reach what describes a theme either: key phrases were built from CoreNLP's
   * tokens, which do not tag them, and "mention case officer, direct payment and officer sarah" was
   * a theme's description.
   */
  @Test
  void keyPhrasesDescriptionsAndLabelsNeverUseWhatTheRedactionRemoved() {
    List<Answer> answers = new ArrayList<>(TestData.respiteAnswers());
    String[] written = {
      "our case officer sarah was brilliant, always rang back",
      "case officer sarah explained the plan and rang back the same day",
      "the case officer sarah kept us updated every week",
      "the taxi to oakwood academy is late every morning",
      "taxi to oakwood academy never turns up on time",
      "the taxi driver to oakwood academy is kind but always late",
    };
    for (int i = 0; i < written.length; i++) answers.add(new Answer("named" + i, written[i]));
    ThemeResult result = engine.theme(answers, ThemeOptions.defaults());
    for (AnalysedAnswer a : result.answers())
      if (a.id().startsWith("named")) {
        assertFalse(a.redactedText().toLowerCase(Locale.ROOT).contains("sarah"), a.redactedText());
        assertFalse(a.redactedText().toLowerCase(Locale.ROOT).contains("oakwood"));
        // the phrases kept with the answer, which key terms of corrected themes are made of
        String kept = String.join(", ", a.keyPhrases());
        assertFalse(kept.contains("sarah") || kept.contains("oakwood"), kept);
        assertTrue(kept.contains("taxi") || kept.contains("officer"), "phrases were kept: " + kept);
      }
    for (Theme t : result.themes()) {
      String said =
          (t.label() + " | " + t.description() + " | " + String.join(", ", t.keyTerms()))
              .toLowerCase(Locale.ROOT);
      assertFalse(said.contains("sarah"), said);
      assertFalse(said.contains("oakwood"), said);
    }
  }

  @Test
  void answersNotInEnglishGoToAVisibleOtherLanguagesBucketAndDoNotFormThemes() {
    List<Answer> answers = new ArrayList<>(TestData.respiteAnswers());
    List<String> foreign = List.of("lang-cy", "lang-pl", "lang-ur-script", "lang-ur-latin");
    answers.add(
        new Answer(
            "lang-cy",
            "Mae angen mwy o gymorth ar fy mhlentyn yn yr ysgol, ffoniwch fi ar 07700 900123."));
    answers.add(
        new Answer(
            "lang-pl", "Moje dziecko potrzebuje więcej pomocy w szkole, ale nie ma transportu."));
    answers.add(new Answer("lang-ur-script", "میرے بیٹے کو اسکول میں مزید مدد کی ضرورت ہے"));
    answers.add(
        new Answer(
            "lang-ur-latin",
            "Mere bete ko school mein bohat madad chahiye aur transport nahi hai."));
    ThemeResult result = engine.theme(answers, ThemeOptions.defaults());

    Theme bucket =
        result.themes().stream()
            .filter(t -> t.id().equals(ThemingEngine.OTHER_LANGUAGES_ID))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no other-languages bucket: " + labels(result)));
    assertTrue(bucket.other());
    assertEquals("Other languages", bucket.label());
    assertEquals(foreign.stream().sorted().toList(), bucket.memberIds().stream().sorted().toList());
    assertEquals(
        engine.theme(TestData.respiteAnswers(), ThemeOptions.defaults()).chosenK(),
        result.chosenK(),
        () -> "answers in other languages form no theme: " + labels(result));
    for (Theme t : result.themes()) {
      if (t != bucket) assertTrue(t.memberIds().stream().noneMatch(foreign::contains), t.label());
    }
    Map<String, AnalysedAnswer> byId =
        result.answers().stream().collect(Collectors.toMap(AnalysedAnswer::id, a -> a));
    for (String id : foreign) {
      AnalysedAnswer a = byId.get(id);
      assertTrue(a.otherLanguage(), id);
      assertFalse(a.nonAnswer(), id);
      assertEquals(
          List.of(ThemingEngine.OTHER_LANGUAGES_ID),
          a.themes().stream().map(ThemeMembership::themeId).toList());
    }
    assertEquals("cy", byId.get("lang-cy").language());
    assertTrue(
        byId.get("lang-cy").redactedText().contains("[phone]"), "still redacted for publication");
    assertTrue(
        result.answers().stream()
            .filter(a -> !foreign.contains(a.id()))
            .noneMatch(AnalysedAnswer::otherLanguage));
  }

  @Test
  void withTheLanguageCheckOffEveryAnswerIsThemedAsEnglish() {
    List<Answer> answers = new ArrayList<>(TestData.respiteAnswers());
    answers.add(
        new Answer(
            "lang-pl", "Moje dziecko potrzebuje więcej pomocy w szkole, ale nie ma transportu."));
    ThemeResult result =
        engine.theme(answers, ThemeOptions.defaults().withK(3).withLanguageCheck(false));
    assertTrue(
        result.themes().stream().noneMatch(t -> t.id().equals(ThemingEngine.OTHER_LANGUAGES_ID)));
    AnalysedAnswer polish =
        result.answers().stream().filter(a -> a.id().equals("lang-pl")).findFirst().orElseThrow();
    assertEquals("en", polish.language());
    assertFalse(polish.themes().isEmpty());
  }

  @Test
  void everyStageIsTimedUnderTheNamesTheBenchmarksUse() {
    ThemeResult result = engine.theme(TestData.respiteAnswers(), ThemeOptions.defaults());
    assertEquals(
        List.of(
            "normalise",
            "corenlp",
            "redaction",
            "embeddings",
            "sentiment",
            "representation",
            "near-duplicates",
            "themes",
            "labels"),
        List.copyOf(result.stageSeconds().keySet()));
    assertTrue(result.stageSeconds().values().stream().allMatch(s -> s >= 0));
  }

  @Test
  void theEmbedderSettingsOfARunAreTheOnesUsed() {
    List<Answer> answers =
        List.of(
            new Answer("good", "Transport to respite is wonderful, the drivers are kind."),
            new Answer("bad", "Transport to respite is awful, the drivers are rude and late."));
    ThemeResult whole = engine.theme(answers, ThemeOptions.defaults().withK(1));
    assertEquals(Sentiment.POSITIVE, whole.answers().get(0).sentiment());
    assertEquals(Sentiment.NEGATIVE, whole.answers().get(1).sentiment());
    // five word pieces: [CLS] transport to respite [SEP]; both answers embed alike
    ThemeResult cut =
        engine.theme(
            answers,
            ThemeOptions.defaults()
                .withK(1)
                .withEmbedder(ThemeOptions.defaults().embedder().withMaxTokens(5)));
    assertEquals(cut.answers().get(0).sentiment(), cut.answers().get(1).sentiment());
  }

  @Test
  void weightZeroIsTheTermsOnlyBaselineAndStillThemes() {
    ThemeResult result =
        engine.theme(
            TestData.respiteAnswers(),
            ThemeOptions.defaults().themingOnly().withK(3).withEmbeddingWeight(0));
    assertEquals(3, result.chosenK());
    assertTrue(result.answers().stream().allMatch(a -> a.sentiment() == null));
    assertEquals(
        result.themes(),
        engine
            .theme(
                TestData.respiteAnswers(),
                ThemeOptions.defaults().themingOnly().withK(3).withEmbeddingWeight(0))
            .themes(),
        "deterministic");
  }

  private static Map<String, String> topicIds(ThemeResult result) {
    Map<String, String> out = new HashMap<>();
    for (Theme t : result.themes()) {
      if (t.other()) continue;
      Map<String, Long> topics =
          t.memberIds().stream()
              .collect(Collectors.groupingBy(TestData::topicOf, Collectors.counting()));
      String topic =
          topics.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      out.put(topic, t.id());
    }
    return out;
  }

  private static String labels(ThemeResult r) {
    return r.themes().stream()
        .map(t -> t.label() + "=" + t.count())
        .collect(Collectors.joining(", "));
  }
}
