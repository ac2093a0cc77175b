package org.yousaid.analysis.pipeline;

import java.util.List;
import org.yousaid.analysis.nlp.Redactor;
import org.yousaid.redaction.RedactedText;

/**
 * Stage 3: the text that may be published, with names (from the annotations' NER), emails, phones,
 * postcodes, NHS numbers, dates of birth and addresses replaced by placeholders. Every answer is
 * redacted, answers in other languages included. Later stages embed the redacted text: names and
 * numbers carry no theme.
 */
public final class Redact {
  private final Redactor redactor;

  private Redact(Redactor redactor) {
    this.redactor = redactor;
  }

  /** Redacts every answer with the given redactor (runs whose results may be published). */
  public static Redact forPublication(Redactor redactor) {
    return new Redact(redactor);
  }

  /** Keeps the normalised text (theming-only runs, e.g. evaluation on public labelled sets). */
  public static Redact themingOnly() {
    return new Redact(null);
  }

  public void apply(List<AnswerRecord> records) {
    if (redactor == null) records.forEach(r -> r.publishedText(r.text()));
    else
      records.parallelStream()
          .forEach(
              r -> {
                RedactedText redacted = redactor.redact(r.annotated());
                r.publishedText(redacted.text());
                r.redactedSpans(redacted.spans());
              });
  }
}
