package org.yousaid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yousaid.analysis.nlp.Redactor;
import org.yousaid.redaction.PersonalDataKind;
import org.yousaid.redaction.RedactedText;
import org.yousaid.redaction.Redaction;

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
    assertTrue(r.spans().stream().anyMatch(s -> s.kind() == PersonalDataKind.NAME));
  }

  @Test
  void namesNoListHoldsAreFoundByCoreNlp() {
    // "Zephyrine Oyelowo-Barnes" is in no shipped list; the rules alone leave it
    String text = "We were helped by Zephyrine Oyelowo-Barnes at the hearing.";
    assertEquals(text, Redaction.standard().redact(text));
    assertEquals("We were helped by [name] at the hearing.", redactor.redact(text).text());
  }

  @Test
  void organisationsCoreNlpRecognisesAreRedactedButPublicServicesStay() {
    RedactedText r =
        redactor.redact(
            "Warwickshire County Council and CAMHS referred us to Kingsmead Autism Outreach.");
    assertTrue(r.text().startsWith("Warwickshire County Council and CAMHS referred us to "));
    assertFalse(r.text().contains("Kingsmead"), r.text());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "my son jack goes to riverside high and his teacher mrs patel is lovely",
        "Call 07 700 900 789 or +44 (0)7700 900321",
        "we live on mill lane, he was born in May 2014",
        "our caseworker karen never rings back",
      })
  void theEngineRedactsAtLeastWhatThePublishersCheckDoes(String text) {
    RedactedText engine = redactor.redact(text);
    for (var s : Redaction.standard().find(text)) {
      assertTrue(
          engine.spans().stream().anyMatch(e -> e.begin() <= s.begin() && s.end() <= e.end()),
          () -> "engine missed " + text.substring(s.begin(), s.end()) + " in " + engine.text());
    }
    assertEquals(engine.text(), Redaction.standard().redact(engine.text()));
  }

  @Test
  void conditionsNamedAfterPeopleAreNotNames() {
    String text = "Our son has Tourette's, and Asperger syndrome was diagnosed later.";
    assertEquals(text, redactor.redact(text).text());
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
