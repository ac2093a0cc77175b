package org.yousaid.analysis.pipeline;

import java.util.List;

/**
 * The themes a run found or was given, by index: 0 to k - 1 are themes, {@link #otherIndex()} is
 * the "other" bucket and {@link #otherLanguagesIndex()} the "other languages" bucket. Which answers
 * belong where is on each {@link AnswerRecord}.
 *
 * @param centroids each theme's centre in the theme space (discovery), or null (codeframe)
 * @param names the officer's theme names (codeframe; null for a proposed new theme), or null
 *     (discovery: labels come from key terms)
 */
public record Grouping(int k, float[][] centroids, List<String> names) {
  public int otherIndex() {
    return k;
  }

  public int otherLanguagesIndex() {
    return k + 1;
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
