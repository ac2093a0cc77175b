package org.yousaid.functions.officer.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ProfileField;
import org.yousaid.shared.model.Role;
import org.yousaid.shared.templates.ConsultationTemplates;

/**
 * Values and headers as people write them in the spreadsheets officers are sent: what the importer
 * reads, and what it refuses to guess.
 */
class ImportValuesTest {

  private static Instant london(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(UkValues.LONDON).toInstant();
  }

  @Test
  void ukDatesInEveryCommonShapeAreDayFirst() {
    Instant twelfthNov = london(2026, 11, 12, 0, 0);
    for (String v :
        List.of(
            "12/11/2026",
            "12-11-26",
            "12/11/26",
            "12.11.2026",
            "12 November 2026",
            "12 Nov 2026",
            "12th November 2026",
            "Thursday 12 November 2026",
            "Thu, 12 Nov 2026",
            "12-Nov-26",
            " 2026-11-12 ")) {
      assertEquals(Optional.of(twelfthNov), UkValues.date(v), v);
    }
    assertEquals(Optional.of(london(2026, 9, 3, 0, 0)), UkValues.date("3 Sept 2026"));
    assertEquals(Optional.of(london(2026, 11, 12, 14, 5)), UkValues.date("12/11/2026 14:05"));
    assertEquals(Optional.of(london(2026, 11, 12, 14, 5)), UkValues.date("12/11/2026 2:05 pm"));
    assertEquals(Optional.of(london(2026, 11, 12, 0, 5)), UkValues.date("12/11/2026 12:05 AM"));
    assertEquals(Optional.of(london(2026, 7, 3, 14, 5)), UkValues.date("2026-07-03 14:05:00"));
    assertEquals(
        Optional.of(Instant.parse("2026-07-02T22:30:00Z")),
        UkValues.date("2026-07-02T23:30:00+01:00"));
    for (String v :
        List.of(
            "31/02/2026", "13/13/2026", "last Tuesday", "12/11", "2026", "12/11/2026 25:00", "")) {
      assertEquals(Optional.empty(), UkValues.date(v), v);
    }
  }

  @Test
  void rolesAreReadAsPeopleWriteThemAndAmbiguousOnesAreNotGuessed() {
    Map<String, Role> roles =
        Map.ofEntries(
            Map.entry("Parent/carer", Role.PARENT_CARER),
            Map.entry("parent", Role.PARENT_CARER),
            Map.entry("Mum", Role.PARENT_CARER),
            Map.entry("carer", Role.PARENT_CARER),
            Map.entry("Foster carer", Role.PARENT_CARER),
            Map.entry("Parent of a child with SEND", Role.PARENT_CARER),
            Map.entry("parent-carer", Role.PARENT_CARER),
            Map.entry("young person", Role.YOUNG_PERSON),
            Map.entry("Young Person (16-25)", Role.YOUNG_PERSON),
            Map.entry("Pupil", Role.YOUNG_PERSON),
            Map.entry("professional", Role.PROFESSIONAL),
            Map.entry("SENCO", Role.PROFESSIONAL),
            Map.entry("Class teacher", Role.PROFESSIONAL),
            Map.entry("Social worker", Role.PROFESSIONAL),
            Map.entry("Other", Role.OTHER));
    roles.forEach(
        (written, role) -> assertEquals(Optional.of(role), UkValues.role(written), written));
    for (String v : List.of("Parent and teacher", "Governor", "", "Mother / SENCO")) {
      assertEquals(Optional.empty(), UkValues.role(v), v);
    }
    assertTrue(UkValues.declined("Prefer not to say"));
  }

  @Test
  void optionsIgnoreCaseSpacingAndPunctuationAndKeepLabelsWithCommasWhole() {
    Consultation c =
        ConsultationTemplates.localOffer("demo", "Demo", "lo", List.of("North"), null, null);
    var searchBy = c.question("search-by").orElseThrow().effectiveOptions();
    assertEquals(
        List.of("age", "area"),
        OptionMatcher.match(searchBy, "SEARCH  by age ;search by where I live.", true));
    assertEquals(List.of(), OptionMatcher.match(searchBy, "search by age; by pigeon", true));
    var areas =
        java.util.Arrays.stream(org.yousaid.shared.model.AreaOfNeed.values())
            .map(a -> new org.yousaid.shared.model.ChoiceOption(a.code(), a.label()))
            .toList();
    assertEquals(
        List.of("social-emotional-mental-health", "sensory-and-physical"),
        OptionMatcher.match(
            areas, "Social, emotional and mental health, Sensory and/or physical needs", true));
  }

  @Test
  void headersFromCitizenSpaceFormsAndSurveyMonkeyAreGuessedAndPersonalColumnsAreNot() {
    Consultation c =
        ConsultationTemplates.localOffer("demo", "Demo", "lo", List.of("North"), null, null);
    assertTrue(c.asks(ProfileField.ROLE));
    List<String> headers =
        List.of(
            "ID",
            "Start time",
            "Completion time",
            "Email",
            "Name",
            "Q1. What would help you find information about services for your child or young"
                + " person?",
            "2) How would you like to get information about the Local Offer",
            "What would help you feel confident in the services?",
            "I am a",
            "Child's age",
            "IP Address");
    Map<Integer, String> guessed = ColumnGuess.guess(c, headers);
    assertEquals("submittedAt", guessed.get(2), "completion, not start");
    assertEquals(null, guessed.get(1));
    assertEquals("q.find-information", guessed.get(5));
    assertEquals("q.format", guessed.get(6));
    assertEquals("q.confidence", guessed.get(7), "close wording");
    assertEquals("profile.role", guessed.get(8));
    assertEquals("profile.ageBand", guessed.get(9));
    for (int personal : List.of(0, 3, 4, 10)) {
      assertEquals(null, guessed.get(personal), headers.get(personal));
    }
  }
}
