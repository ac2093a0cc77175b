package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.PreviousTheme;
import org.yousaid.analysis.SentimentSplit;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemingEngine;

class StabiliseIdsTest {
  private static ThemeDraft draft(int index, String label, String... members) {
    return draft(index, false, false, label, members);
  }

  private static ThemeDraft draft(
      int index, boolean other, boolean languages, String label, String... members) {
    return new ThemeDraft(
        index,
        other,
        languages,
        label,
        "description " + index,
        List.of("term" + index),
        List.of(members),
        0.25,
        new SentimentSplit(0, 1, 0),
        members[0],
        List.of(),
        0);
  }

  private static List<String> ids(Map<Integer, Theme> themes) {
    return themes.values().stream().map(Theme::id).toList();
  }

  @Test
  void aFirstRunNumbersThemesInOrderAndNamesTheBuckets() {
    List<ThemeDraft> drafts =
        List.of(
            draft(1, "Transport", "a", "b"),
            draft(0, "Holidays", "c"),
            draft(2, true, false, "Other", "d"),
            draft(3, true, true, "Other languages", "e"));
    Map<Integer, Theme> themes = new StabiliseIds(List.of(), false).apply(drafts);
    assertEquals(List.of(1, 0, 2, 3), List.copyOf(themes.keySet()));
    assertEquals(List.of("T1", "T2", "other", "other-languages"), ids(themes));
    Theme transport = themes.get(1);
    assertEquals("Transport", transport.label());
    assertEquals(2, transport.count());
    assertEquals(1, transport.othersSupport());
    assertEquals("description 1", transport.description());
    assertEquals("a", transport.exemplarId());
    assertEquals(true, themes.get(3).other());
    assertEquals(
        List.of("C1", "C2"),
        ids(new StabiliseIds(List.of(), true).apply(drafts.subList(0, 2))),
        "codeframe themes");
  }

  @Test
  void themesThatPersistKeepIdAndTheOfficersLabelAndNewOnesNeverReuseAnId() {
    List<PreviousTheme> previous =
        List.of(
            new PreviousTheme("T1", "Getting to respite", List.of(), List.of("a", "b")),
            new PreviousTheme("T2", "Gone theme", List.of(), List.of("z")));
    Map<Integer, Theme> themes =
        new StabiliseIds(previous, false)
            .apply(List.of(draft(0, "Respite transport", "a", "b", "x"), draft(1, "New", "c")));
    assertEquals(List.of("T1", "T3"), ids(themes));
    assertEquals("Getting to respite", themes.get(0).label());
    assertEquals("New", themes.get(1).label());
  }

  @Test
  void noThemeTakesTheOtherLanguagesIdOverAndTheBucketKeepsIt() {
    List<PreviousTheme> previous =
        List.of(
            new PreviousTheme(
                ThemingEngine.OTHER_LANGUAGES_ID, "Other languages", List.of(), List.of("a", "b")),
            new PreviousTheme("T1", "Welsh answers", List.of(), List.of("c", "d")));
    Map<Integer, Theme> themes =
        new StabiliseIds(previous, false)
            .apply(
                List.of(
                    draft(0, "Lookalike", "a", "b"),
                    draft(1, true, true, "Other languages", "c", "d")));
    assertEquals(List.of("T2", ThemingEngine.OTHER_LANGUAGES_ID), ids(themes));
    assertEquals("Other languages", themes.get(1).label());
  }
}
