package org.yousaid.functions.officer.imports;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yousaid.shared.model.Role;

/**
 * Values as people in English councils write them in spreadsheets: UK dates in every common shape,
 * the many ways of saying "parent or carer", and option labels typed with any case or spacing.
 */
public final class UkValues {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** Day first, as in the UK: 12/11/2026 is 12 November. Two-digit years are 20xx. */
  private static final List<DateTimeFormatter> UK_DATES =
      List.of(
          dayFirst("d/M/", true),
          dayFirst("d/M/", false),
          dayFirst("d-M-", true),
          dayFirst("d-M-", false),
          dayFirst("d.M.", true),
          dayFirst("d.M.", false),
          dayFirst("d MMMM ", true),
          dayFirst("d MMM ", true),
          dayFirst("d MMMM ", false),
          dayFirst("d MMM ", false),
          dayFirst("d-MMM-", true),
          dayFirst("d-MMM-", false));

  private static final Pattern TIME =
      Pattern.compile(
          "^(.*?)[ T,]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(am|pm)?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2})(st|nd|rd|th)\\b");
  private static final Pattern WEEKDAY =
      Pattern.compile("^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+", Pattern.CASE_INSENSITIVE);

  private UkValues() {}

  private static DateTimeFormatter dayFirst(String dayAndMonth, boolean fourDigitYear) {
    DateTimeFormatterBuilder b =
        new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(dayAndMonth);
    if (fourDigitYear) {
      b.appendValue(ChronoField.YEAR, 4);
    } else {
      b.appendValueReduced(ChronoField.YEAR, 2, 2, 2000);
    }
    return b.toFormatter(Locale.UK).withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * The moment a date or date and time means, in London time: ISO (2026-11-12, 2026-11-12T14:05,
   * with or without an offset) or UK day-first (12/11/2026, 12-11-26, 12.11.2026, 12 November 2026,
   * 12th Nov 2026, Thursday 12 November 2026), optionally followed by a time (14:05, 2:05 pm).
   * Impossible dates (31/02/2026) are not dates.
   */
  public static Optional<Instant> date(String value) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException notOffset) {
      // other shapes below
    }
    try {
      return Optional.of(LocalDateTime.parse(v).atZone(LONDON).toInstant());
    } catch (DateTimeParseException notLocal) {
      // other shapes below
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    Matcher time = TIME.matcher(v);
    if (time.matches()) {
      v = time.group(1).strip();
      hour = Integer.parseInt(time.group(2));
      minute = Integer.parseInt(time.group(3));
      second = time.group(4) == null ? 0 : Integer.parseInt(time.group(4));
      String half = time.group(5);
      if (half != null) {
        if (hour < 1 || hour > 12) {
          return Optional.empty();
        }
        hour = hour % 12 + (half.equalsIgnoreCase("pm") ? 12 : 0);
      }
      if (hour > 23 || minute > 59 || second > 59) {
        return Optional.empty();
      }
    }
    Optional<LocalDate> day = day(v);
    int h = hour;
    int m = minute;
    int s = second;
    return day.map(d -> d.atTime(h, m, s).atZone(LONDON).toInstant());
  }

  private static Optional<LocalDate> day(String value) {
    String v = WEEKDAY.matcher(value).replaceFirst("");
    v = ORDINAL.matcher(v).replaceAll("$1").replaceAll("\\s+", " ").replace(",", "").strip();
    try {
      return Optional.of(LocalDate.parse(v));
    } catch (DateTimeParseException notIso) {
      // UK shapes below
    }
    // People shorten September as "Sep" or "Sept"; the JDK's UK form depends on its locale data.
    for (String shape :
        List.of(v, v.replaceAll("(?i)\\bsept\\b", "Sep"), v.replaceAll("(?i)\\bsep\\b", "Sept"))) {
      for (DateTimeFormatter f : UK_DATES) {
        try {
          return Optional.of(LocalDate.parse(shape, f));
        } catch (DateTimeParseException notThis) {
          // next shape
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The role someone wrote, in the profile's terms: "Parent/carer", "Mum", "foster carer" are
   * parents or carers; "young person", "pupil", "student" young people; "SENCO", "teacher", "social
   * worker" professionals. Empty when it is none of these, or more than one ("parent and teacher"):
   * the officer is told rather than a guess stored.
   */
  public static Optional<Role> role(String value) {
    String v = words(value);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    for (Role r : Role.values()) {
      if (words(r.code()).equals(v) || words(r.label()).equals(v)) {
        return Optional.of(r);
      }
    }
    List<Role> found = new ArrayList<>();
    if (containsAny(v, PARENT_WORDS)) {
      found.add(Role.PARENT_CARER);
    }
    if (containsAny(v, YOUNG_PERSON_WORDS)) {
      found.add(Role.YOUNG_PERSON);
    }
    if (containsAny(v, PROFESSIONAL_WORDS)) {
      found.add(Role.PROFESSIONAL);
    }
    if (found.size() == 1) {
      return Optional.of(found.get(0));
    }
    if (found.isEmpty() && containsAny(v, List.of("other", "someone else", "family member"))) {
      return Optional.of(Role.OTHER);
    }
    return Optional.empty();
  }

  /** Answers that mean the person chose not to say: stored as not given. */
  public static boolean declined(String value) {
    return List.of("prefer not to say", "rather not say", "not given", "n a", "na", "none given")
        .contains(words(value));
  }

  private static final List<String> PARENT_WORDS =
      List.of(
          "parent",
          "parents",
          "carer",
          "carers",
          "mum",
          "mom",
          "mother",
          "dad",
          "father",
          "guardian",
          "grandparent",
          "grandmother",
          "grandfather",
          "nan",
          "step parent",
          "stepmum",
          "stepdad",
          "foster",
          "kinship",
          "adoptive");

  private static final List<String> YOUNG_PERSON_WORDS =
      List.of(
          "young person",
          "young people",
          "young adult",
          "pupil",
          "student",
          "learner",
          "yp",
          "myself",
          "i am the young person");

  private static final List<String> PROFESSIONAL_WORDS =
      List.of(
          "professional",
          "practitioner",
          "senco",
          "sendco",
          "teacher",
          "headteacher",
          "head teacher",
          "teaching assistant",
          "school staff",
          "staff",
          "social worker",
          "educational psychologist",
          "psychologist",
          "therapist",
          "nurse",
          "doctor",
          "paediatrician",
          "health visitor",
          "clinician",
          "caseworker",
          "case officer",
          "key worker",
          "keyworker",
          "officer",
          "early years");

  /** Whether a phrase (whole words) occurs in words already normalised. */
  private static boolean containsAny(String words, List<String> phrases) {
    String padded = " " + words + " ";
    return phrases.stream().anyMatch(p -> padded.contains(" " + p + " "));
  }

  /**
   * Lower case, accents and punctuation removed, "&" as "and", single spaces: "Parent/Carer " and
   * "parent carer" read the same.
   */
  public static String words(String value) {
    if (value == null) {
      return "";
    }
    String v =
        Normalizer.normalize(value, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replace("&", " and ")
            .replace("’", "'")
            .replaceAll("[^a-z0-9']+", " ")
            .replace("'", "");
    return v.replaceAll("\\s+", " ").strip();
  }

  /** Yes, as a consent column says it. */
  public static boolean yes(String value) {
    return List.of("yes", "y", "true", "1", "agreed", "agree", "i agree", "x", "ticked")
        .contains(words(value));
  }
}
