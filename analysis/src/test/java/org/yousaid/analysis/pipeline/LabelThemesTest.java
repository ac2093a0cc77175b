package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.SentimentSplit;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.theme.ShareWording;

class LabelThemesTest {
  private static final String[] TEXTS = {
    "The respite transport is late every week.", // 0: transport
    "Respite transport never arrives on time.", // 1: transport
    "We need respite transport that turns up.", // 2: transport, exemplar below
    "More holiday playschemes in the summer please.", // 3: playschemes
    "Holiday playschemes for older children.", // 4: playschemes
    "n/a", // 5
    "Moje dziecko potrzebuje więcej pomocy w szkole, ale nie ma transportu.", // 6: Polish
    "Something else entirely about parking.", // 7: other
  };

  /** Two themes, "other" and "other languages", set by hand as the stages before would. */
  private static List<AnswerRecord> grouped() {
    List<AnswerRecord> records = TestModels.embedded(TEXTS);
    int[] theme = {0, 0, 0, 1, 1, -1, -1, 2};
    for (int i = 0; i < TEXTS.length; i++)
      if (theme[i] >= 0) records.get(i).addTheme(new Membership(theme[i], i == 2 ? 0.9 : 0.6));
    records.get(0).addTheme(new Membership(1, 0.3)); // a second, not primary, theme
    new BucketOtherLanguages(new Grouping(2, null, null)).apply(records);
    records.get(0).sentiment(Sentiment.NEGATIVE);
    records.get(1).sentiment(Sentiment.NEGATIVE);
    records.get(2).sentiment(Sentiment.NEUTRAL);
    records.get(0).nearDuplicateGroup(0);
    records.get(1).nearDuplicateGroup(0);
    return records;
  }

  @Test
  void themesLargestFirstThenOtherThenOtherLanguagesWithTheirFigures() {
    List<AnswerRecord> records = grouped();
    ThemeSpace space = new Represent(TestModels.embedder().dimension(), 0.85).apply(records);
    List<ThemeDraft> drafts = new LabelThemes(new Grouping(2, null, null), space).apply(records);
    assertEquals(List.of(0, 1, 2, 3), drafts.stream().map(ThemeDraft::index).toList());
    ThemeDraft transport = drafts.get(0);
    assertEquals(List.of("a0", "a1", "a2"), transport.memberIds());
    assertTrue(transport.label().toLowerCase().contains("transport"), transport.label());
    assertTrue(transport.keyTerms().stream().anyMatch(t -> t.contains("transport")));
    assertEquals("a2", transport.exemplarId(), "most confident (no centroids)");
    assertEquals(new SentimentSplit(2, 1, 0), transport.sentiment());
    assertEquals(2, transport.nearDuplicates());
    assertEquals(3 / 7.0, transport.share(), 1e-9, "the non-answer is not counted");
    assertTrue(
        transport
            .description()
            .startsWith("Many answers (3 of 7, 43%; 95% interval 16% to 75%), most often about "),
        transport.description());
    assertTrue(
        transport.description().contains("mostly complaint (2 of 3 negative)"),
        transport.description());
    assertFalse(transport.label().contains(" and "), transport.label());
    assertEquals(2, transport.supportingIds().size());
    assertFalse(transport.supportingIds().contains(transport.exemplarId()));
    assertTrue(transport.description().contains("2 near-identical (campaign-style) answers"));
    assertEquals(List.of("a0", "a3", "a4"), drafts.get(1).memberIds(), "a0's second theme");
    assertEquals("a3", drafts.get(1).exemplarId(), "exemplars come from primary members");
    ThemeDraft other = drafts.get(2);
    assertTrue(other.other() && !other.otherLanguages());
    assertEquals("Other", other.label());
    ThemeDraft languages = drafts.get(3);
    assertTrue(languages.other() && languages.otherLanguages());
    assertEquals("Other languages", languages.label());
    assertEquals(List.of(), languages.keyTerms());
    assertEquals(
        "1 answer (14%) not in English, not themed: please read or translate (pl 1).",
        languages.description());
  }

