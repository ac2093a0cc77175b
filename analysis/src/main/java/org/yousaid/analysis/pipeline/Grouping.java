package org.yousaid.analysis.pipeline;

import java.util.List;

/**
 * The themes a run found or was given, by index: 0 to k - 1 are themes, {@link #otherIndex()} is
 * the "other" bucket and {@link #otherLanguagesIndex()} the "other languages" bucket, and {@link
 * #subThemeIndex(int) k + 2 + j} is sub-theme j. Which answers belong where is on each {@link
 * AnswerRecord}.
 *
 * @param centroids each theme's centre in the theme space (discovery), or null (codeframe)
 * @param names the officer's theme names (codeframe; null for a proposed new theme), or null
 *     (discovery: labels come from key terms)
 * @param subThemeParents per sub-theme, the index of its theme (empty when there are none)
 * @param subThemeCentroids per sub-theme, its centre in the theme space
 */
public record Grouping(
    int k,
    float[][] centroids,
    List<String> names,
    int[] subThemeParents,
    float[][] subThemeCentroids) {
  public Grouping(int k, float[][] centroids, List<String> names) {
    this(k, centroids, names, new int[0], new float[0][]);
  }

  public int otherIndex() {
    return k;
  }

  public int otherLanguagesIndex() {
    return k + 1;
  }

  public int subThemes() {
    return subThemeParents.length;
  }

  /** The index of sub-theme j in this grouping. */
  public int subThemeIndex(int j) {
    return k + 2 + j;
  }

  public boolean fromCodeframe() {
    return names != null;
  }

  /** Theme {@code x} has the officer's name (a code of the codeframe). */
  public boolean named(int x) {
    return names != null && x < names.size() && names.get(x) != null;
  }

  /** Theme {@code x} is proposed: its answers fit no code of the codeframe. */
  public boolean proposed(int x) {
    return names != null && x < k && !named(x);
  }
}
