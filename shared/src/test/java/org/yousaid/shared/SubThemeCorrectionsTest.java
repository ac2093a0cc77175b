package org.yousaid.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.StoredTheme;
import org.yousaid.shared.themes.ThemeCorrection;
import org.yousaid.shared.themes.ThemeCorrection.Kind;

/**
 * Corrections on two levels of themes: a sub-theme's answers are its theme's too, an answer is in
 * one sub-theme of a theme at most, and moving, merging, splitting, promoting and demoting keep
 * both levels consistent.
 */
class SubThemeCorrectionsTest {
  private static StoredTheme theme(String id, String label, int count, String parent) {
    return new StoredTheme(
        id, label, "", List.of(), count, 0, 0, 0, 0, null, count - 1, 0, false, false, parent);
  }

  // T1 "Transport" with T1.1 "Journey time" (r1-r3) and T1.2 "Drivers" (r4-r6); T2 "Playschemes"
  private final List<StoredTheme> themes =
      List.of(
          theme("T1", "Transport", 7, null),
          theme("T1.1", "Journey time", 3, "T1"),
          theme("T1.2", "Drivers", 3, "T1"),
          theme("T2", "Playschemes", 3, null));
  private final List<AnswerAnalysis> answers =
      List.of(
          answer("r1", "T1", "T1.1"),
          answer("r2", "T1", "T1.1"),
          answer("r3", "T1", "T1.1"),
          answer("r4", "T1", "T1.2"),
          answer("r5", "T1", "T1.2"),
          answer("r6", "T1", "T1.2"),
          answer("r7", "T1"),
          answer("r8", "T2"),
          answer("r9", "T2"),
          answer("r10", "T2"));

  private static AnswerAnalysis answer(String id, String... themeIds) {
    return new AnswerAnalysis(id, "text " + id, "neutral", List.of(themeIds), null);
  }

  private static int seq = 0;

  private static ThemeCorrection c(
      Kind kind, String theme, String target, List<String> responses, String text) {
    seq++;
    return new ThemeCorrection(
        String.format("01JAAAAAAAAAAAAAAAAAAA%04d", seq),
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

  private Map<String, EffectiveThemes.Theme> apply(ThemeCorrection... corrections) {
    var result = EffectiveThemes.apply(themes, answers, List.of(corrections), Set.of());
    return EffectiveThemes.flatten(result.themes()).stream()
        .collect(Collectors.toMap(EffectiveThemes.Theme::id, t -> t));
  }

  private static Set<String> members(EffectiveThemes.Theme t) {
    return Set.copyOf(t.memberIds());
  }

  @Test
  void subThemesAreNestedUnderTheirThemeWhichHoldsTheirAnswers() {
    var result = EffectiveThemes.apply(themes, answers, List.of(), Set.of());
    assertEquals(List.of("T1", "T2"), result.themes().stream().map(t -> t.id()).toList());
    EffectiveThemes.Theme t1 = result.themes().get(0);
    assertEquals(7, t1.count());
    assertEquals(List.of("T1.1", "T1.2"), t1.subThemes().stream().map(t -> t.id()).toList());
    assertEquals("T1", t1.subThemes().get(0).parentId());
  }

  @Test
  void movingAnAnswerBetweenSubThemesKeepsItInTheTheme() {
    var t = apply(c(Kind.MOVE, "T1.1", "T1.2", List.of("r1"), null));
    assertEquals(Set.of("r2", "r3"), members(t.get("T1.1")));
    assertEquals(Set.of("r1", "r4", "r5", "r6"), members(t.get("T1.2")));
    assertEquals(7, t.get("T1").count());
  }

  @Test
  void movingAnAnswerFromTheThemeIntoASubThemeTakesItOutOfTheOther() {
    var t = apply(c(Kind.MOVE, "T1", "T1.1", List.of("r7", "r4"), null));
    assertTrue(members(t.get("T1.1")).containsAll(Set.of("r4", "r7")));
    assertEquals(Set.of("r5", "r6"), members(t.get("T1.2")));
    assertEquals(7, t.get("T1").count());
  }

  @Test
  void movingAnAnswerOutOfASubThemeToAnotherThemeTakesItOutOfBothLevels() {
    var t = apply(c(Kind.MOVE, "T1.1", "T2", List.of("r1"), null));
    assertEquals(Set.of("r2", "r3"), members(t.get("T1.1")));
    assertEquals(6, t.get("T1").count());
    assertTrue(members(t.get("T2")).contains("r1"));
  }

  @Test
  void aRenamedSubThemeKeepsItsNewName() {
    var t = apply(c(Kind.RENAME, "T1.2", null, List.of(), "Kind drivers"));
    assertEquals("Kind drivers", t.get("T1.2").label());
  }

  @Test
  void mergingSubThemesAndSplittingOneStayInsideTheTheme() {
    var t =
        apply(
            c(Kind.MERGE, "T1.1", "T1.2", List.of(), null),
            c(Kind.SPLIT, "T1.2", null, List.of("r1", "r2"), "Long journeys"));
    assertNull(t.get("T1.1"));
    var split =
        t.values().stream().filter(x -> x.label().equals("Long journeys")).findFirst().get();
    assertEquals("T1", split.parentId());
    assertEquals(Set.of("r1", "r2"), members(split));
    assertEquals(Set.of("r3", "r4", "r5", "r6"), members(t.get("T1.2")));
    assertEquals(7, t.get("T1").count());
  }

  @Test
  void aThemeMergedIntoAnotherBringsItsSubThemes() {
    var t = apply(c(Kind.MERGE, "T1", "T2", List.of(), null));
    assertEquals(10, t.get("T2").count());
    assertEquals("T2", t.get("T1.1").parentId());
    assertEquals(Set.of("r1", "r2", "r3"), members(t.get("T1.1")));
  }

  @Test
  void promotingASubThemeMakesItAThemeAndDemotingPutsAThemeUnderAnother() {
    var promoted = apply(c(Kind.PROMOTE, "T1.2", null, List.of(), null));
    assertNull(promoted.get("T1.2").parentId());
    assertEquals(Set.of("r1", "r2", "r3", "r7"), members(promoted.get("T1")));
    var demoted = apply(c(Kind.DEMOTE, "T2", "T1", List.of(), null));
    assertEquals("T1", demoted.get("T2").parentId());
    assertEquals(10, demoted.get("T1").count());
    // two levels only: a theme with sub-themes is not demoted
    var refused =
        EffectiveThemes.apply(
            themes, answers, List.of(c(Kind.DEMOTE, "T1", "T2", List.of(), null)), Set.of());
    assertEquals(1, refused.skipped().size());
    assertNull(
        EffectiveThemes.flatten(refused.themes()).stream()
            .filter(x -> x.id().equals("T1"))
            .findFirst()
            .get()
            .parentId());
  }
}