  @Test
  void discoveredThemesTakeTheAnswerNearestTheCentreAsExemplar() {
    List<AnswerRecord> records = grouped();
    ThemeSpace space = new Represent(TestModels.embedder().dimension(), 0.85).apply(records);
    float[][] centroids = {space.vector(1), space.vector(4)};
    List<ThemeDraft> drafts =
        new LabelThemes(new Grouping(2, centroids, null), space).apply(records);
    assertEquals("a1", drafts.get(0).exemplarId());
    assertEquals("a4", drafts.get(1).exemplarId());
  }

  @Test
  void codeframeThemesKeepTheOfficersNamesAndEmptyOnesAreLeftOut() {
    List<AnswerRecord> records = grouped();
    ThemeSpace space = new Represent(TestModels.embedder().dimension(), 0.85).apply(records);
    // theme 2 of this codeframe is empty; "other" has index 3 here, so answer 7 moves there
    records.get(7).themes().set(0, new Membership(3, 1.0));
    records.get(6).themes().set(0, new Membership(4, 1.0));
    List<ThemeDraft> drafts =
        new LabelThemes(
                new Grouping(3, null, List.of("Getting there", "Holidays", "Unused")), space)
            .apply(records);
    assertEquals(
        List.of("Getting there", "Holidays", "Other", "Other languages"),
        drafts.stream().map(ThemeDraft::label).toList());
  }

  @Test
  void labelsAreAPhraseFromTheAnswersNeverKeyWordsGluedWithAnd() {
    List<AnswerRecord> records = grouped();
    ThemeSpace space = new Represent(TestModels.embedder().dimension(), 0.85).apply(records);
    List<ThemeDraft> drafts = new LabelThemes(new Grouping(2, null, null), space).apply(records);
    assertEquals("Respite transport", drafts.get(0).label());
    assertEquals("Holiday playschemes", drafts.get(1).label());
  }

  @Test
  void withoutASharedPhraseTheLabelIsTheTopKeyTermAlone() {
    assertEquals("Respite transport", LabelThemes.label(List.of("respite transport", "bus"), 1));
    assertEquals("Holiday", LabelThemes.label(List.of("holiday", "playscheme", "club"), 1));
    assertEquals("Cost", LabelThemes.label(List.of("cost", "short break", "money"), 1));
    assertEquals("Theme 4", LabelThemes.label(List.of(), 4));
    // how long, not what about: "Weeks" labelled a theme about EHC delays
    assertEquals("Respite", LabelThemes.label(List.of("week", "respite", "bus"), 1));
    assertEquals("Theme 2", LabelThemes.label(List.of("time", "year"), 2));
    // two such words are no better than one
    assertEquals("Mind", LabelThemes.label(List.of("nothing everything", "mind", "advice"), 1));
    assertEquals("Theme 3", LabelThemes.label(List.of("child time", "year"), 3));
    assertEquals("Child's plan", LabelThemes.label(List.of("child's plan"), 1));
    assertFalse(LabelThemes.label(List.of("x"), 1).isBlank());
  }

