package org.yousaid.web;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates and times as GOV.UK writes them, in UK time whatever the server's zone: "1 December 2026"
 * and "1 December 2026 at 6:45pm", with "midday" and "midnight" for 12:00 and 00:00.
 */
public final class UkTimes {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

  private UkTimes() {}

  /** "1 December 2026"; "" for null. Takes a LocalDate, an Instant or a zoned date-time. */
  public static String date(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Instant i) {
      return DATE.format(i.atZone(LONDON));
    }
    if (value instanceof ZonedDateTime z) {
      return DATE.format(z.withZoneSameInstant(LONDON));
    }
    if (value instanceof TemporalAccessor t) {
      return DATE.format(t);
    }
    return String.valueOf(value);
  }

  /** "1 December 2026 at 6:45pm" in UK time; "" for null. A LocalDate shows as its date only. */
  public static String dateTime(Object value) {
    ZonedDateTime at = null;
    if (value instanceof Instant i) {
      at = i.atZone(LONDON);
    } else if (value instanceof ZonedDateTime z) {
      at = z.withZoneSameInstant(LONDON);
    }
    if (at == null) {
      return date(value);
    }
    return DATE.format(at) + " at " + clock(at.toLocalTime());
  }

  /** "6:45pm", "9am", "midday" or "midnight". */
  static String clock(LocalTime time) {
    LocalTime minute = time.withSecond(0).withNano(0);
    if (minute.equals(LocalTime.NOON)) {
      return "midday";
    }
    if (minute.equals(LocalTime.MIDNIGHT)) {
      return "midnight";
    }
    String text = CLOCK.format(minute).toLowerCase(Locale.ROOT);
    return text.replace(":00", "");
  }
}
