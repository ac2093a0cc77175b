package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.represent.Vectors;

class EmbedTest {
  private static final String WELSH =
      "Mae angen mwy o gymorth ar fy mhlentyn yn yr ysgol, ffoniwch fi ar 07700 900123.";

  private static List<AnswerRecord> published(String... texts) {
    List<AnswerRecord> records = TestModels.checked(texts);
    Redact.themingOnly().apply(records);
    return records;
  }

  @Test
  void themableAnswersGetUnitVectorsAndRepeatedTextsOneSharedVector() {
    List<AnswerRecord> records =
        published(
            "The transport to respite is being cut.",
            "n/a",
            WELSH,
            "I want more holiday playschemes.",
            "The transport to respite is being cut.");
    Embed.with(TestModels.embedder(), null).apply(records);
    float[] first = records.get(0).embedding();
    assertEquals(TestModels.embedder().dimension(), first.length);
    assertEquals(1.0, Vectors.dot(first, first), 1e-3);
    assertSame(first, records.get(4).embedding(), "a repeated text is embedded once");
    assertNull(records.get(1).embedding(), "non-answers are not embedded");
    assertNull(records.get(2).embedding(), "answers in other languages are not embedded");
    assertTrue(Vectors.dot(first, records.get(3).embedding()) < 0.95);
  }

  @Test
  void aCacheIsReadBeforeTheModelIsRunAndFilledAfter() {
    float[] planted = new float[TestModels.embedder().dimension()];
    planted[0] = 1;
    Map<String, float[]> cache = new HashMap<>(Map.of("Respite helps us cope.", planted));
    List<AnswerRecord> records = published("Respite helps us cope.", "Buses are late.");
    Embed.with(TestModels.embedder(), cache).apply(records);
    assertSame(planted, records.get(0).embedding(), "the cached vector, not a fresh one");
    assertSame(cache.get("Buses are late."), records.get(1).embedding());
  }

  @Test
  void skippedGivesZeroVectorsWithoutRunningTheModel() {
    List<AnswerRecord> records = published("Respite helps us cope.", "n/a");
    Embed.skipped(TestModels.embedder()).apply(records);
    assertArrayEquals(new float[TestModels.embedder().dimension()], records.get(0).embedding());
    assertNull(records.get(1).embedding());
  }
}
