package org.yousaid.analysis.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.yousaid.analysis.Sentiment;

/** Accuracy (with a bootstrap 95% interval), macro F1 and per-class recall of predictions. */
final class SentimentScores {
  static final int RESAMPLES = 1000;
  static final long SEED = 7;

  private SentimentScores() {}

  static Map<String, Object> score(List<Sentiment> gold, Sentiment[] predicted) {
    boolean[] right = right(gold, predicted);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("n", gold.size());
    out.put("accuracy", Main.round(mean(right)));
    out.put("accuracy_ci95", interval(right, null));
    out.put("macro_f1", Main.round(macroF1(gold, predicted)));
    Map<String, Object> recall = new LinkedHashMap<>();
    for (Sentiment s : Sentiment.values()) {
      int n = 0, hit = 0;
      for (int i = 0; i < gold.size(); i++)
        if (gold.get(i) == s) {
          n++;
          if (predicted[i] == s) hit++;
        }
      if (n > 0) recall.put(s.name().toLowerCase(), Main.round((double) hit / n) + " of " + n);
    }
    out.put("recall", recall);
    return out;
  }

  /** Accuracy of b minus accuracy of a on the same items, with a paired bootstrap interval. */
  static Map<String, Object> difference(List<Sentiment> gold, Sentiment[] a, Sentiment[] b) {
    boolean[] ra = right(gold, a), rb = right(gold, b);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accuracy_gain", Main.round(mean(rb) - mean(ra)));
    out.put("accuracy_gain_ci95", interval(rb, ra));
    return out;
  }

  static boolean[] right(List<Sentiment> gold, Sentiment[] predicted) {
    boolean[] r = new boolean[gold.size()];
    for (int i = 0; i < r.length; i++) r[i] = gold.get(i) == predicted[i];
    return r;
  }

  /** Percentile interval of mean(b) (minus mean(minus) on the same draw when given). */
  private static double[] interval(boolean[] b, boolean[] minus) {
    SplittableRandom random = new SplittableRandom(SEED);
    int n = b.length;
    double[] stats = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      double s = 0;
      for (int k = 0; k < n; k++) {
        int i = random.nextInt(n);
        s += (b[i] ? 1 : 0) - (minus == null ? 0 : minus[i] ? 1 : 0);
      }
      stats[r] = s / n;
    }
    java.util.Arrays.sort(stats);
    return new double[] {
      Main.round(stats[(int) (0.025 * RESAMPLES)]), Main.round(stats[(int) (0.975 * RESAMPLES) - 1])
    };
  }

  private static double mean(boolean[] b) {
    int s = 0;
    for (boolean x : b) if (x) s++;
    return (double) s / b.length;
  }

  /** Mean F1 over the classes that occur in gold or predictions. */
  static double macroF1(List<Sentiment> gold, Sentiment[] predicted) {
    double sum = 0;
    int classes = 0;
    for (Sentiment s : Sentiment.values()) {
      int tp = 0, fp = 0, fn = 0;
      for (int i = 0; i < gold.size(); i++) {
        boolean g = gold.get(i) == s, p = predicted[i] == s;
        if (g && p) tp++;
        else if (p) fp++;
        else if (g) fn++;
      }
      if (tp + fp + fn == 0) continue;
      classes++;
      sum += 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return sum / classes;
  }
}
