package org.yousaid.functions.common.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.shared.templates.ConsultationTemplates;

/** The closing date as respondents read it, and which page a consultation's address shows. */
class RespondentFormTest {

  @Test
  void aLastDayForAnswersReadsAsThatDayAt1159pmInWinterAndSummer() {
    // The officer's "last day for answers" is stored as midnight (UK time) at the start of the
    // next day.
    assertEquals(
        "12 January 2027 at 11:59pm",
        RespondentForm.closingTime(Instant.parse("2027-01-13T00:00:00Z")));
    assertEquals(
        "30 June 2027 at 11:59pm",
        RespondentForm.closingTime(Instant.parse("2027-06-30T23:00:00Z")),
        "British Summer Time: midnight in London is 11pm UTC");
    assertEquals(
        "12 January 2027 at 3:30pm",
        RespondentForm.closingTime(Instant.parse("2027-01-12T15:30:00Z")),
        "any other time is said as it is");
    assertNull(RespondentForm.closingTime(null));
  }

  @Test
  void theAddressShowsTheFormOnlyBetweenOpeningAndClosing() {
    Instant opens = Instant.parse("2027-01-01T00:00:00Z");
    Instant closes = Instant.parse("2027-02-01T00:00:00Z");
    Consultation open =
        ConsultationTemplates.localOffer("demo", "Demo", "lo", List.of(), opens, closes);
    assertEquals(
        RespondentForm.State.NOT_YET_OPEN,
        RespondentForm.state(open, Instant.parse("2026-12-31T23:59:59Z")));
    assertEquals(RespondentForm.State.OPEN, RespondentForm.state(open, opens));
    assertEquals(
        RespondentForm.State.CLOSED,
        RespondentForm.state(open, closes),
        "closing is the first moment answers are refused");
    assertEquals(
        RespondentForm.State.CLOSED,
        RespondentForm.state(
            open.withStatus(ConsultationStatus.CLOSED), Instant.parse("2027-01-15T12:00:00Z")),
        "closed early by an officer");
  }
}