  /**
   * The lead's grab-bag (issue 12): 4 of a theme's 12 answers mention the annual review, the other
   * 8 say that everything is slow, each in its own words. No phrase speaks for most of them; the
   * theme's sentence must say how few the label speaks for, so that an officer does not read
   * "Annual review" as what 12 parents wrote about.
   */
  @Test
  void aLabelThatSpeaksForAMinoritySaysSoInTheSentence() {
    String[] texts = {
      "The annual review was months late.",
      "Our annual review paperwork went missing.",
      "The annual review meeting was rushed.",
      "Nobody came to the annual review.",
      "Everything is so slow.",
      "It took ages and ages.",
      "Nothing happens for months.",
      "Delays at every stage.",
      "We gave up chasing.",
      "It takes forever to hear back.",
      "Still no answer after weeks.",
      "Decisions drag on endlessly.",
      "The bus to school is late.",
      "The school bus driver keeps changing.",
      "Short breaks were cut.",
      "More short breaks in the holidays please."
    };
    List<AnswerRecord> records = TestModels.embedded(texts);
    int[] theme = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2};
    for (int i = 0; i < texts.length; i++) records.get(i).addTheme(new Membership(theme[i], 0.8));
    ThemeSpace space = new Represent(TestModels.embedder().dimension(), 0.85).apply(records);
    List<ThemeDraft> drafts = new LabelThemes(new Grouping(3, null, null), space).apply(records);
    ThemeDraft grabBag = drafts.get(0);
    assertEquals(12, grabBag.memberIds().size());
    assertTrue(
        grabBag.description().contains("only 4 of these 12 answers use the label's words"),
        grabBag.label() + ": " + grabBag.description());
    // a theme whose label speaks for most of it says nothing of the kind
    for (ThemeDraft d : drafts.subList(1, 3))
      assertFalse(d.description().contains("label's words"), d.label() + ": " + d.description());
  }

  @Test
  void theSentenceSaysHowManyTheLabelSpeaksForOnlyUnderHalf() {
    assertEquals(
        "only 4 of these 12 answers use the label's words", LabelThemes.labelSpeaksFor(4, 12));
    assertEquals(
        "only 1 of these 3 answers uses the label's words", LabelThemes.labelSpeaksFor(1, 3));
    assertEquals("", LabelThemes.labelSpeaksFor(6, 12));
    assertEquals("", LabelThemes.labelSpeaksFor(-1, 12), "not counted: an officer's name");
    String sentence =
        LabelThemes.describe(
            ShareWording.of(12, 60),
            List.of("review"),
            new SentimentSplit(10, 2, 0),
            0,
            LabelThemes.labelSpeaksFor(4, 12));
    assertTrue(
        sentence.contains("most often about review; only 4 of these 12 answers use the label's"),
        sentence);
  }

  /**
   * Two themes must not read the same, and the one whose answers the label speaks for keeps it: a
   * grab-bag of 6 where 3 mention staff must not take "Staff" from a theme of 4 that all do.
   */
  @Test
  void whenTwoThemesWantOneLabelTheThemeItSpeaksForMostKeepsIt() {
    String[] texts = {
      "The staff were rushed off their feet.",
      "Staff seemed tired.",
      "Not enough staff at night.",
      "Parking was impossible.",
      "Parking costs too much.",
      "The lift was broken.",
      "Staff were kind.",
      "The staff listened to us.",
      "Lovely staff.",
      "Staff explained everything.",
      "More short breaks please.",
      "Short breaks were cut."
    };
    List<AnswerRecord> records = TestModels.embedded(texts);
    int[] theme = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2};
    for (int i = 0; i < texts.length; i++) records.get(i).addTheme(new Membership(theme[i], 0.8));
    ThemeSpace space = new Represent(TestModels.embedder().dimension(), 0.85).apply(records);
    List<ThemeDraft> drafts = new LabelThemes(new Grouping(3, null, null), space).apply(records);
    assertEquals(List.of("a6", "a7", "a8", "a9"), drafts.get(1).memberIds());
    assertEquals("Staff", drafts.get(1).label());
    assertFalse(drafts.get(0).label().equalsIgnoreCase("Staff"), drafts.get(0).label());
    assertTrue(
        drafts.get(0).description().contains("of these 6 answers"), drafts.get(0).description());
  }

  /**
   * A sharded run counts a theme's answers after a sample labelled it: the sentence takes the whole
   * run's count and stance and keeps the sample's topics, never the key terms.
   */
  @Test
  void aSampledThemesSentenceTakesTheWholeRunsCountsAndKeepsItsTopics() {
    String sampled =
        LabelThemes.describe(
            ShareWording.of(12, 58),
            List.of("review", "council", "paperwork"),
            new SentimentSplit(11, 0, 1),
            0);
    assertTrue(sampled.contains(", most often about review, council and paperwork; "), sampled);
    String whole =
        LabelThemes.redescribe(
            sampled, ShareWording.of(1200, 20000), new SentimentSplit(300, 100, 800), 7);
    assertTrue(whole.contains("1200 of 20000") || whole.contains("1,200 of 20,000"), whole);
    assertTrue(whole.contains(", most often about review, council and paperwork; "), whole);
    assertTrue(whole.endsWith("; 7 near-identical (campaign-style) answers."), whole);
    assertFalse(whole.contains("11 of 12"), whole);
    String noTopics =
        LabelThemes.redescribe(null, ShareWording.of(3, 10), new SentimentSplit(0, 3, 0), 0);
    assertFalse(noTopics.contains("most often about"), noTopics);
    assertTrue(noTopics.endsWith("."), noTopics);
  }
}
