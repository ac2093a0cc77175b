package org.yousaid.redaction;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emails, postcodes and NHS numbers: personal data with a fixed shape. NHS numbers must pass the
 * modulus-11 check, so other ten-digit numbers are left alone, unless the text says it is one ("NHS
 * number 627 232 8601": a mistyped NHS number still points at a child's record).
 */
final class ContactDetails {
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern NHS =
      Pattern.compile("(?<![\\d+])(\\d{3})[ -]{0,3}(\\d{3})[ -]{0,3}(\\d{4})(?!\\d)");

  /** "NHS number", "NHS no.", "nhs #" right before the number. */
  private static final Pattern NHS_CONTEXT =
      Pattern.compile(
          "\\bnhs\\s*(?:number|no\\.?|num|#)?\\s*(?:is|was)?\\s*[:\\-]?\\s*$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern POSTCODE =
      Pattern.compile(
          "\\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2})\\b",
          Pattern.CASE_INSENSITIVE);

  private ContactDetails() {}

  static void find(String text, List<PersonalDataSpan> into) {
    add(EMAIL, text, PersonalDataKind.EMAIL, into);
    for (Matcher m = NHS.matcher(text); m.find(); ) {
      String before = text.substring(Math.max(0, m.start() - 25), m.start());
      if (validNhsNumber(m.group(1) + m.group(2) + m.group(3))
          || NHS_CONTEXT.matcher(before).find()) {
        into.add(new PersonalDataSpan(PersonalDataKind.NHS_NUMBER, m.start(), m.end()));
      }
    }
    add(POSTCODE, text, PersonalDataKind.POSTCODE, into);
  }

  private static void add(
      Pattern p, String text, PersonalDataKind kind, List<PersonalDataSpan> into) {
    for (Matcher m = p.matcher(text); m.find(); ) {
      into.add(new PersonalDataSpan(kind, m.start(), m.end()));
    }
  }

  /** NHS numbers carry a modulus-11 check digit. */
  static boolean validNhsNumber(String digits) {
    if (digits.length() != 10 || digits.charAt(0) == '0') {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }
}
