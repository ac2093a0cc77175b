package org.yousaid.analysis.theme;

import java.util.Locale;
import org.yousaid.analysis.SentimentSplit;

/**
 * Whether a theme's answers praise or complain: praise and complaint about the same service must
 * never read as one voice. A theme is <b>mixed</b> when at least {@link #MIXED_SHARE} of its scored
 * answers (and at least {@link #MIXED_MINIMUM}) are positive and as many negative; its description
 * then says so first, with both counts.
 */
public final class Stance {
  /** Share of scored answers each side needs for the theme to count as mixed. */
  static final double MIXED_SHARE = 0.25;

  /** Answers each side needs for the theme to count as mixed. */
  static final int MIXED_MINIMUM = 2;

  private Stance() {}

  /** Both praise and complaint are a real part of the theme. */
  public static boolean mixed(SentimentSplit s) {
    int scored = s.negative() + s.neutral() + s.positive();
    double need = Math.max(MIXED_MINIMUM, MIXED_SHARE * scored);
    return scored > 0 && s.positive() >= need && s.negative() >= need;
  }

  /**
   * "mixed: 5 praise it and 4 complain", "mostly complaint (7 of 9)", "mostly praise (6 of 8)", or
   * the plain split; empty when no answer was scored (a theming-only run).
   */
  public static String describe(SentimentSplit s) {
    int scored = s.negative() + s.neutral() + s.positive();
    if (scored == 0) return "";
    if (mixed(s))
      return String.format(
          Locale.ROOT,
          "mixed: %d %s and %d %s (%d neutral), so read both sides",
          s.positive(),
          s.positive() == 1 ? "praises it" : "praise it",
          s.negative(),
          s.negative() == 1 ? "complains" : "complain",
          s.neutral());
    if (2 * s.negative() > scored)
      return String.format(
          Locale.ROOT, "mostly complaint (%d of %d negative)", s.negative(), scored);
    if (2 * s.positive() > scored)
      return String.format(Locale.ROOT, "mostly praise (%d of %d positive)", s.positive(), scored);
    // The order of every "Sentiment:" line beside it (officer pages, reports, published site).
    return String.format(
        Locale.ROOT,
        "%d positive, %d neutral, %d negative",
        s.positive(),
        s.neutral(),
        s.negative());
  }
}
