package org.yousaid.shared.report;

/** How many answers read as positive, neutral and negative. */
public record SentimentCounts(int positive, int neutral, int negative) {

  public static final SentimentCounts NONE = new SentimentCounts(0, 0, 0);

  /**
   * Counts "positive", "negative" and any other non-null sentiment (neutral) of these answers'
   * analyses.
   */
  public static SentimentCounts of(Iterable<String> sentiments) {
    int positive = 0;
    int neutral = 0;
    int negative = 0;
    for (String s : sentiments) {
      if ("positive".equals(s)) {
        positive++;
      } else if ("negative".equals(s)) {
        negative++;
      } else if (s != null) {
        neutral++;
      }
    }
    return new SentimentCounts(positive, neutral, negative);
  }

  public int total() {
    return positive + neutral + negative;
  }
}
