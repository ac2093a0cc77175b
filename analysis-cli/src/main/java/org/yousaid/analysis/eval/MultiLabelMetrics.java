package org.yousaid.analysis.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Agreement of predicted codes with people's codes, several codes per answer: micro F1 (pooled over
 * every answer-code pair) and sample-averaged F1 (per answer, then averaged), each with a bootstrap
 * 95% interval over answers; the mean number of codes per answer; and the share of answers people
 * coded that got no code (proposed as new themes: a false "fits no code").
 */
public final class MultiLabelMetrics {
  public record Interval(double value, double low, double high) {}

  public record Scores(
      Interval micro,
      Interval sample,
      double codesPerAnswer,
      double truthCodesPerAnswer,
      int answers,
      double noCodeShare) {}

  private MultiLabelMetrics() {}

  public static Scores score(
      List<Set<Integer>> truth, List<Set<Integer>> predicted, int resamples, long seed) {
    int n = truth.size();
    if (predicted.size() != n)
      throw new IllegalArgumentException("truth and predictions differ in length");
    int[] tp = new int[n], fp = new int[n], fn = new int[n];
    double codes = 0, truthCodes = 0, noCode = 0;
    for (int i = 0; i < n; i++) {
      for (int c : predicted.get(i))
        if (truth.get(i).contains(c)) tp[i]++;
        else fp[i]++;
      fn[i] = truth.get(i).size() - tp[i];
      codes += predicted.get(i).size();
      if (predicted.get(i).isEmpty() && !truth.get(i).isEmpty()) noCode++;
      truthCodes += truth.get(i).size();
    }
    int[] all = new int[n];
    for (int i = 0; i < n; i++) all[i] = i;
    double micro = micro(tp, fp, fn, all), sample = sample(tp, fp, fn, all);
    double[] m = new double[resamples], s = new double[resamples];
    Random r = new Random(seed);
    int[] draw = new int[n];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < n; i++) draw[i] = r.nextInt(n);
      m[b] = micro(tp, fp, fn, draw);
      s[b] = sample(tp, fp, fn, draw);
    }
    return new Scores(
        interval(micro, m), interval(sample, s), codes / n, truthCodes / n, n, noCode / n);
  }

  static double micro(int[] tp, int[] fp, int[] fn, int[] rows) {
    long t = 0, f = 0;
    for (int i : rows) {
      t += tp[i];
      f += fp[i] + fn[i];
    }
    return t + f == 0 ? 1 : 2.0 * t / (2.0 * t + f);
  }

  /** Per-answer F1 averaged; an answer with no codes on either side counts as agreement. */
  static double sample(int[] tp, int[] fp, int[] fn, int[] rows) {
    double sum = 0;
    for (int i : rows) {
      int den = 2 * tp[i] + fp[i] + fn[i];
      sum += den == 0 ? 1 : 2.0 * tp[i] / den;
    }
    return rows.length == 0 ? 0 : sum / rows.length;
  }

  private static Interval interval(double value, double[] resampled) {
    if (resampled.length == 0) return new Interval(value, value, value);
    double[] v = resampled.clone();
    Arrays.sort(v);
    return new Interval(
        value,
        v[(int) Math.floor(0.025 * (v.length - 1))],
        v[(int) Math.ceil(0.975 * (v.length - 1))]);
  }
}
