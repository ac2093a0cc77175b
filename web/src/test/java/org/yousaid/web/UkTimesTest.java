package org.yousaid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Times as GOV.UK writes them, in UK time: summer time included, whatever the server's zone. */
class UkTimesTest {

  @Test
  void writesDatesAndTimesTheGovUkWay() {
    assertEquals("1 December 2026", UkTimes.date(LocalDate.of(2026, 12, 1)));
    assertEquals(
        "1 December 2026 at 6:45pm", UkTimes.dateTime(Instant.parse("2026-12-01T18:45:00Z")));
    // British Summer Time: 23:30 UTC on 30 June is 00:30 on 1 July in London.
    assertEquals("1 July 2026 at 12:30am", UkTimes.dateTime(Instant.parse("2026-06-30T23:30:00Z")));
    assertEquals("1 July 2026", UkTimes.date(Instant.parse("2026-06-30T23:30:00Z")));
    assertEquals("2 March 2026 at 9am", UkTimes.dateTime(Instant.parse("2026-03-02T09:00:59Z")));
    assertEquals("2 March 2026 at midday", UkTimes.dateTime(Instant.parse("2026-03-02T12:00:00Z")));
    assertEquals(
        "3 March 2026 at midnight", UkTimes.dateTime(Instant.parse("2026-03-03T00:00:00Z")));
    assertEquals("", UkTimes.dateTime(null));
    assertEquals("1 December 2026", UkTimes.dateTime(LocalDate.of(2026, 12, 1)));
  }

  @Test
  void templatesUseTheFilters() {
    assertEquals(
        "1 December 2026 / 1 December 2026 at 6:45pm /",
        Pages.render(
                "test-times",
                java.util.Map.of(
                    "day", LocalDate.of(2026, 12, 1), "at", Instant.parse("2026-12-01T18:45:00Z")))
            .strip());
  }

  @Test
  void percentagesRoundHalfUpAsTheExportsDo() {
    // Pebble's numberformat rounds half to even (62.5 -> 62); the exports say 63.
    assertEquals("63", PageFilters.percent(0.625));
    assertEquals("13", PageFilters.percent(0.125));
    assertEquals("0", PageFilters.percent(0));
    assertEquals("100", PageFilters.percent(1.0));
    assertEquals("", PageFilters.percent(null));
    assertEquals("63%", Pages.render("test-percent", java.util.Map.of("share", 0.625)).strip());
  }
}
