package org.yousaid.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.QuoteTrim;
import org.yousaid.shared.themes.StoredTheme;
import org.yousaid.shared.themes.ThemeCorrection;
import org.yousaid.shared.themes.ThemeCorrection.Kind;

/** An officer removes more words from a quote before approving it. */
class QuoteTrimTest {

  private static final String TEXT =
      "Mrs Okafor at Oakfield Primary was brilliant, but oakfield's SENCo never called back.";

  @Test
  void removesEveryOccurrenceOfEachPhraseInAnyCaseAndJoinsRuns() {
    QuoteTrim.Result result = QuoteTrim.of(TEXT, List.of("Okafor", "OAKFIELD primary", "SENCo"));
    assertTrue(result.notFound().isEmpty());
    assertEquals(
        "Mrs [redacted] at [redacted] was brilliant, but oakfield's [redacted] never called back.",
        result.trim().orElseThrow().apply(TEXT).orElseThrow());
    // A name also goes in its possessive and hyphenated forms.
    String other = "Ms Smith-Jones said Oakfield's staff were kind";
    assertEquals(
        "Ms [redacted] said [redacted] staff were kind",
        QuoteTrim.of(other, List.of("smith", "oakfield"))
            .trim()
            .orElseThrow()
            .apply(other)
            .orElseThrow());
    assertEquals(
        "Mrs [redacted] at [redacted] was brilliant, but oakfield's [redacted] never called back.",
        result.trim().orElseThrow().apply(TEXT).orElseThrow());
    // "Mrs Okafor" is one run: one [redacted], not two.
    assertEquals(
        "[redacted] at Oakfield Primary was brilliant, but oakfield's SENCo never called back.",
        QuoteTrim.of(TEXT, List.of("mrs okafor")).trim().orElseThrow().apply(TEXT).orElseThrow());
  }

  @Test
  void refusesPhrasesThatAreNotInTheQuoteAndMatchesWholeWordsOnly() {
    QuoteTrim.Result result = QuoteTrim.of(TEXT, List.of("Okafor", "St Mary's", "Oak"));
    assertTrue(result.trim().isEmpty());
    assertEquals(List.of("St Mary's", "Oak"), result.notFound());
    assertTrue(QuoteTrim.of(TEXT, List.of("  ", ",")).trim().isEmpty(), "nothing to remove");
  }

  @Test
  void storesPositionsAndAHashButNeverTheWords() throws Exception {
    QuoteTrim trim = QuoteTrim.of(TEXT, List.of("Okafor")).trim().orElseThrow();
    String json = Json.mapper().writeValueAsString(trim);
    assertFalse(json.toLowerCase().contains("okafor"), json);
    assertEquals(trim, Json.mapper().readValue(json, QuoteTrim.class));
  }

  @Test
  void aTrimMadeForOtherTextFailsClosed() {
    QuoteTrim trim = QuoteTrim.of(TEXT, List.of("Okafor")).trim().orElseThrow();
    assertTrue(trim.apply(TEXT.replace("Mrs", "Ms")).isEmpty());
    assertTrue(trim.apply(null).isEmpty());
  }

  @Test
  void thePublishedQuoteIsTheTrimmedOneEvenWhenApprovedAgainWithOthers() throws Exception {
    var themes =
        List.of(new StoredTheme("t1", "Schools", "", List.of(), 2, 1, 0, 2, 0, "r1", 1, 0, false));
    var answers =
        List.of(
            new AnswerAnalysis("r1", TEXT, "neutral", List.of("t1"), null),
            new AnswerAnalysis("r2", "Good school", "neutral", List.of("t1"), null));
    QuoteTrim trim = QuoteTrim.of(TEXT, List.of("Oakfield")).trim().orElseThrow();
    ThemeCorrection trimmed = correction("1", List.of("r1"), trim);
    ThemeCorrection bulk = correction("2", List.of("r1", "r2"), null);
    // Stored and read back as the repository does.
    trimmed =
        Json.mapper().readValue(Json.mapper().writeValueAsString(trimmed), ThemeCorrection.class);
    var quotes =
        EffectiveThemes.apply(themes, answers, List.of(trimmed, bulk), Set.of("r1", "r2"))
            .themes()
            .get(0)
            .quotes();
    assertEquals(
        "Mrs Okafor at [redacted] Primary was brilliant, but [redacted] SENCo never called back.",
        quotes.get("r1"));
    assertEquals("Good school", quotes.get("r2"));

    // Re-analysis redacted the text differently: the trimmed quote is held back, not published
    // untrimmed.
    var reanalysed =
        List.of(
            new AnswerAnalysis(
                "r1", TEXT.replace("Mrs Okafor", "[name]"), "neutral", List.of("t1"), null),
            answers.get(1));
    var result =
        EffectiveThemes.apply(themes, reanalysed, List.of(trimmed, bulk), Set.of("r1", "r2"));
    assertFalse(result.themes().get(0).quotes().containsKey("r1"));
    assertEquals("Good school", result.themes().get(0).quotes().get("r2"));
  }

  private static ThemeCorrection correction(String id, List<String> answers, QuoteTrim trim) {
    return new ThemeCorrection(
        "01J" + id + "ABCDEFGHJKMNPQRSTV",
        "q",
        "officer@x",
        Instant.EPOCH,
        Kind.APPROVE_QUOTE,
        "t1",
        null,
        answers,
        null,
        null,
        null,
        trim);
  }
}
