package org.yousaid.analysis.represent;

/**
 * Stage 5: the space answers are themed in: a unit sentence embedding and a unit TF-IDF vector per
 * answer, joined as [sqrt(w) * embedding, sqrt(1 - w) * tfidf] so that cosine similarity = w *
 * cos(embedding) + (1 - w) * cos(tfidf). Centroids are dense over both parts.
 */
public final class ThemeSpace {
  private final float[][] embeddings;
  private final SparseVector[] tfidf;
  private final int vocabularySize;
  private final float denseScale, sparseScale;

  public ThemeSpace(
      float[][] embeddings, SparseVector[] tfidf, int vocabularySize, double embeddingWeight) {
    this.embeddings = embeddings;
    this.tfidf = tfidf;
    this.vocabularySize = tfidf == null ? 0 : vocabularySize;
    this.denseScale = (float) Math.sqrt(tfidf == null ? 1.0 : embeddingWeight);
    this.sparseScale = (float) Math.sqrt(tfidf == null ? 0.0 : 1.0 - embeddingWeight);
  }

  public int size() {
    return embeddings.length;
  }

  public int dimension() {
    return embeddings[0].length + vocabularySize;
  }

  public float[] embedding(int i) {
    return embeddings[i];
  }

  /** Cosine similarity between answer i and a (unit) centroid in this space. */
  public float similarity(int i, float[] centroid) {
    float[] e = embeddings[i];
    float s = 0;
    for (int d = 0; d < e.length; d++) s += e[d] * centroid[d];
    s *= denseScale;
    if (sparseScale > 0) {
      SparseVector t = tfidf[i];
      int off = e.length;
      float sp = 0;
      for (int j = 0; j < t.indices().length; j++)
        sp += t.values()[j] * centroid[off + t.indices()[j]];
      s += sparseScale * sp;
    }
    return s;
  }

  /** Similarity between two answers. */
  public float similarity(int i, int j) {
    float s = denseScale * denseScale * Vectors.dot(embeddings[i], embeddings[j]);
    if (sparseScale > 0) s += sparseScale * sparseScale * tfidf[i].dot(tfidf[j]);
    return s;
  }

  /** Adds answer i's (scaled) vector to an accumulator of this space's dimension. */
  public void addTo(int i, float[] acc) {
    float[] e = embeddings[i];
    for (int d = 0; d < e.length; d++) acc[d] += denseScale * e[d];
    if (sparseScale > 0) {
      SparseVector t = tfidf[i];
      int off = e.length;
      for (int j = 0; j < t.indices().length; j++)
        acc[off + t.indices()[j]] += sparseScale * t.values()[j];
    }
  }

  /** The answer's own vector, dense, for seeding centroids. */
  public float[] vector(int i) {
    float[] v = new float[dimension()];
    addTo(i, v);
    return v;
  }
}
