package org.yousaid.shared.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of a consultation.
 *
 * @param maxLength for free text, the most characters accepted (counted as Unicode code points)
 */
public record Question(
    String id,
    String text,
    String hint,
    QuestionType type,
    List<ChoiceOption> options,
    boolean required,
    int maxLength) {

  public static final int DEFAULT_MAX_LENGTH = 5000;

  public Question {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(type, "type");
    options = options == null ? List.of() : List.copyOf(options);
    hint = hint == null ? "" : hint;
    if (maxLength <= 0) {
      maxLength = DEFAULT_MAX_LENGTH;
    }
  }

  public static Question freeText(
      String id, String text, String hint, boolean required, int maxLength) {
    return new Question(id, text, hint, QuestionType.FREE_TEXT, List.of(), required, maxLength);
  }

  public static Question choice(
      String id,
      String text,
      String hint,
      QuestionType type,
      List<ChoiceOption> options,
      boolean required) {
    return new Question(id, text, hint, type, options, required, 0);
  }

  /** The options people choose from: the type's fixed ones, or this question's own. */
  public List<ChoiceOption> effectiveOptions() {
    return type.fixedOptions().isEmpty() ? options : type.fixedOptions();
  }

  public Optional<ChoiceOption> option(String value) {
    return effectiveOptions().stream().filter(o -> o.value().equals(value)).findFirst();
  }
}
