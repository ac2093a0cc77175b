package org.yousaid.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.StoredTheme;
import org.yousaid.shared.themes.ThemeCorrection;
import org.yousaid.shared.themes.ThemeCorrection.Kind;

class EffectiveThemesTest {

  private final List<StoredTheme> themes =
      List.of(
          new StoredTheme(
              "t1",
              "search by age",
              "",
              List.of("search", "age"),
              3,
              0.5,
              0,
              0,
              0,
              "r1",
              2,
              0,
              false),
          new StoredTheme(
              "t2", "key worker", "", List.of("key worker"), 2, 0.33, 0, 0, 0, "r4", 1, 0, false),
          new StoredTheme("other", "Other", "", List.of(), 1, 0.17, 0, 0, 0, "r6", 0, 0, true));
  private final List<AnswerAnalysis> answers =
      List.of(
          new AnswerAnalysis("r1", "Search by age", "positive", List.of("t1"), null),
          new AnswerAnalysis(
              "r2", "Filter by age, my son [name] is 7", "neutral", List.of("t1"), null),
          new AnswerAnalysis("r3", "Age search", "negative", List.of("t1"), null),
          new AnswerAnalysis("r4", "A key worker", "positive", List.of("t2"), null),
          new AnswerAnalysis("r5", "Someone to call", "neutral", List.of("t2"), null),
          new AnswerAnalysis("r6", "Nothing", "neutral", List.of("other"), null));

  private static ThemeCorrection c(
      String id, Kind kind, String theme, String target, List<String> responses, String text) {
    return new ThemeCorrection(
        "01J" + id + "ABCDEFGHJKMNPQRSTV",
        "q",
        "officer@x",
        Instant.EPOCH,
        kind,
        theme,
        target,
        responses,
        text,
        null,
        null);
  }

  @Test
  void withoutCorrectionsTheRunsThemesStand() {
    var result = EffectiveThemes.apply(themes, answers, List.of(), Set.of());
    assertEquals(
        List.of("t1", "t2", "other"),
        result.themes().stream().map(EffectiveThemes.Theme::id).toList());
    assertEquals(2, result.themes().get(0).othersSupport());
    assertEquals(1, result.themes().get(0).positive());
  }

  @Test
  void aShareIsOfEveryAnswerToTheQuestionAsThePublishedPageCountsThem() {
    List<AnswerAnalysis> withNonAnswers = new java.util.ArrayList<>(answers);
    withNonAnswers.add(new AnswerAnalysis("r7", "n/a", null, List.of(), null));
    withNonAnswers.add(new AnswerAnalysis("r8", ".", null, List.of(), null));
    var result = EffectiveThemes.apply(themes, withNonAnswers, List.of(), Set.of());
    // 3 of the 8 answers, as "8 answers ... 3 answers (38% of answers)" is published.
    assertEquals(3 / 8.0, result.themes().get(0).share(), 1e-9);
  }

  @Test
  void renameMergeMoveAndSplitAreAppliedInOrder() {
    var result =
        EffectiveThemes.apply(
            themes,
            answers,
            List.of(
                c("0001", Kind.RENAME, "t1", null, List.of(), "Search by age and need"),
                c("0002", Kind.MOVE, "t1", "t2", List.of("r3"), null),
                c("0003", Kind.SPLIT, "t2", null, List.of("r5"), "A person to phone"),
                c("0004", Kind.MERGE, "other", "t1", List.of(), null)),
            Set.of());
    var t1 = result.themes().stream().filter(t -> t.id().equals("t1")).findFirst().orElseThrow();
    assertEquals("Search by age and need", t1.label());
    assertEquals(List.of("r1", "r2", "r6"), t1.memberIds());
    var t2 = result.themes().stream().filter(t -> t.id().equals("t2")).findFirst().orElseThrow();
    assertEquals(List.of("r4", "r3"), t2.memberIds());
    assertTrue(
        result.themes().stream()
            .anyMatch(
                t -> t.label().equals("A person to phone") && t.memberIds().equals(List.of("r5"))));
    assertTrue(result.themes().stream().noneMatch(t -> t.id().equals("other")));
  }

  @Test
  void quotesNeedConsentAndAreRedacted() {
    var result =
        EffectiveThemes.apply(
            themes,
            answers,
            List.of(c("0001", Kind.APPROVE_QUOTE, "t1", null, List.of("r2", "r3"), null)),
            Set.of("r2"));
    var t1 = result.themes().get(0);
    assertEquals(1, t1.quotes().size(), "r3 did not consent");
    assertEquals("Filter by age, my son [name] is 7", t1.quotes().get("r2"));
  }

  @Test
  void correctionsForVanishedThemesAreSkippedAndReported() {
    var weDid =
        new ThemeCorrection(
            "01J0009ABCDEFGHJKMNPQRSTV",
            "q",
            "o",
            Instant.EPOCH,
            Kind.WE_DID,
            "t1",
            null,
            List.of(),
            "We added an age filter",
            "done",
            LocalDate.of(2026, 10, 1));
    var result =
        EffectiveThemes.apply(
            themes,
            answers,
            List.of(c("0001", Kind.RENAME, "gone", null, List.of(), "x"), weDid),
            Set.of());
    assertEquals(1, result.skipped().size());
    assertEquals("We added an age filter", result.themes().get(0).weDid().text());
  }
}
