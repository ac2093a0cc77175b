package org.yousaid.shared.validation;

import java.util.List;
import java.util.Map;

/**
 * A submission as it arrived, before validation: the JSON API and the HTML form both turn their
 * input into this, so one validator serves both.
 *
 * @param answers question id to the values given (one for text or single choice, several for multi
 *     choice)
 * @param profile profile field code (role, ageBand, areasOfNeed, district, ehcStage) to the values
 *     given
 * @param consentToQuote "yes"/"true" when the respondent agreed to be quoted; anything else is no
 * @param problems shape problems already found while reading the input (e.g. a number where text
 *     was expected)
 */
public record RawSubmission(
    Map<String, List<String>> answers,
    Map<String, List<String>> profile,
    String consentToQuote,
    List<FieldError> problems) {

  public RawSubmission {
    answers = answers == null ? Map.of() : Map.copyOf(answers);
    profile = profile == null ? Map.of() : Map.copyOf(profile);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}
