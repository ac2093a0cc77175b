package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The manage form shows the dates an officer typed: the day a consultation opens and the last day
 * it is open, in UK time, although the close is stored as the start of the next day.
 */
class ConsultationAdminDatesTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void unsetDatesAreEmptyFields() {
    assertEquals("", ConsultationAdmin.formDate(null, false));
    assertEquals("", ConsultationAdmin.formDate(null, true));
  }

  @Test
  void theClosingDayIsTheLastDayOpenNotTheStoredMidnight() {
    Instant storedClose = LocalDate.parse("2026-12-01").atStartOfDay(LONDON).toInstant();
    assertEquals("2026-11-30", ConsultationAdmin.formDate(storedClose, true));
    assertEquals("2026-12-01", ConsultationAdmin.formDate(storedClose, false));
  }

  @Test
  void summerTimeMidnightIsStillThatDayInTheUk() {
    // 23:00 UTC on 31 May is midnight of 1 June in London (BST).
    Instant opens = Instant.parse("2026-05-31T23:00:00Z");
    assertEquals("2026-06-01", ConsultationAdmin.formDate(opens, false));
  }

  @Test
  void everyDayOfTheYearShowsAsTheDayThatWasStored() {
    for (LocalDate day = LocalDate.parse("2026-01-01");
        day.getYear() == 2026;
        day = day.plusDays(1)) {
      Instant opens = day.atStartOfDay(LONDON).toInstant();
      Instant closes = day.plusDays(1).atStartOfDay(LONDON).toInstant();
      assertEquals(day.toString(), ConsultationAdmin.formDate(opens, false));
      assertEquals(day.toString(), ConsultationAdmin.formDate(closes, true), day.toString());
    }
  }
}
