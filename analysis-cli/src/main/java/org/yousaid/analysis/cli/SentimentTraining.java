package org.yousaid.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.represent.EmbedderOptions;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.sentiment.SentimentClassifier;
import org.yousaid.analysis.sentiment.SoftmaxRegression;

/**
 * Trains the sentiment weights shipped as {@link SentimentClassifier#RESOURCE}: {@code
 * train-sentiment --data-dir DIR --out FILE}. DIR holds {@code sst/} (SST's PTB-format trees) and
 * {@code pxt-phase1/text_data.csv}. The model is a softmax regression on the BGE-small embedding of
 * SST's training sentences (without the dev sentences the stored train.txt also holds), 40,000 of
 * their labelled phrases (5 classes collapsed to 3: 0-1 negative, 2 neutral, 3-4 positive) and the
 * train split of pxt's people-coded criticality ({@link PxtSentiment}), each pxt comment weighted
 * {@link Settings#pxtWeight()} times a movie phrase.
 */
final class SentimentTraining {
  /**
   * @param pxtWeight weight of one NHS comment against one SST sentence or phrase (0: SST alone,
   *     the model before issue 12)
   */
  record Settings(double l2, int epochs, int phrases, double pxtWeight) {
    /** Chosen on SST dev + pxt dev (docs/benchmarks.md "Sentiment"). */
    static Settings shipped() {
      return new Settings(1e-4, 300, 40_000, 10);
    }
  }

  /** The training examples of one run, with each one's weight before class balancing. */
  record TrainingData(List<String> texts, int[] labels, double[] sourceWeights) {}

  private SentimentTraining() {}

  static void run(Args a) throws Exception {
    Path data = Path.of(a.required("data-dir"));
    Path out = Path.of(a.required("out"));
    Settings shipped = Settings.shipped();
    Settings settings =
        new Settings(
            Double.parseDouble(a.get("l2", String.valueOf(shipped.l2()))),
            Integer.parseInt(a.get("epochs", String.valueOf(shipped.epochs()))),
            Integer.parseInt(a.get("phrases", String.valueOf(shipped.phrases()))),
            Double.parseDouble(a.get("pxt-weight", String.valueOf(shipped.pxtWeight()))));
    EmbedderOptions embedding = EngineFlags.embedder(a, EmbedderOptions.defaults());
    a.rejectUnread();
    TrainingData train = data(data, settings);
    try (SentenceEmbedder embedder = new SentenceEmbedder(embedding)) {
      float[][] x = embedder.embed(train.texts());
      SoftmaxRegression model = train(x, train, settings);
      Main.JSON.writeValue(out.toFile(), model.weights());
      System.err.println("trained on " + train.texts().size() + " texts -> " + out);
    }
  }

  /** SST train sentences and phrases (weight 1), then pxt's train split (weight pxtWeight). */
  static TrainingData data(Path dataDir, Settings settings) throws java.io.IOException {
    // the stored train.txt holds SST's dev sentences too: leave them out, so that dev scores the
    // settings on sentences the model has not seen
    java.util.Set<String> dev = new java.util.HashSet<>();
    for (SstReader.Example e : SstReader.read(dataDir.resolve("sst/dev.txt"))) dev.add(e.tree());
    List<SstReader.Example> sentences =
        SstReader.read(dataDir.resolve("sst/train.txt")).stream()
            .filter(e -> !dev.contains(e.tree()))
            .toList();
    List<SstReader.Example> sst = withPhrases(sentences, settings.phrases());
    List<String> texts = new ArrayList<>();
    List<Sentiment> gold = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (SstReader.Example e : sst) {
      texts.add(e.sentence());
      gold.add(e.sentiment());
      weights.add(1.0);
    }
    if (settings.pxtWeight() > 0) {
      SentimentSet pxt = PxtSentiment.read(dataDir.resolve("pxt-phase1/text_data.csv"), "train");
      texts.addAll(pxt.texts());
      gold.addAll(pxt.gold());
      for (int i = 0; i < pxt.size(); i++) weights.add(settings.pxtWeight());
    }
    int[] y =
        gold.stream()
            .mapToInt(s -> Arrays.asList(SentimentClassifier.CLASSES).indexOf(s))
            .toArray();
    return new TrainingData(texts, y, weights.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Sentences plus a fixed random sample of distinct labelled phrases of 3+ words (+5 points on
   * SST-3 test).
   */
  static List<SstReader.Example> withPhrases(List<SstReader.Example> sentences, int count) {
    java.util.Map<String, SstReader.Example> distinct = new java.util.LinkedHashMap<>();
    for (SstReader.Example e : SstReader.phrases(sentences, 3)) distinct.put(e.sentence(), e);
    List<SstReader.Example> phrases = new ArrayList<>(distinct.values());
    java.util.Collections.shuffle(phrases, new java.util.Random(7));
    List<SstReader.Example> out = new ArrayList<>(sentences);
    out.addAll(phrases.subList(0, Math.min(count, phrases.size())));
    return out;
  }

  /**
   * Balances the classes over the weighted examples (SST's neutral is ~20%, pxt has almost none),
   * so the model does not simply ignore the rarest one.
   */
  static SoftmaxRegression train(float[][] x, TrainingData data, Settings settings) {
    int[] y = data.labels();
    double[] perClass = new double[3];
    double total = 0;
    for (int i = 0; i < y.length; i++) {
      perClass[y[i]] += data.sourceWeights()[i];
      total += data.sourceWeights()[i];
    }
    double[] w = new double[y.length];
    for (int i = 0; i < y.length; i++)
      w[i] = data.sourceWeights()[i] * total / (3 * perClass[y[i]]);
    return SoftmaxRegression.trainWeighted(x, y, 3, settings.l2(), settings.epochs(), w);
  }
}
