package org.yousaid.analysis.pipeline;

import java.util.List;
import org.yousaid.analysis.SentimentSplit;

/**
 * A theme with everything but its id: what {@link LabelThemes} makes and {@link StabiliseIds}
 * names.
 *
 * @param index the theme's index in its {@link Grouping}
 * @param other the "other" or "other languages" bucket
 * @param otherLanguages the "other languages" bucket
 * @param label the label made for it (a previous run's label may replace it)
 * @param parentIndex for a sub-theme, its theme's index in the Grouping; -1 for a theme
 */
public record ThemeDraft(
    int index,
    boolean other,
    boolean otherLanguages,
    String label,
    String description,
    List<String> keyTerms,
    List<String> memberIds,
    double share,
    SentimentSplit sentiment,
    String exemplarId,
    List<String> supportingIds,
    int nearDuplicates,
    int parentIndex) {
  /** A theme's draft (not a sub-theme's). */
  public ThemeDraft(
      int index,
      boolean other,
      boolean otherLanguages,
      String label,
      String description,
      List<String> keyTerms,
      List<String> memberIds,
      double share,
      SentimentSplit sentiment,
      String exemplarId,
      List<String> supportingIds,
      int nearDuplicates) {
    this(
        index,
        other,
        otherLanguages,
        label,
        description,
        keyTerms,
        memberIds,
        share,
        sentiment,
        exemplarId,
        supportingIds,
        nearDuplicates,
        -1);
  }

  public boolean subTheme() {
    return parentIndex >= 0;
  }
}
