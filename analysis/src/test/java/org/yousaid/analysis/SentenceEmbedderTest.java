package org.yousaid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.represent.EmbedderOptions;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.represent.Vectors;

class SentenceEmbedderTest {
  @Test
  void similarAnswersAreCloserThanUnrelatedOnes() {
    try (SentenceEmbedder embedder = new SentenceEmbedder()) {
      float[][] v =
          embedder.embed(
              List.of(
                  "The school transport to respite is being cut and it will hurt families.",
                  "Stopping the transport to respite care will make life harder for parents.",
                  "I would like more holiday playschemes for disabled children."));
      assertEquals(384, embedder.dimension());
      assertEquals(1.0, Vectors.dot(v[0], v[0]), 1e-3);
      assertTrue(Vectors.dot(v[0], v[1]) > Vectors.dot(v[0], v[2]) + 0.1);
    }
  }

  @Test
  void itsSettingsAreHonouredNotJustStored() {
    List<String> sameStart =
        List.of(
            "Transport to respite is wonderful and the drivers are kind.",
            "Transport to respite is awful and the drivers are rude.");
    try (SentenceEmbedder truncating =
            new SentenceEmbedder(EmbedderOptions.defaults().withMaxTokens(5));
        SentenceEmbedder oneBatchAtATime =
            new SentenceEmbedder(EmbedderOptions.defaults().withBatchSize(1).withWorkers(1))) {
      float[][] cut = truncating.embed(sameStart);
      assertEquals(1.0, Vectors.dot(cut[0], cut[1]), 1e-5, "only the shared opening is embedded");
      float[][] whole = oneBatchAtATime.embed(sameStart);
      assertTrue(Vectors.dot(whole[0], whole[1]) < 0.99, "the whole answers differ");
    }
  }
}
