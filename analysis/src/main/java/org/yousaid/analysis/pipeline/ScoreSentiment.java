package org.yousaid.analysis.pipeline;

import java.util.List;
import java.util.function.Function;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.sentiment.SentimentReading;

/**
 * Stage 4b: negative / neutral / positive for each themable answer, read from its sentence
 * embedding and, where a contrast turns it, the embeddings of its two sides ({@link
 * SentimentReading}; the classifier is English-only, so answers in other languages get none).
 */
public final class ScoreSentiment {
  private final SentimentReading reading;
  private final Function<List<String>, float[][]> embed;

  /**
   * @param embed embeds the sides of the answers that have a contrast (one call per run)
   */
  public ScoreSentiment(SentimentReading reading, Function<List<String>, float[][]> embed) {
    this.reading = reading;
    this.embed = embed;
  }

  public void apply(List<AnswerRecord> records) {
    List<AnswerRecord> scored = records.stream().filter(AnswerRecord::themable).toList();
    if (scored.isEmpty()) return;
    float[][] x = new float[scored.size()][];
    for (int i = 0; i < x.length; i++) x[i] = scored.get(i).embedding();
    Sentiment[] read = reading.read(scored.stream().map(AnswerRecord::text).toList(), x, embed);
    for (int i = 0; i < read.length; i++) scored.get(i).sentiment(read[i]);
  }
}
