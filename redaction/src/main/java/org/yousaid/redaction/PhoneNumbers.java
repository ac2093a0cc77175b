package org.yousaid.redaction;

import java.util.List;

/**
 * UK phone numbers however they are grouped: "07700 900123", "07 700 900 789", "077009 00267",
 * "07700-900-318", "(01632) 960 987", "020 7946 0958", "+44 (0)7700 900321", "0044 7700 900 456",
 * "+447700900456". A number starts at "0", "(0", "+44" or "0044"; its digit groups may be split by
 * a space, hyphen, dot or bracket; it is a phone number if it has a UK number's length (10 or 11
 * digits from the leading 0). Dates ("01.09.2014"), ranges ("0-25") and money never have that many
 * digits.
 */
final class PhoneNumbers {
  private PhoneNumbers() {}

  static void find(String text, List<PersonalDataSpan> into) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c != '0' && c != '+' && c != '(') continue;
      if (i > 0 && isWordOrPlus(text.charAt(i - 1))) continue;
      int end = numberEnd(text, i);
      if (end > 0) {
        into.add(new PersonalDataSpan(PersonalDataKind.PHONE, i, end));
        i = end;
      }
    }
  }

  /** Where the phone number starting at {@code i} ends, or -1 if there is none. */
  private static int numberEnd(String text, int i) {
    int n = text.length();
    int p = i;
    StringBuilder digits = new StringBuilder();
    if (text.startsWith("+", p) || text.startsWith("0044", p)) {
      p += text.charAt(p) == '+' ? 1 : 4;
      if (text.charAt(i) == '+') {
        p = skipSpaces(text, p, 1);
        if (!text.startsWith("44", p)) return -1;
        p += 2;
      }
      p = skipSpaces(text, p, 2);
      // "+44 (0)7700 ...": the bracketed national zero is optional
      if (text.startsWith("(0)", p)) p += 3;
      else if (text.startsWith("(0 )", p)) p += 4;
      p = skipSpaces(text, p, 2);
      if (p >= n || !Character.isDigit(text.charAt(p)) || text.charAt(p) == '0') return -1;
      digits.append('0');
    } else if (text.charAt(p) == '(') {
      p++;
      if (p >= n || text.charAt(p) != '0') return -1;
    }
    int best = -1;
    while (p < n && Character.isDigit(text.charAt(p))) {
      while (p < n && Character.isDigit(text.charAt(p))) digits.append(text.charAt(p++));
      if (digits.length() > 11) break;
      if (isUkLength(digits)) best = p;
      int q = p;
      int separators = 0;
      while (q < n && separators < 3 && isSeparator(text.charAt(q))) {
        q++;
        separators++;
      }
      if (q == p || q >= n || !Character.isDigit(text.charAt(q))) break;
      p = q;
    }
    // a longer run of digits is not a phone number with a number glued on
    if (best > 0 && best < n && Character.isLetterOrDigit(text.charAt(best))) return -1;
    return best;
  }

  private static boolean isUkLength(CharSequence digits) {
    if (digits.length() < 10 || digits.charAt(0) != '0') return false;
    char area = digits.charAt(1);
    if (area == '1' || area == '8') return digits.length() == 10 || digits.length() == 11;
    return (area == '2' || area == '3' || area == '5' || area == '7' || area == '9')
        && digits.length() == 11;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
  }

  private static int skipSpaces(String text, int p, int max) {
    int k = 0;
    while (p < text.length() && k < max && (text.charAt(p) == ' ' || text.charAt(p) == '-')) {
      p++;
      k++;
    }
    return p;
  }

  private static boolean isWordOrPlus(char c) {
    return Character.isLetterOrDigit(c) || c == '+' || c == '£' || c == '$' || c == '€';
  }
}
