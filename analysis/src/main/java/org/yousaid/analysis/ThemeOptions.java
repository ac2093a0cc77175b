package org.yousaid.analysis;

import java.util.List;

/**
 * How to theme one question's answers.
 *
 * @param fixedK the officer's number of themes, or null to choose it automatically
 * @param maxK upper bound when choosing automatically
 * @param codeframe officer-supplied themes (codeframe mode) or empty for discovery
 * @param previousThemes themes of an earlier run, to keep ids and labels stable
 * @param publishable run NER, redaction and sentiment (false = theming only, e.g. for evaluation)
 * @param seed random seed (k-means); runs are deterministic for a given seed and input
 */
public record ThemeOptions(
    Integer fixedK,
    int maxK,
    List<CodeframeTheme> codeframe,
    List<PreviousTheme> previousThemes,
    boolean publishable,
    long seed) {
  public ThemeOptions {
    codeframe = codeframe == null ? List.of() : List.copyOf(codeframe);
    previousThemes = previousThemes == null ? List.of() : List.copyOf(previousThemes);
  }

  public static ThemeOptions defaults() {
    return new ThemeOptions(null, 30, List.of(), List.of(), true, 42L);
  }

  public ThemeOptions withK(Integer k) {
    return new ThemeOptions(k, maxK, codeframe, previousThemes, publishable, seed);
  }

  public ThemeOptions withMaxK(int max) {
    return new ThemeOptions(fixedK, max, codeframe, previousThemes, publishable, seed);
  }

  public ThemeOptions withCodeframe(List<CodeframeTheme> themes) {
    return new ThemeOptions(fixedK, maxK, themes, previousThemes, publishable, seed);
  }

  public ThemeOptions withPreviousThemes(List<PreviousTheme> themes) {
    return new ThemeOptions(fixedK, maxK, codeframe, themes, publishable, seed);
  }

  public ThemeOptions withSeed(long newSeed) {
    return new ThemeOptions(fixedK, maxK, codeframe, previousThemes, publishable, newSeed);
  }

  public ThemeOptions themingOnly() {
    return new ThemeOptions(fixedK, maxK, codeframe, previousThemes, false, seed);
  }
}
