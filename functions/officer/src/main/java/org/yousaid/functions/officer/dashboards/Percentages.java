package org.yousaid.functions.officer.dashboards;

/**
 * Whole-number percentages that add up to exactly 100 (largest remainder method), so a split such
 * as 1 / 1 / 1 reads 34% / 33% / 33% and never 33% / 33% / 33%. Nobody answering gives all zeros.
 */
public final class Percentages {

  private Percentages() {}

  public static int[] of(int... counts) {
    int[] result = new int[counts.length];
    long total = 0;
    for (int c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("counts cannot be negative");
      }
      total += c;
    }
    if (total == 0) {
      return result;
    }
    long[] remainders = new long[counts.length];
    int given = 0;
    for (int i = 0; i < counts.length; i++) {
      long scaled = counts[i] * 100L;
      result[i] = (int) (scaled / total);
      remainders[i] = scaled % total;
      given += result[i];
    }
    // Hand the points still missing to the largest remainders; earlier options win ties.
    for (int left = 100 - given; left > 0; left--) {
      int best = -1;
      for (int i = 0; i < counts.length; i++) {
        if (remainders[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
          best = i;
        }
      }
      result[best]++;
      remainders[best] = 0;
    }
    return result;
  }

  /**
   * The share of {@code part} in {@code total} as a whole percentage, rounded half up; 0 when total
   * is 0.
   */
  public static int share(int part, int total) {
    return total == 0 ? 0 : (int) ((part * 200L + total) / (total * 2L));
  }
}
