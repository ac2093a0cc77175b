package org.yousaid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
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
}
