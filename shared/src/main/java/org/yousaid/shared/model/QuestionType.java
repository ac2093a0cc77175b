package org.yousaid.shared.model;

import java.util.List;

public enum QuestionType {
  FREE_TEXT(List.of()),
  SINGLE_CHOICE(List.of()),
  MULTI_CHOICE(List.of()),
  LIKERT_5(
      List.of(
          new ChoiceOption("strongly-agree", "Strongly agree"),
          new ChoiceOption("agree", "Agree"),
          new ChoiceOption("neither", "Neither agree nor disagree"),
          new ChoiceOption("disagree", "Disagree"),
          new ChoiceOption("strongly-disagree", "Strongly disagree"))),
  YES_NO(List.of(new ChoiceOption("yes", "Yes"), new ChoiceOption("no", "No"))),
  RATING_1_5(
      List.of(
          new ChoiceOption("1", "1 - very poor"),
          new ChoiceOption("2", "2 - poor"),
          new ChoiceOption("3", "3 - okay"),
          new ChoiceOption("4", "4 - good"),
          new ChoiceOption("5", "5 - very good")));

  private final List<ChoiceOption> fixedOptions;

  QuestionType(List<ChoiceOption> fixedOptions) {
    this.fixedOptions = fixedOptions;
  }

  /** The options every question of this type has, or empty when the question supplies its own. */
  public List<ChoiceOption> fixedOptions() {
    return fixedOptions;
  }

  public boolean isChoice() {
    return this != FREE_TEXT;
  }

  public boolean allowsSeveral() {
    return this == MULTI_CHOICE;
  }
}
