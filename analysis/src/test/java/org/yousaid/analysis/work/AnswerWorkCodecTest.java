package org.yousaid.analysis.work;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.nlp.CoreNlpAnnotator;
import org.yousaid.analysis.nlp.TextNormaliser;
import org.yousaid.analysis.represent.EmbeddingBatches;

/** Stored work reads back exactly as CoreNLP made it, from offsets and tags alone. */
class AnswerWorkCodecTest {
  private static final CoreNlpAnnotator CORENLP = new CoreNlpAnnotator(true);

  @Test
  void tokensLemmasAndTheVectorComeBackExactlyWithoutTheWordsBeingStored() {
    for (String raw :
        List.of(
            "My children weren't given the buses they'd been promised (twice!) by Mr O'Neill.",
            "We went to the Council's \u201Cdrop-in\u201D at St. Mary's on 3/4/2025; nobody came.",
            "Amelia Hartley-Oyelowo's EHCP... it's 18 months late :( #SEND",
            "n/a")) {
      String text = new TextNormaliser().normalise(raw);
      AnnotatedText annotated = CORENLP.annotate(text);
      float[] vector = {0.25f, -1f, 3.5e-7f};
      byte[] digest = AnswerWorkCodec.sha256("published " + text);
      byte[] stored =
          AnswerWorkCodec.encode(
              new AnswerWork(
                  false,
                  "en",
                  annotated.tokens(),
                  digest,
                  vector,
                  -42L,
                  new EmbeddingBatches.Input(17, 99L)),
              text);
      AnswerWork back = AnswerWorkCodec.decode(stored, text);
      assertEquals(annotated.tokens(), back.tokens(), text);
      assertArrayEquals(vector, back.embedding());
      assertArrayEquals(digest, back.publishedDigest());
      assertEquals(-42L, back.embeddingBatch());
      assertEquals(new EmbeddingBatches.Input(17, 99L), back.embeddingInput());
      String bytes = new String(stored, StandardCharsets.ISO_8859_1);
      annotated.tokens().stream()
          .filter(t -> t.word().length() > 3)
          .forEach(t -> assertFalse(bytes.contains(t.word()), () -> "stores " + t.word()));
    }
  }

  @Test
  void anEntryThatDoesNotFitTheTextOrIsOfAnotherFormatIsNotUsed() {
    String text = "The transport is late.";
    byte[] stored =
        AnswerWorkCodec.encode(
            new AnswerWork(false, "en", CORENLP.annotate(text).tokens(), null, null, 0, null),
            text);
    assertNull(AnswerWorkCodec.decode(stored, "Short."), "offsets beyond the text");
    byte[] other = stored.clone();
    other[0] = 99;
    assertNull(AnswerWorkCodec.decode(other, text));
    assertNull(AnswerWorkCodec.decode(new byte[] {1, 0}, text), "truncated");
  }

  @Test
  void theKeyDependsOnThePipelineAndTheTextAndHoldsNeither() {
    String key = AnswerWorkCodec.key("1|BGE", "Transport to respite");
    assertEquals(key, AnswerWorkCodec.key("1|BGE", "Transport to respite"));
    assertNotEquals(key, AnswerWorkCodec.key("2|BGE", "Transport to respite"));
    assertNotEquals(key, AnswerWorkCodec.key("1|BGE", "Transport to respite."));
    assertEquals(64, key.length());
    assertFalse(key.contains("respite"));
  }
}
