package org.yousaid.functions.officer.dashboards;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The "from" and "to" dates of a dashboard filter (year-month-day, both days included, UK time). A
 * date that cannot be read is reported as an error for that field and ignored, so the page still
 * shows.
 */
public record DateRange(
    LocalDate from, LocalDate to, String fromText, String toText, Map<String, String> errors) {

  public static final DateRange ALL = new DateRange(null, null, "", "", Map.of());

  public DateRange {
    errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    fromText = fromText == null ? "" : fromText;
    toText = toText == null ? "" : toText;
  }

  public static DateRange parse(Optional<String> fromValue, Optional<String> toValue) {
    Map<String, String> errors = new LinkedHashMap<>();
    String fromText = fromValue.map(String::trim).orElse("");
    String toText = toValue.map(String::trim).orElse("");
    LocalDate from =
        date(
            fromText,
            "from",
            "Enter the first day as year-month-day, for example 2026-04-01",
            errors);
    LocalDate to =
        date(toText, "to", "Enter the last day as year-month-day, for example 2026-09-30", errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.put("to", "The last day must be the same as or after the first day");
      to = null;
    }
    return new DateRange(from, to, fromText, toText, errors);
  }

  private static LocalDate date(
      String text, String field, String message, Map<String, String> errors) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      errors.put(field, message);
      return null;
    }
  }

  public boolean contains(Instant instant) {
    LocalDate day = instant.atZone(Months.UK).toLocalDate();
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  public boolean isFiltered() {
    return from != null || to != null;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /**
   * The filter as a query string to carry on links ("" when there is none), e.g. {@code
   * from=2026-01-01&to=2026-03-31}.
   */
  public String query() {
    StringBuilder q = new StringBuilder();
    if (from != null) {
      q.append("from=").append(from);
    }
    if (to != null) {
      q.append(q.length() > 0 ? "&" : "").append("to=").append(to);
    }
    return q.toString();
  }

  /**
   * In words, for headings: "1 April 2026 to 30 September 2026", "since 1 April 2026", or "all
   * dates".
   */
  public String describe() {
    java.time.format.DateTimeFormatter f =
        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
    if (from != null && to != null) {
      return f.format(from) + " to " + f.format(to);
    }
    if (from != null) {
      return "since " + f.format(from);
    }
    if (to != null) {
      return "up to " + f.format(to);
    }
    return "all dates";
  }
}
