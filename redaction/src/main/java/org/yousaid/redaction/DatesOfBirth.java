package org.yousaid.redaction;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth: a date right after "born", "DOB", "date of birth" or "birthday", in figures or
 * words: "born in May 2014", "DOB 3rd March 2015", "he was born 12/03/2015", "born at 26 weeks on 3
 * May 2015", "her birthday is 17th July", "born in 2012". Only the date is replaced. Other dates
 * ("we applied in May 2014", "the review is on 12/03/2024") stay, and so does a date a new clause
 * away from "born" ("born early and we applied on 3 May 2019").
 */
final class DatesOfBirth {
  private static final String MONTH =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String DAY = "[0-3]?\\d(?:st|nd|rd|th)?\\b";
  private static final String YEAR = "(?:19|20)\\d{2}\\b";
  private static final Pattern DATE =
      Pattern.compile(
          "\\b(?:(?<numeric>[0-3]?\\d\\s?[/.\\-]\\s?[01]?\\d\\s?[/.\\-]\\s?(?:(?:19|20)?\\d{2})\\b)"
              + "|(?<dmy>(?:the\\s+)?"
              + DAY
              + "\\s+(?:of\\s+)?"
              + MONTH
              + "(?:,?\\s+"
              + YEAR
              + ")?)"
              + "|(?<mdy>"
              + MONTH
              + "\\s+(?:the\\s+)?"
              + DAY
              + "(?:,?\\s+"
              + YEAR
              + ")?)"
              + "|(?<my>"
              + MONTH
              + ",?\\s+"
              + YEAR
              + ")"
              + "|(?<year>"
              + YEAR
              + "))",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTEXT =
      Pattern.compile(
          "(?<![\\w-])(?:born|birth\\s?date|date\\s+of\\s+birth|d\\.?\\s?o\\.?\\s?b\\.?|birthday"
              + "|b'?day)(?![\\w-])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\d']+");

  /** Words that may stand between "born" and the date ("born prematurely at 26 weeks on"). */
  private static final Set<String> BRIDGE =
      Set.of(
          "on",
          "in",
          "at",
          "the",
          "of",
          "was",
          "is",
          "were",
          "are",
          "early",
          "late",
          "prematurely",
          "premature",
          "prem",
          "around",
          "about",
          "approx",
          "approximately",
          "mid",
          "end",
          "beginning",
          "start",
          "weeks",
          "week",
          "wks",
          "by",
          "emergency",
          "c",
          "section",
          "caesarean",
          "'s",
          "s",
          "his",
          "her",
          "their",
          "my",
          "date",
          "dob",
          "full",
          "term",
          "back");

  private DatesOfBirth() {}

  static void find(String text, List<PersonalDataSpan> into) {
    for (Matcher c = CONTEXT.matcher(text); c.find(); ) {
      int from = c.end();
      Matcher d = DATE.matcher(text);
      d.region(from, Math.min(text.length(), from + 60));
      if (!d.find()) continue;
      String between = text.substring(from, d.start());
      if (!bridges(between)) continue;
      boolean year = d.group("year") != null;
      if (year && !yearOnlyBridge(between)) continue;
      into.add(new PersonalDataSpan(PersonalDataKind.DATE_OF_BIRTH, d.start(), d.end()));
    }
  }

  private static boolean bridges(String between) {
    if (between.indexOf('.') >= 0 && !between.strip().matches("[.:\\-\\s]*")) return false;
    for (char ch : new char[] {'!', '?', ';', '\n'}) {
      if (between.indexOf(ch) >= 0) return false;
    }
    int words = 0;
    for (Matcher t = TOKEN.matcher(between); t.find(); ) {
      String w = t.group().toLowerCase(Locale.ROOT);
      if (++words > 6) return false;
      if (!BRIDGE.contains(w) && !w.matches("\\d{1,2}")) return false;
    }
    return true;
  }

  /** A bare year is a date of birth only straight after "born (in)" or "DOB". */
  private static boolean yearOnlyBridge(String between) {
    return between
        .strip()
        .toLowerCase(Locale.ROOT)
        .matches("(?:[:\\-]\\s*)?(?:in|was)?\\s*(?:in)?");
  }
}
