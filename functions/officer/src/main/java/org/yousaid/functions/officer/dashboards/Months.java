package org.yousaid.functions.officer.dashboards;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Calendar months as council officers count them: in UK time, so an answer at 00:30 BST on 1 July
 * is July's.
 */
public final class Months {

  public static final ZoneId UK = ZoneId.of("Europe/London");
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  /**
   * A month with anything more than this many in it is too many to list every month; the most
   * recent are kept.
   */
  public static final int MAX_MONTHS = 36;

  private Months() {}

  public static YearMonth of(Instant instant) {
    return YearMonth.from(instant.atZone(UK));
  }

  /**
   * Every month from {@code first} to {@code last}, both included (empty if first is after last),
   * at most the last {@link #MAX_MONTHS}.
   */
  public static List<YearMonth> between(YearMonth first, YearMonth last) {
    List<YearMonth> months = new ArrayList<>();
    if (first == null || last == null || first.isAfter(last)) {
      return months;
    }
    YearMonth start =
        last.minusMonths(MAX_MONTHS - 1L).isAfter(first)
            ? last.minusMonths(MAX_MONTHS - 1L)
            : first;
    for (YearMonth m = start; !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** "Jul 2026". */
  public static String shortLabel(YearMonth month) {
    return SHORT.format(month);
  }

  /** "July 2026". */
  public static String longLabel(YearMonth month) {
    return LONG.format(month);
  }
}
