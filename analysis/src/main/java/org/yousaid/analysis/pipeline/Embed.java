package org.yousaid.analysis.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yousaid.analysis.represent.SentenceEmbedder;

/**
 * Stage 4: the sentence embedding of each themable answer's published text. Each distinct text is
 * embedded once: campaign copies and stock answers repeat verbatim. Each answer also gets the
 * identity of the ONNX batch its vector was computed in, which is kept with the vector.
 */
public final class Embed {
  private final SentenceEmbedder embedder;
  private final Map<String, float[]> cache;
  private final boolean zeros;

  private Embed(SentenceEmbedder embedder, Map<String, float[]> cache, boolean zeros) {
    this.embedder = embedder;
    this.cache = cache;
    this.zeros = zeros;
  }

  /**
   * Embeds with the given model; a non-null cache (text to vector) is read and filled, for
   * benchmarks that theme the same labelled set many times.
   */
  public static Embed with(SentenceEmbedder embedder, Map<String, float[]> cache) {
    return new Embed(embedder, cache, false);
  }

  /**
   * Gives every themable answer a zero vector of the model's dimension without running it: the
   * TF-IDF-only baseline (embedding weight 0), where the embedding counts for nothing.
   */
  public static Embed skipped(SentenceEmbedder embedder) {
    return new Embed(embedder, null, true);
  }

  /** True for the TF-IDF-only baseline, whose zero vectors are not worth keeping. */
  public boolean skipsModel() {
    return zeros;
  }

  public void apply(List<AnswerRecord> records) {
    apply(records, r -> null);
  }

  /**
   * As {@link #apply(List)}, reusing the vectors {@code kept} gives for answers of an earlier run
   * where the embedder allows it (their ONNX batch is the same, {@link SentenceEmbedder#embed(List,
   * java.util.function.IntFunction)}): each answer gets the vector this run computes for it either
   * way. Returns how many distinct texts the model ran on.
   */
  public int apply(
      List<AnswerRecord> records, Function<AnswerRecord, SentenceEmbedder.Embedded> kept) {
    int[] items = AnswerRecord.themableIndices(records);
    if (items.length == 0) return 0;
    if (zeros) {
      for (int i : items) records.get(i).embedding(new float[embedder.dimension()], 0, null);
      return 0;
    }
    if (cache != null) {
      List<String> texts = new ArrayList<>(items.length);
      for (int i : items) texts.add(records.get(i).publishedText());
      float[][] vectors = embedCached(texts);
      for (int j = 0; j < items.length; j++) records.get(items[j]).embedding(vectors[j], 0, null);
      return texts.size();
    }
    // one entry per distinct published text; the first answer with a kept vector offers it
    Map<String, Integer> index = new LinkedHashMap<>();
    List<SentenceEmbedder.Embedded> offered = new ArrayList<>();
    int[] slot = new int[items.length];
    for (int j = 0; j < items.length; j++) {
      AnswerRecord r = records.get(items[j]);
      slot[j] = index.computeIfAbsent(r.publishedText(), x -> index.size());
      if (slot[j] == offered.size()) offered.add(null);
      if (offered.get(slot[j]) == null) offered.set(slot[j], kept.apply(r));
    }
    SentenceEmbedder.Embedding done = embedder.embed(new ArrayList<>(index.keySet()), offered::get);
    for (int j = 0; j < items.length; j++)
      records
          .get(items[j])
          .embedding(done.vectors()[slot[j]], done.batches()[slot[j]], done.inputs()[slot[j]]);
    return done.computed();
  }

  private float[][] embedCached(List<String> texts) {
    Map<String, Integer> index = new LinkedHashMap<>();
    int[] slot = new int[texts.size()];
    for (int i = 0; i < texts.size(); i++)
      slot[i] = index.computeIfAbsent(texts.get(i), x -> index.size());
    List<String> keys = new ArrayList<>(index.keySet());
    List<String> missing = keys.stream().filter(k -> !cache.containsKey(k)).toList();
    float[][] fresh = embedder.embed(missing);
    for (int i = 0; i < missing.size(); i++) cache.put(missing.get(i), fresh[i]);
    float[][] distinct = keys.stream().map(cache::get).toArray(float[][]::new);
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < texts.size(); i++) out[i] = distinct[slot[i]];
    return out;
  }
}
