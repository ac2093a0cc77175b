package org.yousaid.analysis.theme.codeframe;

/**
 * Re-estimates how common each code is in this consultation and adjusts the classifier's
 * probabilities to it (EM of Saerens, Latinne and Decaestecker, 2002). The classifier is trained on
 * a few examples per code, i.e. as if every code were equally common; in a real consultation a few
 * codes take most answers. Transductive: it uses the consultation's own (unlabelled) answers.
 */
public final class PriorAdaptation {
  private static final int ITERATIONS = 100;
  private static final double TOLERANCE = 1e-6;

  private PriorAdaptation() {}

  /**
   * @param probabilities per answer, the classifier's probabilities under {@code trainingPriors}
   * @return the posteriors under the estimated priors (same shape); the input is left unchanged
   */
  public static double[][] adapt(double[][] probabilities, double[] trainingPriors) {
    int n = probabilities.length;
    if (n == 0) return probabilities;
    int k = trainingPriors.length;
    double[] priors = trainingPriors.clone();
    double[][] posterior = new double[n][k];
    for (int it = 0; it < ITERATIONS; it++) {
      double[] next = new double[k];
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int c = 0; c < k; c++)
          sum += posterior[i][c] = probabilities[i][c] * priors[c] / trainingPriors[c];
        for (int c = 0; c < k; c++) {
          posterior[i][c] = sum > 0 ? posterior[i][c] / sum : 1.0 / k;
          next[c] += posterior[i][c];
        }
      }
      double change = 0;
      for (int c = 0; c < k; c++) {
        next[c] /= n;
        change = Math.max(change, Math.abs(next[c] - priors[c]));
      }
      priors = next;
      if (change < TOLERANCE) break;
    }
    return posterior;
  }

  /** Posteriors for further inputs under priors already estimated (e.g. an answer's sentences). */
  public static double[] reweight(
      double[] probabilities, double[] trainingPriors, double[] priors) {
    double[] p = new double[probabilities.length];
    double sum = 0;
    for (int c = 0; c < p.length; c++)
      sum += p[c] = probabilities[c] * priors[c] / trainingPriors[c];
    for (int c = 0; c < p.length; c++) p[c] = sum > 0 ? p[c] / sum : 1.0 / p.length;
    return p;
  }

  /** The mean posterior per code: the estimated share of answers in each code. */
  public static double[] priors(double[][] posterior, int k) {
    double[] pri = new double[k];
    for (double[] p : posterior) for (int c = 0; c < k; c++) pri[c] += p[c];
    for (int c = 0; c < k; c++)
      pri[c] = posterior.length == 0 ? 1.0 / k : pri[c] / posterior.length;
    return pri;
  }
}
