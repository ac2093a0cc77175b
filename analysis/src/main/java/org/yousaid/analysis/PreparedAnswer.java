package org.yousaid.analysis;

/**
 * What the per-answer stages made of one answer ({@link ThemingEngine#prepare}): everything a later
 * step needs to theme it without its original text.
 *
 * @param redactedText text safe to publish (or the normalised text in a theming-only run)
 * @param sentiment null when sentiment was not requested, and for answers that are not themed
 * @param embedding unit sentence embedding; null for answers that are not themed
 */
public record PreparedAnswer(
    String id,
    boolean nonAnswer,
    String language,
    String redactedText,
    Sentiment sentiment,
    float[] embedding) {
  /** Themed by content: an answer, in English. */
  public boolean themable() {
    return !nonAnswer && "en".equals(language);
  }
}
