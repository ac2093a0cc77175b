package org.yousaid.analysis;

/**
 * One free-text answer to a question: the caller's id and the original text (which stays with
 * officers).
 *
 * @param consentToQuote the respondent agreed to be quoted: such answers are preferred as a theme's
 *     exemplar and supporting quotes, since only they can be published
 */
public record Answer(String id, String text, boolean consentToQuote) {
  /** An answer whose respondent was not asked, or did not agree, to be quoted. */
  public Answer(String id, String text) {
    this(id, text, false);
  }
}
