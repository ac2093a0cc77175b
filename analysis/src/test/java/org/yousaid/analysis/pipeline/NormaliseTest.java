package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormaliseTest {
  @Test
  void normalisesTextFlagsNonAnswersAndKeepsTheOriginal() {
    List<AnswerRecord> records =
        TestModels.records("  It\u2019s \u201Cfine\u201D \u2013\n really ", " N/A ", null, "No.");
    new Normalise().apply(records);
    assertEquals("It's \"fine\" - really", records.get(0).text());
    assertFalse(records.get(0).nonAnswer());
    assertEquals("  It\u2019s \u201Cfine\u201D \u2013\n really ", records.get(0).answer().text());
    assertTrue(records.get(1).nonAnswer());
    assertEquals("", records.get(2).text(), "a missing answer is an empty one");
    assertTrue(records.get(2).nonAnswer());
    assertTrue(records.get(3).nonAnswer());
  }
}
