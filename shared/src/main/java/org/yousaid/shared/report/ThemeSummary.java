package org.yousaid.shared.report;

import java.util.List;

/**
 * One theme as reported.
 *
 * @param share count divided by the number of answers to the question (0..1)
 * @param exemplarText the most central answer (officers' report: original text; published:
 *     redacted)
 * @param othersSupport the "N other answers support this answer" figure
 * @param quotes quotes approved for publication (redacted, from respondents who consented)
 * @param weDid the council's "we did" response to this theme, if written
 * @param other true for the bucket of answers that fit no theme
 * @param subThemes the theme's sub-themes (no sentiment, quotes or "we did" of their own); empty
 *     for a sub-theme
 */
public record ThemeSummary(
    String id,
    String label,
    String description,
    List<String> keyTerms,
    int count,
    double share,
    String exemplarText,
    int othersSupport,
    SentimentCounts sentiment,
    List<String> quotes,
    String weDid,
    boolean other,
    List<ThemeSummary> subThemes) {

  public ThemeSummary {
    keyTerms = keyTerms == null ? List.of() : List.copyOf(keyTerms);
    quotes = quotes == null ? List.of() : List.copyOf(quotes);
    sentiment = sentiment == null ? SentimentCounts.NONE : sentiment;
    subThemes = subThemes == null ? List.of() : List.copyOf(subThemes);
  }

  /** A theme without sub-themes. */
  public ThemeSummary(
      String id,
      String label,
      String description,
      List<String> keyTerms,
      int count,
      double share,
      String exemplarText,
      int othersSupport,
      SentimentCounts sentiment,
      List<String> quotes,
      String weDid,
      boolean other) {
    this(
        id,
        label,
        description,
        keyTerms,
        count,
        share,
        exemplarText,
        othersSupport,
        sentiment,
        quotes,
        weDid,
        other,
        List.of());
  }
}
