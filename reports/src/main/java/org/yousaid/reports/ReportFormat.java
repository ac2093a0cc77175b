package org.yousaid.reports;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.ThemeSummary;

/** Wording shared by every exporter, so CSV, XLSX, DOCX and PDF say the same thing. */
public final class ReportFormat {

  /** Hidden counts (see {@link ReportBuilder}) are -1 in the model. */
  public static final int SUPPRESSED = -1;

  /** Counts hidden only so that a suppressed count cannot be worked out by subtraction. */
  public static final int WITHHELD = -2;

  public static final String WITHHELD_LABEL = "not shown";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneId.of("Europe/London"));

  private ReportFormat() {}

  /**
   * "12", "fewer than 5" when suppressed, or "not shown" when withheld to protect a suppressed
   * count.
   */
  public static String count(int count, Suppression suppression) {
    if (count == WITHHELD) {
      return WITHHELD_LABEL;
    }
    return count == SUPPRESSED ? suppression.label() : Integer.toString(count);
  }

  /**
   * "48%" (rounded half up), or "" when suppressed. Every percentage yousaid shows, on pages, in
   * files and in reports, is rounded here, so no two places round the same share differently.
   */
  /**
   * A theme's or sub-theme's heading: "Label (27, 90%)"; "Label (fewer than 5)" where the share is
   * not shown.
   */
  public static String themeHeading(ThemeSummary theme, Suppression suppression) {
    String percent = percent(theme.share());
    return theme.label()
        + " ("
        + count(theme.count(), suppression)
        + (percent.isEmpty() ? "" : ", " + percent)
        + ")";
  }

  public static String percent(double share) {
    if (share < 0) {
      return "";
    }
    return wholePercent(share) + "%";
  }

  /** A share (0..1) as a whole percentage, half up: the one rounding yousaid uses. */
  public static int wholePercent(double share) {
    return (int) Math.round(share * 100);
  }

  /** The whole percentage of {@code count} in {@code of}, rounded as {@link #percent(double)}. */
  public static int percentOf(int count, int of) {
    return wholePercent((double) count / of);
  }

  public static String percent(OptionCount o) {
    return percent(o.share());
  }

  public static String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant);
  }

  /** "12 answers", or "fewer than 5 answers" / "answers not shown" when hidden. */
  public static String answers(int n, Suppression suppression) {
    if (n == WITHHELD) {
      return "number of answers " + WITHHELD_LABEL;
    }
    return n == SUPPRESSED ? suppression.label() + " answers" : answers(n);
  }

  public static String answers(int n) {
    return n == 1 ? "1 answer" : n + " answers";
  }

  /** "N other answers support this answer", or "" when hidden (only 5 or more are published). */
  public static String othersSupport(int n) {
    if (n < 0) {
      return "";
    }
    return n == 1
        ? "1 other answer supports this answer"
        : n + " other answers support this answer";
  }

  /**
   * OWASP CSV injection defence: a cell whose first non-whitespace character is {@code = + - @}, or
   * which starts with a tab or carriage return, gets a leading apostrophe so spreadsheets treat it
   * as text. Applied to every text cell of the CSV and XLSX exports.
   */
  public static String safeCell(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    char first = value.charAt(0);
    if (first == '\t' || first == '\r') {
      return "'" + value;
    }
    String trimmed = value.stripLeading();
    if (!trimmed.isEmpty()) {
      char c = trimmed.charAt(0);
      if (c == '='
          || c == '+'
          || c == '-'
          || c == '@'
          || c == '\t'
          || c == '\r'
          || c == '\uFF1D'
          || c == '\uFF0B'
          || c == '\uFF0D'
          || c == '\uFF20') {
        return "'" + value;
      }
    }
    return value;
  }

  /**
   * Removes characters XML 1.0 cannot hold (most C0 controls, lone surrogates), which would corrupt
   * DOCX/XLSX.
   */
  public static String xmlSafe(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (Character.isHighSurrogate(ch)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        sb.append(ch).append(value.charAt(++i));
      } else if (Character.isSurrogate(ch)
          || ch == '\uFFFE'
          || ch == '\uFFFF'
          || (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')) {
        continue;
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
