package org.yousaid.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PersonalDataPatternsTest {

  @Test
  void replacesEveryShapedKind() {
    String text =
        "Email jo.bloggs@example.org or ring 07700 900123. We live at 12 Acacia Avenue, CV34 4RL. "
            + "NHS number 943 476 5919, born 3 May 2015.";
    assertEquals(
        "Email [email] or ring [phone]. We live at [address], [postcode]. "
            + "NHS number [nhs number], born [date of birth].",
        PersonalDataPatterns.redact(text));
  }

  @Test
  void leavesOrdinaryNumbersAndDatesAlone() {
    String text = "We waited 20 weeks, from 3 May 2015, and 1234567890 is not an NHS number.";
    assertEquals(text, PersonalDataPatterns.redact(text));
    assertEquals(
        "Waited since 3 May 2015 for a plan",
        PersonalDataPatterns.redact("Waited since 3 May 2015 for a plan"));
  }

  @Test
  void nhsCheckDigit() {
    assertEquals(true, PersonalDataPatterns.validNhsNumber("9434765919"));
    assertEquals(false, PersonalDataPatterns.validNhsNumber("9434765918"));
  }
}
