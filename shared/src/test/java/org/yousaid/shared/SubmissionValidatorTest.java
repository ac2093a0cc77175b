package org.yousaid.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.shared.validation.RawSubmission;
import org.yousaid.shared.validation.SubmissionValidator;

class SubmissionValidatorTest {

  private final Consultation survey =
      ConsultationTemplates.ehcStageSurvey("demo", "Demo", "ehc", List.of("North"));
  private final SubmissionValidator validator = new SubmissionValidator();

  private SubmissionValidator.Result validate(
      Map<String, List<String>> answers, Map<String, List<String>> profile) {
    return validator.validate(survey, new RawSubmission(answers, profile, null, List.of()));
  }

  @Test
  void acceptsAnOptionOfASingleChoiceQuestion() {
    var result =
        validate(
            Map.of("outcomes-clear", List.of("not-clear")),
            Map.of("ehcStage", List.of("final-plan")));
    assertTrue(result.isValid());
  }

  @Test
  void refusesAValueThatIsNotAnOption() {
    var result = validate(Map.of("outcomes-clear", List.of("<script>")), Map.of());
    assertFalse(result.isValid());
    assertEquals("outcomes-clear", result.errors().get(0).field());
  }

  @Test
  void refusesTwoValuesForASingleChoiceQuestion() {
    assertFalse(
        validate(Map.of("outcomes-clear", List.of("clear", "not-clear")), Map.of()).isValid());
  }

  @Test
  void refusesTextLongerThanTheQuestionAllowsCountingCharactersNotBytes() {
    String tooLong = "é".repeat(2001);
    var result =
        validate(
            Map.of("outcomes-clear", List.of("clear"), "do-better", List.of(tooLong)), Map.of());
    assertFalse(result.isValid());
    assertTrue(result.errors().get(0).message().contains("2000 characters or fewer"));
    String justRight = "😀".repeat(2000);
    assertTrue(
        validate(
                Map.of("outcomes-clear", List.of("clear"), "do-better", List.of(justRight)),
                Map.of())
            .isValid());
  }

  @Test
  void refusesUnknownQuestionsAndProfileValues() {
    assertFalse(
        validate(Map.of("outcomes-clear", List.of("clear"), "nope", List.of("x")), Map.of())
            .isValid());
    assertFalse(
        validate(Map.of("outcomes-clear", List.of("clear")), Map.of("role", List.of("king")))
            .isValid());
    assertFalse(
        validate(
                Map.of("outcomes-clear", List.of("clear")), Map.of("district", List.of("Atlantis")))
            .isValid());
  }

  @Test
  void normalisesTextRemovingControlCharacters() {
    assertEquals("a\nb c", SubmissionValidator.normaliseText("  a\r\nb\u0000 c\u0007 "));
    assertEquals("e\u0301".length(), 2);
    assertEquals("\u00e9", SubmissionValidator.normaliseText("e\u0301"));
    assertEquals("ab", SubmissionValidator.normaliseText("a\ud800b"));
  }
}
