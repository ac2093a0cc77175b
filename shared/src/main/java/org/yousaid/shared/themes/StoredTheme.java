package org.yousaid.shared.themes;

import java.util.List;

/**
 * A theme as stored after analysis (members are kept per answer, in {@link AnswerAnalysis}, so a
 * theme item stays small however many answers it has).
 *
 * @param othersSupport the "N other answers support this answer" figure
 * @param nearDuplicates members that are near-copies of another answer (campaign responses)
 * @param other the bucket of answers that fit no theme
 * @param proposed a new theme a re-run proposes for answers that fit none of the officer's
 *     corrected themes: it waits for the officer to accept or reject it
 * @param parentId for a sub-theme, the id of its theme; null for a theme. A sub-theme's answers
 *     list both its id and its theme's ({@link AnswerAnalysis#themeIds})
 */
public record StoredTheme(
    String id,
    String label,
    String description,
    List<String> keyTerms,
    int count,
    double share,
    int positive,
    int neutral,
    int negative,
    String exemplarId,
    int othersSupport,
    int nearDuplicates,
    boolean other,
    boolean proposed,
    String parentId) {

  public StoredTheme {
    keyTerms = keyTerms == null ? List.of() : List.copyOf(keyTerms);
  }

  /** A theme (not a sub-theme). */
  public StoredTheme(
      String id,
      String label,
      String description,
      List<String> keyTerms,
      int count,
      double share,
      int positive,
      int neutral,
      int negative,
      String exemplarId,
      int othersSupport,
      int nearDuplicates,
      boolean other,
      boolean proposed) {
    this(
        id,
        label,
        description,
        keyTerms,
        count,
        share,
        positive,
        neutral,
        negative,
        exemplarId,
        othersSupport,
        nearDuplicates,
        other,
        proposed,
        null);
  }

  public boolean subTheme() {
    return parentId != null;
  }

  /** A theme the engine found or the officer made: not a proposal. */
  public StoredTheme(
      String id,
      String label,
      String description,
      List<String> keyTerms,
      int count,
      double share,
      int positive,
      int neutral,
      int negative,
      String exemplarId,
      int othersSupport,
      int nearDuplicates,
      boolean other) {
    this(
        id,
        label,
        description,
        keyTerms,
        count,
        share,
        positive,
        neutral,
        negative,
        exemplarId,
        othersSupport,
        nearDuplicates,
        other,
        false);
  }
}
