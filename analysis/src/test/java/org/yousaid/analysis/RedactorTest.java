package org.yousaid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.nlp.PersonalDataType;
import org.yousaid.analysis.nlp.RedactedText;
import org.yousaid.analysis.nlp.Redactor;

class RedactorTest {
  static Redactor redactor;

  @BeforeAll
  static void load() {
    redactor = new Redactor();
  }

  @Test
  void replacesEachKindOfPlantedPersonalData() {
    String text =
        "My daughter Amelia Clarke (DOB 14/03/2012) has waited a year. Email me at jo.clarke@example.co.uk "
            + "or ring 01632 960 123. We live at 42 Mill Lane, CV34 4RL. Her NHS number is 943 476 5919.";
    RedactedText r = redactor.redact(text);
    assertEquals(
        "My daughter [name] (DOB [date of birth]) has waited a year. Email me at [email] or ring [phone]. "
            + "We live at [address], [postcode]. Her NHS number is [nhs number].",
        r.text());
    assertTrue(r.spans().stream().anyMatch(s -> s.type() == PersonalDataType.NAME));
  }

  @Test
  void leavesOrdinaryNumbersDatesAndWordsAlone() {
    String text =
        "We were offered 24 nights in 2015, then 35 nights from 1 April 2016. The review is on 12/05/2024.";
    assertEquals(text, redactor.redact(text).text());
  }

  @Test
  void tenDigitNumbersFailingTheNhsChecksumAreNotNhsNumbers() {
    assertFalse(redactor.redact("Reference 123 456 7890 please").text().contains("[nhs number]"));
  }

  @Test
  void internationalFormatUkMobilesAreRedacted() {
    assertEquals(
        "Call [phone] after six.", redactor.redact("Call +44 7700 900456 after six.").text());
  }
}
