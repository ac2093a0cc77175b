package org.yousaid.analysis.represent;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Stage 5: the space answers are themed in: a unit sentence embedding and a unit TF-IDF vector per
 * answer, joined as [sqrt(w) * embedding, sqrt(1 - w) * tfidf] so that cosine similarity = w *
 * cos(embedding) + (1 - w) * cos(tfidf). Centroids are dense over both parts.
 *
 * <p>The many-at-once methods ({@link #similarities(int[], float[][])}, {@link
 * #similarityMatrix(int[])}) give exactly the floats of the one-pair methods: each dot product
 * still adds its terms one after the other in the same order, but a block of answers' embeddings is
 * transposed (dimension-major) so that one loop step multiplies and adds the same dimension for
 * many answers at once, which the JIT turns into vector instructions; the one-pair loop instead
 * waits for each addition before the next. Same floats means the same themes, bit for bit.
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

  /** Answers per block in the many-at-once methods: 128 x 384 floats stay in a core's cache. */
  private static final int BLOCK = 128;

  /**
   * {@code out[x][c] = similarity(items[x], centroids[c])} for every answer and centre, the same
   * floats as {@link #similarity(int, float[])}.
   */
  public float[][] similarities(int[] items, float[][] centroids) {
    return prepare(items).similarities(centroids);
  }

  /**
   * The answers laid out for {@link Prepared#similarities}: for k-means, which compares the same
   * answers with new centres at every step.
   */
  public Prepared prepare(int[] items) {
    return new Prepared(items);
  }

  /** Answers of this space with their embeddings transposed, a block at a time. */
  public final class Prepared {
    private final int[] items;
    private final float[][][] blocks;

    private Prepared(int[] items) {
      this.items = items.clone();
      this.blocks = new float[blocks(items.length)][][];
      int n = items.length;
      IntStream.range(0, blocks.length)
          .parallel()
          .forEach(b -> blocks[b] = transposed(items, b * BLOCK, Math.min(BLOCK, n - b * BLOCK)));
    }

    /**
     * {@code out[x][c] = similarity(items[x], centroids[c])}, the same floats as {@link
     * ThemeSpace#similarity(int, float[])}.
     */
    public float[][] similarities(float[][] centroids) {
      int n = items.length, k = centroids.length;
      float[][] out = new float[n][k];
      if (n == 0 || k == 0) return out;
      IntStream.range(0, blocks.length)
          .parallel()
          .forEach(
              b -> {
                int from = b * BLOCK, len = Math.min(BLOCK, n - from);
                float[] acc = new float[BLOCK];
                for (int c = 0; c < k; c++) {
                  float[] centroid = centroids[c];
                  denseDots(blocks[b], len, centroid, acc);
                  for (int x = 0; x < len; x++) {
                    float s = acc[x] * denseScale;
                    if (sparseScale > 0) s += sparseScale * sparseDot(items[from + x], centroid);
                    out[from + x][c] = s;
                  }
                }
              });
      return out;
    }
  }

  /**
   * The symmetric matrix {@code sim[i][j] = similarity(items[i], items[j])}, the same floats as
   * {@link #similarity(int, int)} (which is symmetric to the bit: products commute and the terms
   * are added in the same order either way).
   */
  public float[][] similarityMatrix(int[] items) {
    int n = items.length;
    float[][] sim = new float[n][n];
    if (n == 0) return sim;
    float[][][] blocks = prepare(items).blocks;
    float dense2 = denseScale * denseScale, sparse2 = sparseScale * sparseScale;
    ThreadLocal<float[]> scattered =
        ThreadLocal.withInitial(() -> new float[Math.max(1, vocabularySize)]);
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              float[] own = embeddings[items[i]];
              float[] acc = new float[BLOCK];
              float[] terms = scattered.get();
              SparseVector ti = sparseScale > 0 ? tfidf[items[i]] : SparseVector.EMPTY;
              for (int q = 0; q < ti.indices().length; q++) terms[ti.indices()[q]] = ti.values()[q];
              float[] row = sim[i];
              for (int b = i / BLOCK; b < blocks.length; b++) {
                int from = b * BLOCK, len = Math.min(BLOCK, n - from);
                denseDots(blocks[b], len, own, acc);
                for (int x = Math.max(0, i - from); x < len; x++) {
                  float s = dense2 * acc[x];
                  if (sparseScale > 0) s += sparse2 * scatteredDot(terms, tfidf[items[from + x]]);
                  row[from + x] = s;
                }
              }
              for (int q = 0; q < ti.indices().length; q++) terms[ti.indices()[q]] = 0;
            });
    for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) sim[i][j] = sim[j][i];
    return sim;
  }

  private static int blocks(int n) {
    return (n + BLOCK - 1) / BLOCK;
  }

  /**
   * The embeddings of items[from..from+len), dimension-major: {@code block[d][x]}. One array per
   * dimension, so that the multiply-add loop reads and writes at the same index of two arrays,
   * which the JIT vectorises (one flat array at an offset it does not).
   */
  private float[][] transposed(int[] items, int from, int len) {
    int dim = embeddings[items[from]].length;
    float[][] block = new float[dim][BLOCK];
    for (int x = 0; x < len; x++) {
      float[] e = embeddings[items[from + x]];
      for (int d = 0; d < dim; d++) block[d][x] = e[d];
    }
    return block;
  }

  /**
   * acc[x] = the dot product of the block's answer x with v, its terms added in order of dimension
   * as {@link Vectors#dot} adds them.
   */
  private static void denseDots(float[][] block, int len, float[] v, float[] acc) {
    Arrays.fill(acc, 0, len, 0f);
    for (int d = 0; d < block.length; d++) {
      float x = v[d];
      float[] column = block[d];
      for (int i = 0; i < len; i++) acc[i] += column[i] * x;
    }
  }

  /** The sparse part of {@link #similarity(int, float[])}, before scaling. */
  private float sparseDot(int i, float[] centroid) {
    SparseVector t = tfidf[i];
    int off = embeddings[i].length;
    float sp = 0;
    for (int j = 0; j < t.indices().length; j++)
      sp += t.values()[j] * centroid[off + t.indices()[j]];
    return sp;
  }

  /**
   * {@link SparseVector#dot(SparseVector)} of the vector scattered into {@code dense} with {@code
   * t}: the same products in the same order, plus exact zeros for terms the two do not share.
   */
  private static float scatteredDot(float[] dense, SparseVector t) {
    float s = 0;
    int[] idx = t.indices();
    float[] val = t.values();
    for (int q = 0; q < idx.length; q++) s += dense[idx[q]] * val[q];
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
