package org.yousaid.analysis;

import java.util.List;

/**
 * One theme of a question's answers, in the shape councils publish: label, exemplar answer and "N
 * other answers support this answer".
 *
 * @param memberIds every answer in the theme (an answer may be in several themes)
 * @param count memberIds.size()
 * @param share count / number of themed answers
 * @param exemplarId the member answer most typical of the theme (close to its centre, of moderate
 *     length), preferring respondents who agreed to be quoted
 * @param othersSupport count - 1: the "N other answers support this answer" figure
 * @param nearDuplicates members that are near-copies of another answer (campaign responses)
 * @param other true for the catch-all bucket of answers that fit no theme
 * @param supportingIds two or three further members, typical but unlike the exemplar and each other
 * @param parentId for a sub-theme, the id of its theme; null for a theme
 */
public record Theme(
    String id,
    String label,
    String description,
    List<String> keyTerms,
    List<String> memberIds,
    int count,
    double share,
    SentimentSplit sentiment,
    String exemplarId,
    int othersSupport,
    int nearDuplicates,
    boolean other,
    List<String> supportingIds,
    String parentId) {
  public Theme {
    supportingIds = supportingIds == null ? List.of() : List.copyOf(supportingIds);
  }

  /** A theme (not a sub-theme). */
  public Theme(
      String id,
      String label,
      String description,
      List<String> keyTerms,
      List<String> memberIds,
      int count,
      double share,
      SentimentSplit sentiment,
      String exemplarId,
      int othersSupport,
      int nearDuplicates,
      boolean other,
      List<String> supportingIds) {
    this(
        id,
        label,
        description,
        keyTerms,
        memberIds,
        count,
        share,
        sentiment,
        exemplarId,
        othersSupport,
        nearDuplicates,
        other,
        supportingIds,
        null);
  }

  /** A theme without supporting quotes. */
  public Theme(
      String id,
      String label,
      String description,
      List<String> keyTerms,
      List<String> memberIds,
      int count,
      double share,
      SentimentSplit sentiment,
      String exemplarId,
      int othersSupport,
      int nearDuplicates,
      boolean other) {
    this(
        id,
        label,
        description,
        keyTerms,
        memberIds,
        count,
        share,
        sentiment,
        exemplarId,
        othersSupport,
        nearDuplicates,
        other,
        List.of());
  }
}
