package org.yousaid.analysis.pipeline;

import java.util.List;
import org.yousaid.analysis.nlp.TextNormaliser;

/** Stage 1: normalised text, and whether the answer says nothing ("n/a", "none", "-"). */
public final class Normalise {
  private final TextNormaliser normaliser = new TextNormaliser();

  public void apply(List<AnswerRecord> records) {
    for (AnswerRecord r : records) {
      String text = normaliser.normalise(r.answer().text());
      r.normalised(text, normaliser.isNonAnswer(text));
    }
  }
}
