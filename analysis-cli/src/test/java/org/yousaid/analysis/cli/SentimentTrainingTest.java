package org.yousaid.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.represent.SentenceEmbedder;

/**
 * The sentiment training data and command: splits that hold out what they say, same output twice.
 */
class SentimentTrainingTest {
  private static final Path DATA =
      Path.of(System.getProperty("yousaid.repo.root", ".."))
          .resolve("../shared/datasets")
          .normalize();
  private static SentenceEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = new SentenceEmbedder();
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void criticalityMapsToThreeClassesAndDropsWhatItCannotRead() {
    assertEquals(Sentiment.NEGATIVE, PxtSentiment.label("Felt rushed", "-3", "sa"));
    assertEquals(Sentiment.NEGATIVE, PxtSentiment.label("Stay longer.", "-1", "ap"));
    assertEquals(Sentiment.POSITIVE, PxtSentiment.label("Staff excellent", "3", "sa"));
    assertEquals(Sentiment.NEUTRAL, PxtSentiment.label("Nothing really", "3", "xn"));
    assertEquals(Sentiment.POSITIVE, PxtSentiment.label("Nothing all good", "3", "xn"));
    assertEquals(Sentiment.NEGATIVE, PxtSentiment.label("Nothing was good", "1", "xg"));
    assertNull(PxtSentiment.label("Enjoyed the food", "0", "ef"), "Trust B's uncoded praise");
    assertNull(PxtSentiment.label("Helpful and useful.", "-o", "cs"));
    assertNull(PxtSentiment.label("Microwave.", "-9", "ee"));
  }

  @Test
  void noTextOfTheHeldOutHalfIsTrainedOrTunedOn() throws Exception {
    Path csv = DATA.resolve("pxt-phase1/text_data.csv");
    SentimentSet train = PxtSentiment.read(csv, "train");
    SentimentSet dev = PxtSentiment.read(csv, "dev");
    SentimentSet test = PxtSentiment.read(csv, "test");
    List<String> all = new ArrayList<>();
    for (List<String> row : CsvTable.read(csv, "feedback")) {
      String t = row.get(0).strip();
      if (!t.isEmpty()) all.add(t);
    }
    Set<String> codeframeDevHalf = DiscoveryBenchmark.devHalf(all);
    assertTrue(codeframeDevHalf.containsAll(train.texts()));
    assertTrue(codeframeDevHalf.containsAll(dev.texts()));
    assertTrue(test.texts().stream().noneMatch(codeframeDevHalf::contains));
    Set<String> overlap = new HashSet<>(train.texts());
    overlap.retainAll(dev.texts());
    assertEquals(Set.of(), overlap);
    for (SentimentSet s : List.of(train, dev, test)) {
      assertTrue(s.size() > 500, s.name() + " " + s.size());
      assertTrue(s.gold().contains(Sentiment.NEGATIVE) && s.gold().contains(Sentiment.POSITIVE));
    }
  }

  @Test
  void trainingGivesTheSameWeightsTwiceAndUsesThePxtWeight() throws Exception {
    var settings = new SentimentTraining.Settings(1e-4, 40, 50, 5);
    SentimentTraining.TrainingData data = small(SentimentTraining.data(DATA, settings));
    assertTrue(java.util.Arrays.stream(data.sourceWeights()).anyMatch(w -> w == 5), "pxt included");
    String first = Main.JSON.writeValueAsString(train(data, settings).weights());
    String second = Main.JSON.writeValueAsString(train(data, settings).weights());
    assertEquals(first, second);

    var sstOnly = new SentimentTraining.Settings(1e-4, 40, 50, 0);
    SentimentTraining.TrainingData flat =
        new SentimentTraining.TrainingData(
            data.texts(),
            data.labels(),
            java.util.Arrays.stream(data.sourceWeights()).map(w -> 1).toArray());
    float[][] weighted = train(data, settings).weights();
    float[][] unweighted = train(flat, sstOnly).weights();
    assertFalse(java.util.Arrays.deepEquals(weighted, unweighted));
    assertArrayEquals(new int[] {3, 385}, new int[] {weighted.length, weighted[0].length});
  }

  /** The first 150 SST examples and the last 150 pxt ones: enough to train, quick to embed. */
  private static SentimentTraining.TrainingData small(SentimentTraining.TrainingData d) {
    int n = d.texts().size();
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < 150; i++) keep.add(i);
    for (int i = n - 150; i < n; i++) keep.add(i);
    return new SentimentTraining.TrainingData(
        keep.stream().map(d.texts()::get).toList(),
        keep.stream().mapToInt(i -> d.labels()[i]).toArray(),
        keep.stream().mapToDouble(i -> d.sourceWeights()[i]).toArray());
  }

  private static org.yousaid.analysis.sentiment.SoftmaxRegression train(
      SentimentTraining.TrainingData d, SentimentTraining.Settings s) {
    return SentimentTraining.train(embedder.embed(d.texts()), d, s);
  }
}
