package org.yousaid.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data that has a recognisable shape: emails, UK phone numbers, postcodes, NHS numbers
 * (which must pass the modulus-11 check), dates next to words such as "born" or "DOB", and street
 * addresses. Names have no shape; the analysis engine finds them with CoreNLP's NER and adds them
 * to these spans.
 */
public final class PersonalDataPatterns {

  /** A kind of personal data and the placeholder that replaces it in anything published. */
  public enum Kind {
    NAME("[name]"),
    EMAIL("[email]"),
    PHONE("[phone]"),
    POSTCODE("[postcode]"),
    NHS_NUMBER("[nhs number]"),
    DATE_OF_BIRTH("[date of birth]"),
    ADDRESS("[address]");

    private final String placeholder;

    Kind(String placeholder) {
      this.placeholder = placeholder;
    }

    public String placeholder() {
      return placeholder;
    }
  }

  /** Characters {@code begin..end} of a text are personal data of this kind. */
  public record Span(Kind kind, int begin, int end) {}

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern NHS =
      Pattern.compile("(?<![\\d+])(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?![\\d])");
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w+])(?:\\+44\\s?(?:\\(0\\)\\s?)?\\d{2,4}|\\(?0\\d{2,4}\\)?)[\\s-]?\\d{3,4}(?:[\\s-]?\\d{3,4})?(?![\\d])");
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
          + "|Place|Pl|Gardens|Gdns|Grove|Terrace|Hill|Park|Square|Sq|Row|Walk|Mews|View|Rise|Green|Parade|Vale";
  private static final Pattern ADDRESS =
      Pattern.compile(
          "\\b(?:(?:Flat|Apartment|Unit)\\s+\\d+[A-Za-z]?,?\\s+)?\\d{1,4}[A-Za-z]?,?\\s+(?:[A-Z][A-Za-z'-]+\\s+){1,3}(?:"
              + STREET_TYPES
              + ")\\b\\.?");

  private PersonalDataPatterns() {}

  /**
   * Every span of shaped personal data in the text (they may overlap; see {@link
   * #withoutOverlaps}).
   */
  public static List<Span> find(String text) {
    List<Span> found = new ArrayList<>();
    find(EMAIL, text, Kind.EMAIL, found);
    for (Matcher m = NHS.matcher(text); m.find(); ) {
      if (validNhsNumber(m.group(1) + m.group(2) + m.group(3))) {
        found.add(new Span(Kind.NHS_NUMBER, m.start(), m.end()));
      }
    }
    for (Matcher m = PHONE.matcher(text); m.find(); ) {
      String digits = m.group().replaceAll("\\D", "");
      if (digits.startsWith("44")) {
        digits = "0" + digits.substring(2).replaceFirst("^00", "0");
      }
      if (digits.length() == 10 || digits.length() == 11) {
        found.add(new Span(Kind.PHONE, m.start(), m.end()));
      }
    }
    find(POSTCODE, text, Kind.POSTCODE, found);
    for (Matcher m = DATE.matcher(text); m.find(); ) {
      String before = text.substring(Math.max(0, m.start() - 40), m.start());
      if (BIRTH_CONTEXT.matcher(before).find()) {
        found.add(new Span(Kind.DATE_OF_BIRTH, m.start(), m.end()));
      }
    }
    find(ADDRESS, text, Kind.ADDRESS, found);
    return found;
  }

  /**
   * The text with every span replaced by its placeholder; spans may overlap and come in any order.
   */
  public static String replace(String text, List<Span> spans) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Span s : withoutOverlaps(spans)) {
      out.append(text, at, s.begin()).append(s.kind().placeholder());
      at = s.end();
    }
    return out.append(text.substring(at)).toString();
  }

  /**
   * The text with shaped personal data replaced: the publisher's last check on text that was
   * redacted before.
   */
  public static String redact(String text) {
    return text == null ? null : replace(text, find(text));
  }

  private static void find(Pattern p, String text, Kind kind, List<Span> into) {
    for (Matcher m = p.matcher(text); m.find(); ) {
      into.add(new Span(kind, m.start(), m.end()));
    }
  }

  /**
   * Keeps the earliest-starting, then longest, span where spans overlap (e.g. an address containing
   * a name).
   */
  public static List<Span> withoutOverlaps(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(
        Comparator.comparingInt(Span::begin)
            .thenComparing(Comparator.comparingInt((Span s) -> s.end() - s.begin()).reversed()));
    List<Span> kept = new ArrayList<>();
    int end = -1;
    for (Span s : sorted) {
      if (s.begin() >= end) {
        kept.add(s);
        end = s.end();
      }
    }
    return kept;
  }

  /**
   * NHS numbers carry a modulus-11 check digit; checking it keeps other 10-digit numbers unredacted
   * as phones.
   */
  public static boolean validNhsNumber(String digits) {
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
