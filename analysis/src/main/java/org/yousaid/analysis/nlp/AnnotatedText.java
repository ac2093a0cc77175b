package org.yousaid.analysis.nlp;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.redaction.PersonalDataSpan;

/** A normalised answer and its tokens. */
public record AnnotatedText(String text, List<Token> tokens) {

  /**
   * The same answer with every token that overlaps one of these spans (character offsets into
   * {@link #text}, as the redaction reports them) marked {@link Token#REDACTED}: the words theme
   * labels and key phrases may be made of are those the published text still has. Why: the
   * redaction finds names CoreNLP does not ("our case officer sarah", "oakwood academy"), and key
   * phrases built from the raw tokens put them in descriptions.
   */
  public AnnotatedText maskedBy(List<PersonalDataSpan> spans) {
    if (spans.isEmpty()) return this;
    List<Token> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      boolean hidden = false;
      for (PersonalDataSpan s : spans)
        if (t.begin() < s.end() && s.begin() < t.end()) {
          hidden = true;
          break;
        }
      out.add(hidden ? t.redacted() : t);
    }
    return new AnnotatedText(text, List.copyOf(out));
  }
}
