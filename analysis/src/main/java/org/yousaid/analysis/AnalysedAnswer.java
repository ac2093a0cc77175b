package org.yousaid.analysis;

import java.util.List;

/**
 * Per-answer result.
 *
 * @param redactedText text safe to publish (personal data replaced by placeholders); the original
 *     is not repeated
 * @param sentiment null when sentiment was not requested
 * @param themes primary theme first, then any further themes it clearly also belongs to
 * @param nearDuplicateGroup id shared by near-identical answers (e.g. campaign responses), or null
 * @param nonAnswer blank or "n/a"-style answers, not themed
 * @param language "en", or the language check's guess for an answer not in English (e.g. "cy",
 *     "pl", "ur", or "und-Arabic" when only the script is known); such answers are not themed by
 *     content but put in the "other languages" bucket for an officer to read or translate
 * @param subThemeId the answer's sub-theme within its primary theme, or null
 * @param keyPhrases the answer's candidate key phrases (lemmas and short noun phrases of what the
 *     redaction kept), sorted, as key terms are scored from them: kept with the answer so that a
 *     theme an officer corrects can be given key terms without the language models; null when not
 *     found (answers a sharded run placed without annotating)
 */
public record AnalysedAnswer(
    String id,
    String redactedText,
    Sentiment sentiment,
    List<ThemeMembership> themes,
    String nearDuplicateGroup,
    boolean nonAnswer,
    String language,
    String subThemeId,
    List<String> keyPhrases) {
  public AnalysedAnswer {
    keyPhrases = keyPhrases == null ? null : List.copyOf(keyPhrases);
  }

  public AnalysedAnswer(
      String id,
      String redactedText,
      Sentiment sentiment,
      List<ThemeMembership> themes,
      String nearDuplicateGroup,
      boolean nonAnswer,
      String language,
      String subThemeId) {
    this(
        id,
        redactedText,
        sentiment,
        themes,
        nearDuplicateGroup,
        nonAnswer,
        language,
        subThemeId,
        null);
  }

  public AnalysedAnswer(
      String id,
      String redactedText,
      Sentiment sentiment,
      List<ThemeMembership> themes,
      String nearDuplicateGroup,
      boolean nonAnswer,
      String language) {
    this(id, redactedText, sentiment, themes, nearDuplicateGroup, nonAnswer, language, null);
  }

  public AnalysedAnswer(
      String id,
      String redactedText,
      Sentiment sentiment,
      List<ThemeMembership> themes,
      String nearDuplicateGroup,
      boolean nonAnswer) {
    this(id, redactedText, sentiment, themes, nearDuplicateGroup, nonAnswer, "en");
  }

  /** True when the language check found the answer is not in English. */
  public boolean otherLanguage() {
    return language != null && !"en".equals(language);
  }
}
