package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.nlp.Redactor;

class RedactTest {
  private static final String PERSONAL =
      "My son Oliver Bennett needs transport, call me on 07700 900123 or jo@example.org.";
  private static final String WELSH =
      "Mae angen mwy o gymorth ar fy mhlentyn yn yr ysgol, ffoniwch fi ar 07700 900123.";

  @Test
  void everyAnswerIsRedactedForPublicationAnswersInOtherLanguagesToo() {
    List<AnswerRecord> records = TestModels.checked(PERSONAL, WELSH, "More respite, please.");
    new Annotate(TestModels.annotator(true)).apply(records);
    Redact.forPublication(new Redactor(TestModels.annotator(true))).apply(records);
    String published = records.get(0).publishedText();
    assertFalse(published.contains("Oliver") || published.contains("Bennett"), published);
    assertFalse(published.contains("900123") || published.contains("jo@"), published);
    assertTrue(published.contains("[name]") && published.contains("[phone]"), published);
    assertTrue(records.get(1).publishedText().contains("[phone]"), records.get(1).publishedText());
    assertEquals("More respite, please.", records.get(2).publishedText());
  }

  @Test
  void aThemingOnlyRunKeepsTheNormalisedText() {
    List<AnswerRecord> records = TestModels.checked("  Call  me on 07700 900123 ");
    Redact.themingOnly().apply(records);
    assertEquals("Call me on 07700 900123", records.get(0).publishedText());
  }
}
