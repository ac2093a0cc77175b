package org.yousaid.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yousaid.analysis.represent.EmbedderOptions;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.sentiment.SentimentClassifier;
import org.yousaid.analysis.sentiment.SoftmaxRegression;

/**
 * Trains the sentiment weights shipped as {@link SentimentClassifier#RESOURCE}: {@code
 * train-sentiment --sst-dir DIR --out FILE}. DIR holds SST's PTB-format train.txt / test.txt. The
 * model is a softmax regression on the BGE-small embedding of each training sentence and of 40,000
 * of its labelled phrases (5 classes collapsed to 3: 0-1 negative, 2 neutral, 3-4 positive).
 */
final class SentimentTraining {
  static final double L2 = 1e-4;
  static final int EPOCHS = 300;
  static final int PHRASES = 40_000;

  private SentimentTraining() {}

  static void run(Args a) throws Exception {
    Path dir = Path.of(a.required("sst-dir"));
    Path out = Path.of(a.required("out"));
    EmbedderOptions embedding = EngineFlags.embedder(a, EmbedderOptions.defaults());
    a.rejectUnread();
    List<SstReader.Example> train = withPhrases(SstReader.read(dir.resolve("train.txt")));
    try (SentenceEmbedder embedder = new SentenceEmbedder(embedding)) {
      SoftmaxRegression model = train(embedder, train);
      Main.JSON.writeValue(out.toFile(), model.weights());
      System.err.println("trained on " + train.size() + " sentences -> " + out);
    }
  }

  /**
   * Sentences plus a fixed random sample of distinct labelled phrases of 3+ words (+5 points on
   * SST-3 test).
   */
  static List<SstReader.Example> withPhrases(List<SstReader.Example> sentences) {
    java.util.Map<String, SstReader.Example> distinct = new java.util.LinkedHashMap<>();
    for (SstReader.Example e : SstReader.phrases(sentences, 3)) distinct.put(e.sentence(), e);
    List<SstReader.Example> phrases = new ArrayList<>(distinct.values());
    java.util.Collections.shuffle(phrases, new java.util.Random(7));
    List<SstReader.Example> out = new ArrayList<>(sentences);
    out.addAll(phrases.subList(0, Math.min(PHRASES, phrases.size())));
    return out;
  }

  static SoftmaxRegression train(SentenceEmbedder embedder, List<SstReader.Example> train) {
    float[][] x = embedder.embed(train.stream().map(SstReader.Example::sentence).toList());
    int[] y =
        train.stream()
            .mapToInt(e -> Arrays.asList(SentimentClassifier.CLASSES).indexOf(e.sentiment()))
            .toArray();
    // neutral is the rarest class in SST (~20%); weight classes so the model does not simply ignore
    // it
    double[] counts = new double[3];
    for (int c : y) counts[c]++;
    double[] weights = new double[3];
    for (int c = 0; c < 3; c++) weights[c] = y.length / (3 * counts[c]);
    return SoftmaxRegression.train(x, y, 3, L2, EPOCHS, weights);
  }
}
