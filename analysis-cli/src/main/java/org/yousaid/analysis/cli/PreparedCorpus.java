package org.yousaid.analysis.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.nlp.CoreNlpAnnotator;
import org.yousaid.analysis.nlp.LanguageCheck;
import org.yousaid.analysis.nlp.TextNormaliser;
import org.yousaid.analysis.represent.LemmaVectoriser;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.represent.SparseVector;
import org.yousaid.analysis.represent.ThemeSpace;

/**
 * A labelled set prepared once for many theming runs on samples of it: the engine's normalisation,
 * non-answer and language checks, CoreNLP lemmas and sentence embeddings for every row. {@link
 * #space} then builds a sample's theme space exactly as the engine does (TF-IDF fitted on the
 * sample's own answers).
 */
final class PreparedCorpus {
  final String name;
  final List<String> texts;
  final List<String> labels;
  final List<AnnotatedText> annotated;
  final boolean[] themable;
  final float[][] embeddings;
  private final List<List<String>> lemmas;

  private PreparedCorpus(
      String name,
      List<String> texts,
      List<String> labels,
      List<AnnotatedText> annotated,
      boolean[] themable,
      float[][] embeddings) {
    this.name = name;
    this.texts = texts;
    this.labels = labels;
    this.annotated = annotated;
    this.themable = themable;
    this.embeddings = embeddings;
    this.lemmas = annotated.stream().map(LemmaVectoriser::contentLemmas).toList();
  }

  static PreparedCorpus prepare(
      String name,
      List<String> rawTexts,
      List<String> labels,
      CoreNlpAnnotator annotator,
      SentenceEmbedder embedder,
      Path cacheDir)
      throws IOException {
    TextNormaliser normaliser = new TextNormaliser();
    LanguageCheck languageCheck = new LanguageCheck();
    List<String> texts = rawTexts.stream().map(normaliser::normalise).toList();
    boolean[] themable = new boolean[texts.size()];
    for (int i = 0; i < texts.size(); i++)
      themable[i] =
          !normaliser.isNonAnswer(texts.get(i)) && languageCheck.check(texts.get(i)).english();
    List<AnnotatedText> annotated = annotator.annotateAll(texts);
    float[][] embeddings = embeddings(name, texts, embedder, cacheDir);
    return new PreparedCorpus(name, texts, labels, annotated, themable, embeddings);
  }

  /**
   * Embeds each distinct text once; with a cache folder, the vectors are kept on disk between runs
   * (benchmark data only, never answers from a council).
   */
  private static float[][] embeddings(
      String name, List<String> texts, SentenceEmbedder embedder, Path cacheDir)
      throws IOException {
    Path file =
        cacheDir == null
            ? null
            : cacheDir.resolve(
                name.replaceAll("[^A-Za-z0-9-]", "_")
                    + "-"
                    + Integer.toHexString(texts.hashCode())
                    + ".f32");
    if (file != null && Files.exists(file)) {
      try (DataInputStream in =
          new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
        int n = in.readInt(), dim = in.readInt();
        if (n == texts.size()) {
          float[][] out = new float[n][dim];
          for (float[] v : out) for (int d = 0; d < dim; d++) v[d] = in.readFloat();
          return out;
        }
      }
    }
    Map<String, Integer> distinct = new LinkedHashMap<>();
    for (String t : texts) distinct.putIfAbsent(t, distinct.size());
    float[][] vectors = embedder.embed(new ArrayList<>(distinct.keySet()));
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < texts.size(); i++) out[i] = vectors[distinct.get(texts.get(i))];
    if (file != null) {
      Files.createDirectories(cacheDir);
      try (DataOutputStream o =
          new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
        o.writeInt(out.length);
        o.writeInt(out[0].length);
        for (float[] v : out) for (float x : v) o.writeFloat(x);
      }
    }
    return out;
  }

  int size() {
    return texts.size();
  }

  /** A sample's theme space: rows are the sample's positions; only themable rows are items. */
  Sample sample(int[] rows, double embeddingWeight) {
    List<Integer> items = new ArrayList<>();
    for (int j = 0; j < rows.length; j++) if (themable[rows[j]]) items.add(j);
    LemmaVectoriser vectoriser = new LemmaVectoriser();
    SparseVector[] fitted =
        vectoriser.fitTransform(items.stream().map(j -> lemmas.get(rows[j])).toList(), 2);
    SparseVector[] tfidf = new SparseVector[rows.length];
    float[][] vectors = new float[rows.length][];
    java.util.Arrays.fill(tfidf, SparseVector.EMPTY);
    for (int j = 0; j < rows.length; j++)
      vectors[j] = themable[rows[j]] ? embeddings[rows[j]] : new float[embeddings[0].length];
    for (int x = 0; x < items.size(); x++) tfidf[items.get(x)] = fitted[x];
    return new Sample(
        rows,
        items.stream().mapToInt(Integer::intValue).toArray(),
        new ThemeSpace(vectors, tfidf, vectoriser.size(), embeddingWeight));
  }

  /** Positions in the sample (0..rows-1) that are themed, and the sample's theme space. */
  record Sample(int[] rows, int[] items, ThemeSpace space) {}

  /** Dense label ids for the sample's rows (the coders' codes). */
  int[] truth(int[] rows) {
    Map<String, Integer> ids = new HashMap<>();
    int[] out = new int[rows.length];
    for (int j = 0; j < rows.length; j++)
      out[j] = ids.computeIfAbsent(labels.get(rows[j]), x -> ids.size());
    return out;
  }
}
