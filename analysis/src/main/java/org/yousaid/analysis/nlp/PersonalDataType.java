package org.yousaid.analysis.nlp;

/**
 * Kinds of personal data the redactor removes, with the placeholder that replaces each in published
 * text.
 */
public enum PersonalDataType {
  NAME("[name]"),
  EMAIL("[email]"),
  PHONE("[phone]"),
  POSTCODE("[postcode]"),
  NHS_NUMBER("[nhs number]"),
  DATE_OF_BIRTH("[date of birth]"),
  ADDRESS("[address]");

  private final String placeholder;

  PersonalDataType(String placeholder) {
    this.placeholder = placeholder;
  }

  public String placeholder() {
    return placeholder;
  }
}
