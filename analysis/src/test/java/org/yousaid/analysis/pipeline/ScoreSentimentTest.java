package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.sentiment.SentimentClassifier;
import org.yousaid.analysis.sentiment.SentimentReading;

class ScoreSentimentTest {
  @Test
  void themableAnswersAreScoredAndTheRestAreNot() {
    List<AnswerRecord> records =
        TestModels.embedded(
            "The cuts are a disaster, the service is awful and my family is suffering badly.",
            "The short breaks team is wonderful, kind and so helpful, thank you.",
            "n/a",
            "Moje dziecko potrzebuje więcej pomocy w szkole, ale nie ma transportu.");
    new ScoreSentiment(
            new SentimentReading(
                SentimentClassifier.fromClasspath(), SentimentReading.Rules.shipped()),
            texts -> {
              throw new AssertionError("no answer here has a contrast to embed");
            })
        .apply(records);
    assertEquals(Sentiment.NEGATIVE, records.get(0).sentiment());
    assertEquals(Sentiment.POSITIVE, records.get(1).sentiment());
    assertNull(records.get(2).sentiment());
    assertNull(records.get(3).sentiment(), "the classifier is English-only");
  }
}
