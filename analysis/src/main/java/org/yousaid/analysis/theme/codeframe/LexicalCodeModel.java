package org.yousaid.analysis.theme.codeframe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lexical channel of codeframe mode: a softmax regression over TF-IDF features of the words,
 * word pairs and character 3-5-grams of an answer, trained on a code's examples and its label.
 * Character n-grams match misspellings and word forms ("physio", "physiotherapy", "recieved"), and
 * short answers whose words name the code ("Food", "Parking") that the sentence embedding places
 * near everything else. Document frequencies come from this consultation's answers and the examples
 * (a feature seen once is dropped), so the weights follow the words this consultation uses. On pxt
 * dev (44 codes, 10 examples per code) it raised micro F1 by about 0.03 combined with the embedding
 * model (docs/benchmarks.md).
 */
final class LexicalCodeModel {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}']+");
  private static final int ADAM_EPOCHS = 200;
  private static final double LEARNING_RATE = 0.05;

  private final Map<String, Double> idf; // every feature with document frequency >= 2
  private final Map<String, Integer> index; // features of the training texts → weight column
  private final double[][] weights; // [code][column], last column the bias
  private final double scale;

  private LexicalCodeModel(
      Map<String, Double> idf, Map<String, Integer> index, double[][] weights, double scale) {
    this.idf = idf;
    this.index = index;
    this.weights = weights;
    this.scale = scale;
  }

  /**
   * @param corpus the texts document frequencies are counted over (answers and examples)
   * @param texts training texts (examples and code labels)
   * @param codes the code of each training text
   * @param classWeights weight of each code's training texts (e.g. 1 / its number of texts)
   */
  static LexicalCodeModel train(
      List<String> corpus,
      List<String> texts,
      int[] codes,
      int k,
      double[] classWeights,
      double scale,
      double l2) {
    return train(inverseDocumentFrequencies(corpus), texts, codes, k, classWeights, scale, l2);
  }

  /** IDF of every feature seen in at least two texts of the corpus (answers and examples). */
  static Map<String, Double> inverseDocumentFrequencies(List<String> corpus) {
    Map<String, Integer> df = new HashMap<>();
    for (String t : corpus) for (String f : features(t).keySet()) df.merge(f, 1, Integer::sum);
    Map<String, Double> idf = new HashMap<>();
    int n = corpus.size();
    for (var e : df.entrySet())
      if (e.getValue() >= 2) idf.put(e.getKey(), Math.log((1.0 + n) / (1.0 + e.getValue())) + 1);
    return idf;
  }

  /** As {@link #train(List, List, int[], int, double[], double, double)}, IDF already counted. */
  static LexicalCodeModel train(
      Map<String, Double> idf,
      List<String> texts,
      int[] codes,
      int k,
      double[] classWeights,
      double scale,
      double l2) {
    Map<String, Integer> index = new HashMap<>();
    for (String t : texts)
      for (String f : features(t).keySet())
        if (idf.containsKey(f)) index.putIfAbsent(f, index.size());
    LexicalCodeModel model =
        new LexicalCodeModel(idf, index, new double[k][index.size() + 1], scale);
    List<Sparse> x = new ArrayList<>();
    for (String t : texts) x.add(model.vector(t));
    model.fit(x, codes, classWeights, l2);
    return model;
  }

  /** Probability of each code given the answer's words alone. */
  double[] probabilities(String text) {
    return probabilities(vector(text));
  }

  private double[] probabilities(Sparse x) {
    int k = weights.length, bias = index.size();
    double[] z = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double s = weights[c][bias];
      for (int t = 0; t < x.columns.length; t++) s += weights[c][x.columns[t]] * x.values[t];
      z[c] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) sum += z[c] = Math.exp(z[c] - max);
    for (int c = 0; c < k; c++) z[c] /= sum;
    return z;
  }

  /** Full-batch Adam with L2, zero start: deterministic, as {@code SoftmaxRegression}. */
  private void fit(List<Sparse> x, int[] y, double[] classWeights, double l2) {
    int k = weights.length, d = index.size() + 1;
    double[][] m = new double[k][d], v = new double[k][d];
    double b1 = 0.9, b2 = 0.999, eps = 1e-8;
    double total = 0;
    for (int c : y) total += classWeights[c];
    for (int epoch = 1; epoch <= ADAM_EPOCHS; epoch++) {
      double[][] grad = new double[k][d];
      for (int i = 0; i < x.size(); i++) {
        Sparse xi = x.get(i);
        double[] p = probabilities(xi);
        double w = classWeights[y[i]];
        for (int c = 0; c < k; c++) {
          double g = w * (p[c] - (y[i] == c ? 1 : 0));
          for (int t = 0; t < xi.columns.length; t++) grad[c][xi.columns[t]] += g * xi.values[t];
          grad[c][d - 1] += g;
        }
      }
      double c1 = 1 - Math.pow(b1, epoch), c2 = 1 - Math.pow(b2, epoch);
      for (int c = 0; c < k; c++)
        for (int f = 0; f < d; f++) {
          double g = grad[c][f] / total + (f < d - 1 ? l2 * weights[c][f] : 0);
          m[c][f] = b1 * m[c][f] + (1 - b1) * g;
          v[c][f] = b2 * v[c][f] + (1 - b2) * g * g;
          weights[c][f] -= LEARNING_RATE * (m[c][f] / c1) / (Math.sqrt(v[c][f] / c2) + eps);
        }
    }
  }

  /**
   * Sublinear TF × IDF, L2-normalised over every feature of the corpus (not only the training ones,
   * so an answer with many unseen words weighs its seen ones less), times the scale.
   */
  private Sparse vector(String text) {
    Map<String, Integer> tf = features(text);
    double norm = 0;
    List<Integer> cols = new ArrayList<>();
    List<Double> vals = new ArrayList<>();
    for (var e : tf.entrySet()) {
      Double w = idf.get(e.getKey());
      if (w == null) continue;
      double value = (1 + Math.log(e.getValue())) * w;
      norm += value * value;
      Integer col = index.get(e.getKey());
      if (col != null) {
        cols.add(col);
        vals.add(value);
      }
    }
    double f = norm == 0 ? 0 : scale / Math.sqrt(norm);
    int[] c = new int[cols.size()];
    double[] v = new double[cols.size()];
    for (int t = 0; t < c.length; t++) {
      c[t] = cols.get(t);
      v[t] = vals.get(t) * f;
    }
    return new Sparse(c, v);
  }

  private record Sparse(int[] columns, double[] values) {}

  /** Words, adjacent word pairs and the 3-5-grams of each word padded with spaces; counts. */
  static Map<String, Integer> features(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) words.add(m.group());
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      out.merge("w:" + w, 1, Integer::sum);
      if (i > 0) out.merge("b:" + words.get(i - 1) + "_" + w, 1, Integer::sum);
      String padded = " " + w + " ";
      for (int size = 3; size <= 5; size++)
        for (int s = 0; s + size <= padded.length(); s++)
          out.merge("c:" + padded.substring(s, s + size), 1, Integer::sum);
    }
    return out;
  }
}
