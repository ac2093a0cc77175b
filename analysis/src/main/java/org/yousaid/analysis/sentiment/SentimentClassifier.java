package org.yousaid.analysis.sentiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.yousaid.analysis.Sentiment;

/**
 * Stage 4: sentiment per answer from its sentence embedding, using a softmax regression trained on
 * the Stanford Sentiment Treebank (5 classes collapsed to 3) and on NHS patient comments whose
 * criticality people coded (pxt-phase1's train split), so that it reads feedback on a service, not
 * only film reviews (docs/benchmarks.md "Sentiment"). Training command: {@code java -jar
 * yousaid-analysis.jar train-sentiment --data-dir DIR --out
 * analysis/src/main/resources/org/yousaid/analysis/sentiment-bge-small-sst-pxt.json}. The engine
 * does not take its argmax as the answer's label: {@link SentimentReading} reads its probabilities.
 */
public final class SentimentClassifier {
  public static final String RESOURCE = "/org/yousaid/analysis/sentiment-bge-small-sst-pxt.json";

  /** Class order of the stored weights. */
  public static final Sentiment[] CLASSES = {
    Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE
  };

  private final SoftmaxRegression model;

  public SentimentClassifier(SoftmaxRegression model) {
    this.model = model;
  }

  public static SentimentClassifier fromClasspath() {
    try (InputStream in = SentimentClassifier.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("Missing " + RESOURCE);
      float[][] w = new ObjectMapper().readValue(in, float[][].class);
      return new SentimentClassifier(new SoftmaxRegression(w));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public double[] probabilities(float[] embedding) {
    return model.probabilities(embedding);
  }

  public Sentiment classify(float[] embedding) {
    double[] p = probabilities(embedding);
    int best = 0;
    for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
    return CLASSES[best];
  }
}
