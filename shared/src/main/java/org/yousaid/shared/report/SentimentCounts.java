package org.yousaid.shared.report;

/** How many answers read as positive, neutral and negative. */
public record SentimentCounts(int positive, int neutral, int negative) {

  public static final SentimentCounts NONE = new SentimentCounts(0, 0, 0);

  public int total() {
    return positive + neutral + negative;
  }
}
