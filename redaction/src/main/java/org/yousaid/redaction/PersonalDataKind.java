package org.yousaid.redaction;

import java.util.regex.Pattern;

/** A kind of personal data and the placeholder that replaces it in anything published. */
public enum PersonalDataKind {
  NAME("[name]"),
  STAFF("[staff]"),
  SCHOOL("[school]"),
  ORGANISATION("[organisation]"),
  EMAIL("[email]"),
  PHONE("[phone]"),
  POSTCODE("[postcode]"),
  NHS_NUMBER("[nhs number]"),
  DATE_OF_BIRTH("[date of birth]"),
  ADDRESS("[address]");

  /** Any placeholder, in any case: text that has been redacted once. */
  static final Pattern ANY_PLACEHOLDER =
      Pattern.compile(
          "\\[(?:name|staff|school|organisation|email|phone|postcode|nhs number|date of birth"
              + "|address)\\]",
          Pattern.CASE_INSENSITIVE);

  private final String placeholder;

  PersonalDataKind(String placeholder) {
    this.placeholder = placeholder;
  }

  public String placeholder() {
    return placeholder;
  }
}
