package org.yousaid.analysis.pipeline;

import java.util.List;
import org.yousaid.analysis.nlp.LanguageCheck;

/**
 * Stage 1b: the language of each answer. Answers not in English are kept out of theming (and of the
 * English-only sentiment) but stay in the result, in the "other languages" bucket. Non-answers are
 * not checked.
 */
public final class CheckLanguage {
  private final LanguageCheck check = new LanguageCheck();
  private final boolean enabled;

  /**
   * @param enabled false treats every answer as English (for comparing with runs made before the
   *     check existed)
   */
  public CheckLanguage(boolean enabled) {
    this.enabled = enabled;
  }

  public void apply(List<AnswerRecord> records) {
    for (AnswerRecord r : records) {
      r.language(r.nonAnswer() || !enabled ? "en" : check.check(r.text()).language());
    }
  }
}
