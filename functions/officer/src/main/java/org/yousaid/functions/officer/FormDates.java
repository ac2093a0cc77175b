package org.yousaid.functions.officer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A date as an officer types it: the UK's "31/12/2026", "31 12 2026", "31-12-2026", "31 December
 * 2026" or "31 Dec 2026", or the ISO "2026-12-31". Day first, never month first: 1/12/2026 is the
 * first of December.
 */
final class FormDates {

  private static final List<DateTimeFormatter> FORMATS =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          pattern("d/M/uuuu"),
          pattern("d-M-uuuu"),
          pattern("d.M.uuuu"),
          pattern("d M uuuu"),
          pattern("d MMMM uuuu"),
          pattern("d MMM uuuu"));

  private FormDates() {}

  /** The date typed, or empty if it is not a real date in one of the accepted forms. */
  static Optional<LocalDate> parse(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String text = typed.strip().replaceAll("\\s+", " ");
    for (DateTimeFormatter format : FORMATS) {
      try {
        return Optional.of(LocalDate.parse(text, format));
      } catch (DateTimeParseException notThisOne) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  private static DateTimeFormatter pattern(String pattern) {
    return new java.time.format.DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.UK)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
