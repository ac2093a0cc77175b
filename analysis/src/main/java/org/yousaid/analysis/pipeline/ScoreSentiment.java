package org.yousaid.analysis.pipeline;

import java.util.List;
import org.yousaid.analysis.sentiment.SentimentClassifier;

/**
 * Stage 4b: negative / neutral / positive for each themable answer, from its sentence embedding
 * (the classifier is English-only, so answers in other languages get none).
 */
public final class ScoreSentiment {
  private final SentimentClassifier classifier;

  public ScoreSentiment(SentimentClassifier classifier) {
    this.classifier = classifier;
  }

  public void apply(List<AnswerRecord> records) {
    for (AnswerRecord r : records)
      if (r.themable()) r.sentiment(classifier.classify(r.embedding()));
  }
}
