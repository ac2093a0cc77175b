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

  /**
   * A kept label (the officer's "Getting to respite") is not the phrase whose members the sentence
   * counted: the count goes, the rest of the sentence stays. A label found again keeps it.
   */
  @Test
  void anInheritedLabelDropsTheCountOfTheLabelFoundNow() {
    String counted =
        "Some answers (3 of 20, 15%), most often about taxi; only 1 of these 3 answers uses the"
            + " label's words; mostly complaint (3 of 3 negative).";
    ThemeDraft renamed =
        new ThemeDraft(
            0,
            false,
            false,
            "Taxi",
            counted,
            List.of("taxi"),
            List.of("a", "b", "x"),
            0.15,
            new SentimentSplit(3, 0, 0),
            "a",
            List.of(),
            0);
    List<PreviousTheme> previous =
        List.of(new PreviousTheme("T1", "Getting to respite", List.of(), List.of("a", "b")));
    Theme kept = new StabiliseIds(previous, false).apply(List.of(renamed)).get(0);
    assertEquals("Getting to respite", kept.label());
    assertEquals(
        "Some answers (3 of 20, 15%), most often about taxi; mostly complaint (3 of 3 negative).",
        kept.description());
    List<PreviousTheme> same =
        List.of(new PreviousTheme("T1", "Taxi", List.of(), List.of("a", "b")));
    assertEquals(
        counted, new StabiliseIds(same, false).apply(List.of(renamed)).get(0).description());
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
