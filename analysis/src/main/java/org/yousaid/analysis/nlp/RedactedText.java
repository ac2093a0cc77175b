package org.yousaid.analysis.nlp;

import java.util.List;

/**
 * Redacted text plus where each removed span was in the (normalised) original, for audit and
 * evaluation.
 */
public record RedactedText(String text, List<Span> spans) {
  public record Span(PersonalDataType type, int begin, int end) {}
}
