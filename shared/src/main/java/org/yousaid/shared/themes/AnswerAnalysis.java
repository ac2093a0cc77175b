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
 * @param keyPhrases the candidate key phrases the engine found in the redacted answer (lemmas and
 *     short noun phrases, never a word the redaction removed), sorted: what {@link KeyTerms} scores
 *     when an officer's correction changes a theme's answers. Null when the run did not keep them
 *     (runs from before they were kept; answers a sharded run placed without annotating)
 */
public record AnswerAnalysis(
    String responseId,
    String redactedText,
    String sentiment,
    List<String> themeIds,
    String nearDuplicateGroup,
    List<String> keyPhrases) {

  public AnswerAnalysis {
    themeIds = themeIds == null ? List.of() : List.copyOf(themeIds);
    keyPhrases = keyPhrases == null ? null : List.copyOf(keyPhrases);
  }

  /** An analysis without candidate key phrases. */
  public AnswerAnalysis(
      String responseId,
      String redactedText,
      String sentiment,
      List<String> themeIds,
      String nearDuplicateGroup) {
    this(responseId, redactedText, sentiment, themeIds, nearDuplicateGroup, null);
  }

  /** The same analysis in other themes. */
  public AnswerAnalysis inThemes(List<String> ids) {
    return new AnswerAnalysis(
        responseId, redactedText, sentiment, ids, nearDuplicateGroup, keyPhrases);
  }
}
