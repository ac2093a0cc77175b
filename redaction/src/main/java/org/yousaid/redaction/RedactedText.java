package org.yousaid.redaction;

import java.util.List;

/**
 * Redacted text plus where each removed span was in the original, for audit and evaluation. The
 * spans never overlap and are in text order.
 */
public record RedactedText(String text, List<PersonalDataSpan> spans) {
  public RedactedText {
    spans = List.copyOf(spans);
  }
}
