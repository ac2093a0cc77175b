package org.yousaid.analysis.represent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.nlp.Token;

/**
 * Stage 5b: TF-IDF over lower-cased content lemmas (nouns, verbs, adjectives). Keyword-heavy
 * answers (and StackOverflow titles) cluster better when exact terms count alongside the sentence
 * embedding.
 */
public final class LemmaVectoriser {
  private final Map<String, Integer> vocabulary = new HashMap<>();
  private final List<String> terms = new ArrayList<>();
  private float[] idf = new float[0];

  public static List<String> contentLemmas(AnnotatedText text) {
    List<String> out = new ArrayList<>();
    for (Token t : text.tokens()) {
      if (!t.isContentWord() || t.isPerson()) continue;
      String lemma = t.lemma().toLowerCase(Locale.ROOT);
      if (Stopwords.isStop(lemma) || lemma.chars().noneMatch(Character::isLetter)) continue;
      out.add(lemma);
    }
    return out;
  }

  /**
   * Learns the vocabulary (terms in at least minDf documents) and returns the unit-length TF-IDF
   * vectors.
   */
  public SparseVector[] fitTransform(List<List<String>> docs, int minDf) {
    Map<String, Integer> df = new HashMap<>();
    for (List<String> d : docs)
      for (String t : new java.util.HashSet<>(d)) df.merge(t, 1, Integer::sum);
    df.entrySet().stream()
        .filter(e -> e.getValue() >= minDf)
        .map(Map.Entry::getKey)
        .sorted()
        .forEach(
            t -> {
              vocabulary.put(t, terms.size());
              terms.add(t);
            });
    idf = new float[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      idf[i] = (float) (Math.log((1.0 + docs.size()) / (1.0 + df.get(terms.get(i)))) + 1.0);
    }
    SparseVector[] out = new SparseVector[docs.size()];
    for (int i = 0; i < docs.size(); i++) out[i] = transform(docs.get(i));
    return out;
  }

  public SparseVector transform(List<String> doc) {
    TreeMap<Integer, Float> counts = new TreeMap<>();
    for (String t : doc) {
      Integer id = vocabulary.get(t);
      if (id != null) counts.merge(id, 1f, Float::sum);
    }
    if (counts.isEmpty()) return SparseVector.EMPTY;
    int[] idx = new int[counts.size()];
    float[] val = new float[counts.size()];
    int i = 0;
    double norm = 0;
    for (Map.Entry<Integer, Float> e : counts.entrySet()) {
      idx[i] = e.getKey();
      val[i] = (float) ((1 + Math.log(e.getValue())) * idf[e.getKey()]); // sublinear tf
      norm += val[i] * val[i];
      i++;
    }
    for (int j = 0; j < val.length; j++) val[j] /= (float) Math.sqrt(norm);
    return new SparseVector(idx, val);
  }

  public int size() {
    return terms.size();
  }

  public String term(int id) {
    return terms.get(id);
  }

  public float idf(int id) {
    return idf[id];
  }
}
