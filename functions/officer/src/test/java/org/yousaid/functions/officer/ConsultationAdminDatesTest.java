package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The manage form shows the dates an officer typed: the day a consultation opens and the last day
 * it is open, in UK time, although the close is stored as the start of the next day.
 */
class ConsultationAdminDatesTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void officersTypeDatesTheUkWay() {
    LocalDate expected = LocalDate.parse("2026-12-01");
    for (String typed :
        List.of(
            "1/12/2026",
            "01/12/2026",
            " 1 12 2026 ",
            "1-12-2026",
            "1 December 2026",
            "1 dec 2026",
            "2026-12-01")) {
      assertEquals(expected, FormDates.parse(typed).orElseThrow(), typed);
    }
    for (String typed : List.of("31/2/2026", "12/31/2026", "2026-13-01", "tomorrow", "", "1/12")) {
      assertTrue(FormDates.parse(typed).isEmpty(), typed);
    }
  }

  @Test
  void unsetDatesAreEmptyFields() {
    assertEquals("", ConsultationAdmin.formDate(null, false));
    assertEquals("", ConsultationAdmin.formDate(null, true));
  }

  @Test
  void theClosingDayIsTheLastDayOpenNotTheStoredMidnight() {
    Instant storedClose = LocalDate.parse("2026-12-01").atStartOfDay(LONDON).toInstant();
    assertEquals("30/11/2026", ConsultationAdmin.formDate(storedClose, true));
    assertEquals("1/12/2026", ConsultationAdmin.formDate(storedClose, false));
  }

  @Test
  void summerTimeMidnightIsStillThatDayInTheUk() {
    // 23:00 UTC on 31 May is midnight of 1 June in London (BST).
    Instant opens = Instant.parse("2026-05-31T23:00:00Z");
    assertEquals("1/6/2026", ConsultationAdmin.formDate(opens, false));
  }

  @Test
  void everyDayOfTheYearShowsAsTheDayThatWasStored() {
    for (LocalDate day = LocalDate.parse("2026-01-01");
        day.getYear() == 2026;
        day = day.plusDays(1)) {
      Instant opens = day.atStartOfDay(LONDON).toInstant();
      Instant closes = day.plusDays(1).atStartOfDay(LONDON).toInstant();
      // What the form shows is read back as the same day when the officer saves it unchanged.
      assertEquals(day, FormDates.parse(ConsultationAdmin.formDate(opens, false)).orElseThrow());
      assertEquals(
          day, FormDates.parse(ConsultationAdmin.formDate(closes, true)).orElseThrow(), "" + day);
    }
  }
}
