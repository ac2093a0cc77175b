package org.yousaid.shared.model;

import java.util.List;

/**
 * One answer to one question: {@code text} for free text, {@code choices} (option values) for
 * closed questions. Unanswered questions have no Answer.
 */
public record Answer(String questionId, String text, List<String> choices) {

  public Answer {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public static Answer text(String questionId, String text) {
    return new Answer(questionId, text, List.of());
  }

  public static Answer choices(String questionId, List<String> choices) {
    return new Answer(questionId, null, choices);
  }
}
