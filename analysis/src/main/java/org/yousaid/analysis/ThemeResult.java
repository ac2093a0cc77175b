package org.yousaid.analysis;

import java.util.List;
import java.util.Map;

/**
 * Result of theming one question: themes (largest first, "other" last), per-answer results, and
 * stage timings.
 *
 * @param subThemes the sub-themes of themes whose answers support them ({@link Theme#parentId()}
 *     names the theme), each theme's largest first; not in {@code themes}
 */
public record ThemeResult(
    List<Theme> themes,
    List<AnalysedAnswer> answers,
    int chosenK,
    Map<String, Double> stageSeconds,
    List<Theme> subThemes) {
  public ThemeResult {
    subThemes = subThemes == null ? List.of() : List.copyOf(subThemes);
  }

  /** A result without sub-themes. */
  public ThemeResult(
      List<Theme> themes,
      List<AnalysedAnswer> answers,
      int chosenK,
      Map<String, Double> stageSeconds) {
    this(themes, answers, chosenK, stageSeconds, List.of());
  }

  /** The sub-themes of the theme with this id, largest first. */
  public List<Theme> subThemesOf(String themeId) {
    return subThemes.stream().filter(t -> themeId.equals(t.parentId())).toList();
  }
}
