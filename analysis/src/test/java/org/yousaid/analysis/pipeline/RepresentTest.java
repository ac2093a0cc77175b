package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.represent.Vectors;

class RepresentTest {
  private static final String[] TEXTS = {
    "Transport to respite is always late.",
    "n/a",
    "The respite transport never arrives on time.",
    "Zebras juggle xylophones quietly.",
  };

  @Test
  void everyAnswerKeepsItsIndexAndOnlyThemableAnswersHaveAPosition() {
    List<AnswerRecord> records = TestModels.embedded(TEXTS);
    ThemeSpace space = new Represent(TestModels.embedder().dimension(), 0.85).apply(records);
    assertEquals(records.size(), space.size());
    assertEquals(0f, space.similarity(1, 0), "a non-answer sits at the origin");
    assertNull(records.get(1).tfidf());
    assertTrue(space.similarity(0, 2) > space.similarity(0, 3));
  }

  @Test
  void termsInFewerThanTwoAnswersAreNotInTheVocabulary() {
    List<AnswerRecord> records = TestModels.embedded(TEXTS);
    new Represent(TestModels.embedder().dimension(), 0.85).apply(records);
    assertTrue(records.get(0).tfidf().indices().length > 0, "transport and respite are shared");
    assertEquals(0, records.get(3).tfidf().indices().length, "no term of it is in another answer");
  }

  @Test
  void theWeightSetsHowMuchTheEmbeddingCounts() {
    List<AnswerRecord> records = TestModels.embedded(TEXTS);
    float dot = Vectors.dot(records.get(0).embedding(), records.get(3).embedding());
    ThemeSpace embeddingOnly = new Represent(TestModels.embedder().dimension(), 1.0).apply(records);
    assertEquals(dot, embeddingOnly.similarity(0, 3), 1e-5);
    ThemeSpace termsOnly = new Represent(TestModels.embedder().dimension(), 0.0).apply(records);
    assertEquals(0f, termsOnly.similarity(0, 3), 1e-6, "no shared terms, no similarity");
  }
}
