package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckLanguageTest {
  private static final String WELSH =
      "Mae angen mwy o gymorth ar fy mhlentyn yn yr ysgol, ffoniwch fi ar 07700 900123.";

  @Test
  void answersNotInEnglishAreFlaggedAndNotThemable() {
    List<AnswerRecord> records =
        TestModels.records("My son needs more help at school with his reading.", WELSH, "n/a");
    new Normalise().apply(records);
    new CheckLanguage(true).apply(records);
    assertEquals("en", records.get(0).language());
    assertTrue(records.get(0).themable());
    assertEquals("cy", records.get(1).language());
    assertTrue(records.get(1).otherLanguage());
    assertFalse(records.get(1).themable());
    assertEquals("en", records.get(2).language(), "non-answers are not checked");
    assertFalse(records.get(2).themable());
    assertFalse(records.get(2).otherLanguage());
  }

  @Test
  void turnedOffEveryAnswerCountsAsEnglish() {
    List<AnswerRecord> records = TestModels.records(WELSH);
    new Normalise().apply(records);
    new CheckLanguage(false).apply(records);
    assertEquals("en", records.get(0).language());
    assertTrue(records.get(0).themable());
  }
}
