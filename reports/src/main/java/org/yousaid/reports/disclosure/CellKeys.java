package org.yousaid.reports.disclosure;

/**
 * The name of each published number, the same for the report model and the published files, so a
 * new version can be checked against the numbers earlier versions already show.
 */
public final class CellKeys {

  private CellKeys() {}

  public static final String RESPONSES = "responses";

  public static String answered(String question) {
    return "q/" + question + "/answered";
  }

  public static String option(String question, String option) {
    return "q/" + question + "/option/" + option;
  }

  public static String groupAnswered(String question, String dimension, String group) {
    return "q/" + question + "/by/" + dimension + "/" + group + "/answered";
  }

  public static String groupOption(String question, String dimension, String group, String option) {
    return "q/" + question + "/by/" + dimension + "/" + group + "/option/" + option;
  }

  public static String theme(String question, String theme) {
    return "q/" + question + "/theme/" + theme;
  }

  /** A sub-theme's count. */
  public static String subTheme(String question, String theme, String subTheme) {
    return "q/" + question + "/theme/" + theme + "/sub-theme/" + subTheme;
  }

  public static String themeSentiment(String question, String theme, String sentiment) {
    return "q/" + question + "/theme/" + theme + "/sentiment/" + sentiment;
  }

  public static String sentiment(String question, String sentiment) {
    return "q/" + question + "/sentiment/" + sentiment;
  }

  /**
   * Counts of people that only grow from one version to the next (responses, answers, closed
   * questions' counts); themes and sentiment are re-analysed, so theirs can go either way.
   */
  public static boolean grows(String key) {
    return !key.contains("/theme/") && !key.contains("/sentiment/");
  }
}
