package org.yousaid.analysis.theme;

import java.util.Locale;

/**
 * How many of the answers a theme speaks for, in the words consultation reports use ("most",
 * "many", "some", "a few"), with the 95% Wilson score interval of the share: with 30 answers, 6 is
 * "some" but could be anywhere from 10% to 37%, which an officer should see before writing "a fifth
 * of parents".
 */
public final class ShareWording {
  private ShareWording() {}

  /** A share of answers and its 95% interval. */
  public record Share(int count, int of, double low, double high) {
    public double share() {
      return of == 0 ? 0 : (double) count / of;
    }

    /** "most" (over half), "many" (a quarter or more), "some" (a tenth or more), else "a few". */
    public String word() {
      double p = share();
      if (p > 0.5) return "most";
      if (p >= 0.25) return "many";
      if (p >= 0.1) return "some";
      return "a few";
    }

    /** e.g. "some answers (6 of 30, 20%; 95% interval 10% to 37%)". */
    public String describe(String noun) {
      return String.format(
          Locale.ROOT,
          "%s %s (%d of %d, %.0f%%; 95%% interval %.0f%% to %.0f%%)",
          word(),
          noun,
          count,
          of,
          100 * share(),
          100 * low,
          100 * high);
    }
  }

  /** The Wilson score interval at 95% (z = 1.96), which stays within [0, 1] for small counts. */
  public static Share of(int count, int total) {
    if (total <= 0) return new Share(count, total, 0, 0);
    double z = 1.959964, n = total, p = (double) count / total;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
    return new Share(count, total, Math.max(0, centre - half), Math.min(1, centre + half));
  }
}
