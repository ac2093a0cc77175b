package org.yousaid.analysis.pipeline;

import java.util.List;
import org.yousaid.analysis.represent.LemmaVectoriser;
import org.yousaid.analysis.represent.SparseVector;
import org.yousaid.analysis.represent.ThemeSpace;

/**
 * Stage 5: the space answers are themed in: TF-IDF over the themable answers' content lemmas (terms
 * in at least two answers), joined with their sentence embeddings at the given weight. Answers that
 * are not themed sit at the origin (zero vector, no terms): they are in the space so that every
 * answer keeps its index, but are never clustered.
 */
public final class Represent {
  static final int MIN_DOCUMENT_FREQUENCY = 2;
  private final int dimension;
  private final double embeddingWeight;

  /**
   * @param dimension the sentence embedding's dimension
   * @param embeddingWeight weight of the embedding against TF-IDF, in [0, 1]
   */
  public Represent(int dimension, double embeddingWeight) {
    this.dimension = dimension;
    this.embeddingWeight = embeddingWeight;
  }

  public ThemeSpace apply(List<AnswerRecord> records) {
    int[] items = AnswerRecord.themableIndices(records);
    LemmaVectoriser vectoriser = new LemmaVectoriser();
    List<List<String>> lemmas = new java.util.ArrayList<>(items.length);
    for (int i : items) lemmas.add(LemmaVectoriser.contentLemmas(records.get(i).annotated()));
    SparseVector[] tfidf = vectoriser.fitTransform(lemmas, MIN_DOCUMENT_FREQUENCY);
    for (int j = 0; j < items.length; j++) records.get(items[j]).tfidf(tfidf[j]);
    int n = records.size();
    float[][] embeddings = new float[n][];
    SparseVector[] terms = new SparseVector[n];
    for (AnswerRecord r : records) {
      boolean themed = r.themable();
      embeddings[r.index()] = themed ? r.embedding() : new float[dimension];
      terms[r.index()] = themed ? r.tfidf() : SparseVector.EMPTY;
    }
    return new ThemeSpace(embeddings, terms, vectoriser.size(), embeddingWeight);
  }
}
