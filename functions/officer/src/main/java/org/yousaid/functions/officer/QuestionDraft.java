package org.yousaid.functions.officer;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Question;

/**
 * A question as the officer is editing it, exactly as typed: nothing is checked or saved until
 * "Save question" ({@link SurveyBuilder#save}). The option rows are GOV.UK's "add another" pattern
 * without JavaScript: "Add another option", "Remove" and "Move up/down" post the form and get it
 * back changed, with everything typed kept.
 *
 * @param type a {@link org.yousaid.shared.model.QuestionType} name, or "" when none is chosen
 * @param maxLength as typed, "" for the usual limit
 * @param options the option rows: {@code value} is the stored value of an existing option, "" for a
 *     new one
 */
record QuestionDraft(
    String type,
    String text,
    String hint,
    boolean required,
    String maxLength,
    List<ChoiceOption> options) {

  /** More option rows than any survey needs, so a crafted form cannot make the page huge. */
  static final int MAX_ROWS = 60;

  QuestionDraft {
    options = List.copyOf(options);
  }

  /** A new question: two empty options ready for a list question. */
  static QuestionDraft blank() {
    return new QuestionDraft(
        "", "", "", true, "", List.of(new ChoiceOption("", ""), new ChoiceOption("", "")));
  }

  static QuestionDraft of(Question q) {
    return new QuestionDraft(
        q.type().name(),
        q.text(),
        q.hint(),
        q.required(),
        q.type().isChoice() ? "" : String.valueOf(q.maxLength()),
        q.type().fixedOptions().isEmpty() ? q.options() : List.of());
  }

  /**
   * Reads the question form: {@code option.N.label} and {@code option.N.value}, N from 0, in order.
   */
  static QuestionDraft of(FormBody form) {
    List<ChoiceOption> rows = new ArrayList<>();
    for (int i = 0; i < MAX_ROWS; i++) {
      String label = form.first("option." + i + ".label");
      String value = form.first("option." + i + ".value");
      if (label == null && value == null) {
        continue; // a gap (a crafted form): later rows still count
      }
      rows.add(new ChoiceOption(clean(value), label == null ? "" : label));
    }
    return new QuestionDraft(
        clean(form.first("type")),
        text(form.first("text")),
        text(form.first("hint")),
        "yes".equals(form.first("required")),
        clean(form.first("maxLength")),
        rows);
  }

  QuestionDraft withOptions(List<ChoiceOption> rows) {
    return new QuestionDraft(type, text, hint, required, maxLength, rows);
  }

  QuestionDraft addRow() {
    if (options.size() >= MAX_ROWS) {
      return this;
    }
    List<ChoiceOption> rows = new ArrayList<>(options);
    rows.add(new ChoiceOption("", ""));
    return withOptions(rows);
  }

  QuestionDraft removeRow(int index) {
    if (index < 0 || index >= options.size()) {
      return this;
    }
    List<ChoiceOption> rows = new ArrayList<>(options);
    rows.remove(index);
    return withOptions(rows);
  }

  /** Swaps row {@code index} with the one {@code delta} (-1 or 1) away; does nothing at an end. */
  QuestionDraft moveRow(int index, int delta) {
    int other = index + delta;
    if (index < 0 || index >= options.size() || other < 0 || other >= options.size()) {
      return this;
    }
    List<ChoiceOption> rows = new ArrayList<>(options);
    rows.set(index, options.get(other));
    rows.set(other, options.get(index));
    return withOptions(rows);
  }

  private static String clean(String value) {
    return value == null ? "" : value.strip();
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
