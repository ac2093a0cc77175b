package org.yousaid.shared.themes;

import java.util.List;

/**
 * A theme as stored after analysis (members are kept per answer, in {@link AnswerAnalysis}, so a
 * theme item stays small however many answers it has).
 *
 * @param othersSupport the "N other answers support this answer" figure
 * @param nearDuplicates members that are near-copies of another answer (campaign responses)
 * @param other the bucket of answers that fit no theme
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
    boolean other) {

  public StoredTheme {
    keyTerms = keyTerms == null ? List.of() : List.copyOf(keyTerms);
  }
}
