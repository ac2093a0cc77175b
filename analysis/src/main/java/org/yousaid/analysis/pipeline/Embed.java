package org.yousaid.analysis.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.analysis.represent.SentenceEmbedder;

/**
 * Stage 4: the sentence embedding of each themable answer's published text. Each distinct text is
 * embedded once: campaign copies and stock answers repeat verbatim.
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
    int[] items = AnswerRecord.themableIndices(records);
    if (items.length == 0) return;
    List<String> texts = new ArrayList<>(items.length);
    for (int i : items) texts.add(records.get(i).publishedText());
    float[][] vectors =
        zeros ? new float[texts.size()][embedder.dimension()] : embedDistinct(texts);
    for (int j = 0; j < items.length; j++) records.get(items[j]).embedding(vectors[j]);
  }

  private float[][] embedDistinct(List<String> texts) {
    Map<String, Integer> index = new LinkedHashMap<>();
    int[] slot = new int[texts.size()];
    for (int i = 0; i < texts.size(); i++)
      slot[i] = index.computeIfAbsent(texts.get(i), x -> index.size());
    List<String> keys = new ArrayList<>(index.keySet());
    float[][] distinct;
    if (cache == null) distinct = embedder.embed(keys);
    else {
      List<String> missing = keys.stream().filter(k -> !cache.containsKey(k)).toList();
      float[][] fresh = embedder.embed(missing);
      for (int i = 0; i < missing.size(); i++) cache.put(missing.get(i), fresh[i]);
      distinct = keys.stream().map(cache::get).toArray(float[][]::new);
    }
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < texts.size(); i++) out[i] = distinct[slot[i]];
    return out;
  }
}
