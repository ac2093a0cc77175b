package org.yousaid.reports;

/**
 * Small-number suppression for published reports. Officers see exact numbers ({@link #NONE});
 * published reports pass e.g. {@code below(5)} so a breakdown group count of 1..4 is shown as
 * "fewer than 5" and never as the number.
 */
public record Suppression(int below) {
  public static final Suppression NONE = new Suppression(0);

  public Suppression {
    if (below < 0) {
      throw new IllegalArgumentException("below must be >= 0");
    }
  }

  public static Suppression below(int threshold) {
    return new Suppression(threshold);
  }

  /**
   * Whether this count must not be shown (0 is shown: "nobody" discloses nothing about a person).
   */
  public boolean hides(int count) {
    return count > 0 && count < below;
  }

  public String label() {
    return "fewer than " + below;
  }
}
