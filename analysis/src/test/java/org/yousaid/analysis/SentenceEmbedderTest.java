package org.yousaid.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.represent.EmbedderOptions;
import org.yousaid.analysis.represent.EmbeddingBatches;
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

  /**
   * Kept vectors are used only where their batch is this call's, and then give what the model
   * gives: with everything kept nothing runs; with one text more, only its batch runs; a kept input
   * that is not the text's own word pieces is noticed, and the result is still the fresh one.
   */
  @Test
  void keptVectorsAreTheVectorsAFreshCallComputes() {
    List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < 150; i++)
      texts.add("Answer " + i + " about respite transport" + " and holidays".repeat(i % 7) + ".");
    try (SentenceEmbedder embedder = new SentenceEmbedder()) {
      SentenceEmbedder.Embedding fresh = embedder.embed(texts, i -> null);
      assertEquals(150, fresh.computed());
      IntFunction<SentenceEmbedder.Embedded> all =
          i ->
              new SentenceEmbedder.Embedded(
                  fresh.vectors()[i], fresh.batches()[i], fresh.inputs()[i]);
      SentenceEmbedder.Embedding again = embedder.embed(texts, all);
      assertEquals(0, again.computed());
      assertArrayEquals(fresh.vectors(), again.vectors());

      List<String> more = new java.util.ArrayList<>(texts);
      more.add("A new answer about the respite bus.");
      SentenceEmbedder.Embedding added = embedder.embed(more, i -> i < 150 ? all.apply(i) : null);
      assertTrue(added.computed() < 40, () -> added.computed() + " texts run");
      SentenceEmbedder.Embedding addedFresh = embedder.embed(more, i -> null);
      assertArrayEquals(addedFresh.vectors(), added.vectors());
      assertArrayEquals(addedFresh.batches(), added.batches());

      SentenceEmbedder.Embedding wrong =
          embedder.embed(
              texts,
              i ->
                  i == 5
                      ? new SentenceEmbedder.Embedded(
                          fresh.vectors()[i], fresh.batches()[i], new EmbeddingBatches.Input(3, 1L))
                      : all.apply(i));
      assertArrayEquals(fresh.vectors(), wrong.vectors());
      assertArrayEquals(fresh.batches(), wrong.batches());
    }
  }
}
