package org.yousaid.analysis.theme.codeframe;

/**
 * Bias-corrected temperature scaling (Alexandari, Kundaje and Shrikumar, 2020) fitted on held-out
 * predictions of the officer's examples: p'(c) ∝ p(c)^a × e^(b_c). EM's estimate of how common each
 * code is ({@link PriorAdaptation}) is only as good as the classifier's calibration: a code whose
 * few examples read like a big code's answers ("Nothing was good": "Nothing.", "Nope") is
 * over-predicted on that code's answers, and EM then hands it hundreds of them. Its held-out
 * examples show the excess (they are predicted less confidently than the code's share of the
 * probability suggests), and the per-code bias takes it back before EM. The biases are shrunk
 * towards zero (L2) because each rests on a handful of examples.
 */
public final class HeldOutCalibration {
  private static final int ITERATIONS = 500;
  private static final double LEARNING_RATE = 0.05;
  private static final double FLOOR = 1e-12;

  private final double power;
  private final double[] bias;

  private HeldOutCalibration(double power, double[] bias) {
    this.power = power;
    this.bias = bias;
  }

  /** No change (for too few examples to fit on). */
  public static HeldOutCalibration identity(int k) {
    return new HeldOutCalibration(1, new double[k]);
  }

  /**
   * Minimises the mean negative log-likelihood of the examples' own codes under the calibrated
   * held-out probabilities plus {@code biasL2} × |b|² (full-batch Adam from a = 1, b = 0).
   *
   * @param heldOut per example, the probabilities of a classifier that did not see it
   * @param codes the example's code
   */
  public static HeldOutCalibration fit(double[][] heldOut, int[] codes, int k, double biasL2) {
    int n = heldOut.length;
    if (n == 0) return identity(k);
    double[][] logs = new double[n][k];
    for (int i = 0; i < n; i++)
      for (int c = 0; c < k; c++) logs[i][c] = Math.log(Math.max(heldOut[i][c], FLOOR));
    double a = 1;
    double[] b = new double[k];
    double[] m = new double[k + 1], v = new double[k + 1];
    double b1 = 0.9, b2 = 0.999, eps = 1e-8;
    for (int it = 1; it <= ITERATIONS; it++) {
      double[] grad = new double[k + 1]; // [0..k) biases, k the power
      double[] z = new double[k];
      for (int i = 0; i < n; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) max = Math.max(max, z[c] = a * logs[i][c] + b[c]);
        double sum = 0;
        for (int c = 0; c < k; c++) sum += z[c] = Math.exp(z[c] - max);
        double expectedLog = 0;
        for (int c = 0; c < k; c++) {
          double p = z[c] / sum;
          grad[c] += p - (c == codes[i] ? 1 : 0);
          expectedLog += p * logs[i][c];
        }
        grad[k] += expectedLog - logs[i][codes[i]];
      }
      double c1 = 1 - Math.pow(b1, it), c2 = 1 - Math.pow(b2, it);
      for (int j = 0; j <= k; j++) {
        double g = grad[j] / n + (j < k ? 2 * biasL2 * b[j] : 0);
        m[j] = b1 * m[j] + (1 - b1) * g;
        v[j] = b2 * v[j] + (1 - b2) * g * g;
        double step = LEARNING_RATE * (m[j] / c1) / (Math.sqrt(v[j] / c2) + eps);
        if (j < k) b[j] -= step;
        else a = Math.max(0.05, a - step);
      }
    }
    return new HeldOutCalibration(a, b);
  }

  /** The calibrated probabilities (a new array). */
  public double[] apply(double[] p) {
    int k = p.length;
    double[] out = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++)
      max = Math.max(max, out[c] = power * Math.log(Math.max(p[c], FLOOR)) + bias[c]);
    double sum = 0;
    for (int c = 0; c < k; c++) sum += out[c] = Math.exp(out[c] - max);
    for (int c = 0; c < k; c++) out[c] /= sum;
    return out;
  }

  /** The fitted power (1 / temperature). */
  public double power() {
    return power;
  }

  /** The fitted per-code log-bias. */
  public double[] bias() {
    return bias.clone();
  }
}
