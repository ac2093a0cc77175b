package org.yousaid.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sentence and contrast-clause cuts the (unshipped) clause readings of the sentiment bench use.
 */
class AnswerPartsTest {
  @Test
  void cutsSentencesAndContrastClausesOfTwoWordsOrMore() {
    assertEquals(
        List.of("the senco is nice", "but nothing happens"),
        AnswerParts.parts("the senco is nice but nothing happens"));
    assertEquals(
        List.of("Great staff", "Parking was awful"),
        AnswerParts.parts("Great staff. Parking was awful!"));
    assertEquals(List.of(), AnswerParts.parts("brilliant"));
    assertEquals(List.of(), AnswerParts.parts("Butterflies everywhere, lovely garden"));
  }

  @Test
  void theClauseAfterTheLastContrastWord() {
    assertEquals(
        "however the wait is far too long",
        AnswerParts.afterContrast("lovely people but kind, however the wait is far too long"));
    assertNull(AnswerParts.afterContrast("all good thanks"));
    assertNull(AnswerParts.afterContrast("good but slow"), "under 3 words is no clause");
  }
}
