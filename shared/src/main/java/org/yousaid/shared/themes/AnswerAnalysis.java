package org.yousaid.shared.themes;

import java.util.List;

/**
 * What analysis found in one answer.
 *
 * @param redactedText the answer with names, contacts and addresses replaced (safe to publish if
 *     consented)
 * @param sentiment positive, neutral or negative; null for non-answers
 * @param themeIds the themes it belongs to, primary first, and then its sub-theme of the primary
 *     theme, if it has one
 * @param nearDuplicateGroup shared by near-identical answers, or null
 */
public record AnswerAnalysis(
    String responseId,
    String redactedText,
    String sentiment,
    List<String> themeIds,
    String nearDuplicateGroup) {

  public AnswerAnalysis {
    themeIds = themeIds == null ? List.of() : List.copyOf(themeIds);
  }
}
