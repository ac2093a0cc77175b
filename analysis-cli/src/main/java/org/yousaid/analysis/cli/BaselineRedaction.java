package org.yousaid.analysis.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.nlp.Token;
import org.yousaid.redaction.PersonalDataKind;
import org.yousaid.redaction.PersonalDataSpan;

/**
 * The redaction this project had before the shared module (main at 1c9c626), kept unchanged as the
 * benchmark's baseline so both run on the same answers in the same run: the publisher's shape
 * patterns (email, phone, postcode, NHS number, date next to "born"/"DOB", numbered street address)
 * and the engine's CoreNLP PERSON runs on top of them. Benchmark code only.
 */
final class BaselineRedaction {
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern NHS =
      Pattern.compile("(?<![\\d+])(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?![\\d])");
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w+])(?:\\+44\\s?(?:\\(0\\)\\s?)?\\d{2,4}|\\(?0\\d{2,4}\\)?)[\\s-]?\\d{3,4}"
              + "(?:[\\s-]?\\d{3,4})?(?![\\d])");
  private static final Pattern POSTCODE =
      Pattern.compile(
          "\\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2})\\b",
          Pattern.CASE_INSENSITIVE);
  private static final String MONTH =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
  private static final Pattern DATE =
      Pattern.compile(
          "\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})"
              + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
              + MONTH
              + ",?\\s+\\d{4}"
              + "|"
              + MONTH
              + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BIRTH_CONTEXT =
      Pattern.compile(
          "(?:\\bborn\\b|\\bbirth|\\bd\\.?o\\.?b\\b|\\bbirthday)", Pattern.CASE_INSENSITIVE);
  private static final String STREET_TYPES =
      "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct"
          + "|Place|Pl|Gardens|Gdns|Grove|Terrace|Hill|Park|Square|Sq|Row|Walk|Mews|View|Rise|Green"
          + "|Parade|Vale";
  private static final Pattern ADDRESS =
      Pattern.compile(
          "\\b(?:(?:Flat|Apartment|Unit)\\s+\\d+[A-Za-z]?,?\\s+)?\\d{1,4}[A-Za-z]?,?\\s+"
              + "(?:[A-Z][A-Za-z'-]+\\s+){1,3}(?:"
              + STREET_TYPES
              + ")\\b\\.?");

  private BaselineRedaction() {}

  /** The publisher's old last check: shape patterns only. */
  static List<PersonalDataSpan> patterns(String text) {
    List<PersonalDataSpan> found = new ArrayList<>();
    add(EMAIL, text, PersonalDataKind.EMAIL, found);
    for (Matcher m = NHS.matcher(text); m.find(); ) {
      if (validNhsNumber(m.group(1) + m.group(2) + m.group(3))) {
        found.add(new PersonalDataSpan(PersonalDataKind.NHS_NUMBER, m.start(), m.end()));
      }
    }
    for (Matcher m = PHONE.matcher(text); m.find(); ) {
      String digits = m.group().replaceAll("\\D", "");
      if (digits.startsWith("44")) digits = "0" + digits.substring(2).replaceFirst("^00", "0");
      if (digits.length() == 10 || digits.length() == 11) {
        found.add(new PersonalDataSpan(PersonalDataKind.PHONE, m.start(), m.end()));
      }
    }
    add(POSTCODE, text, PersonalDataKind.POSTCODE, found);
    for (Matcher m = DATE.matcher(text); m.find(); ) {
      String before = text.substring(Math.max(0, m.start() - 40), m.start());
      if (BIRTH_CONTEXT.matcher(before).find()) {
        found.add(new PersonalDataSpan(PersonalDataKind.DATE_OF_BIRTH, m.start(), m.end()));
      }
    }
    add(ADDRESS, text, PersonalDataKind.ADDRESS, found);
    return withoutOverlaps(found);
  }

  /** The engine's old redaction: the patterns plus runs of CoreNLP PERSON tokens. */
  static List<PersonalDataSpan> engine(AnnotatedText annotated) {
    List<PersonalDataSpan> found = new ArrayList<>(patterns(annotated.text()));
    List<Token> tokens = annotated.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isPerson()) continue;
      int j = i;
      while (j + 1 < tokens.size() && tokens.get(j + 1).isPerson()) j++;
      found.add(
          new PersonalDataSpan(PersonalDataKind.NAME, tokens.get(i).begin(), tokens.get(j).end()));
      i = j;
    }
    return withoutOverlaps(found);
  }

  private static void add(
      Pattern p, String text, PersonalDataKind kind, List<PersonalDataSpan> into) {
    for (Matcher m = p.matcher(text); m.find(); ) {
      into.add(new PersonalDataSpan(kind, m.start(), m.end()));
    }
  }

  private static List<PersonalDataSpan> withoutOverlaps(List<PersonalDataSpan> spans) {
    List<PersonalDataSpan> sorted = new ArrayList<>(spans);
    sorted.sort(
        Comparator.comparingInt(PersonalDataSpan::begin)
            .thenComparing(
                Comparator.comparingInt((PersonalDataSpan s) -> s.end() - s.begin()).reversed()));
    List<PersonalDataSpan> kept = new ArrayList<>();
    int end = -1;
    for (PersonalDataSpan s : sorted) {
      if (s.begin() >= end) {
        kept.add(s);
        end = s.end();
      }
    }
    return kept;
  }

  private static boolean validNhsNumber(String digits) {
    if (digits.length() != 10 || digits.charAt(0) == '0') return false;
    int sum = 0;
    for (int i = 0; i < 9; i++) sum += (digits.charAt(i) - '0') * (10 - i);
    int check = 11 - (sum % 11);
    if (check == 11) check = 0;
    return check != 10 && check == digits.charAt(9) - '0';
  }
}
