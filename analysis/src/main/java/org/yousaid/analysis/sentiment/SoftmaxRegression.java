package org.yousaid.analysis.sentiment;

/**
 * Multinomial logistic regression on dense features. Small on purpose: 3 x 385 weights on top of
 * sentence embeddings classify sentiment about as well as CoreNLP's RNTN (see docs/benchmarks.md)
 * at a tiny fraction of the cost, because the embedding is computed once per answer for theming
 * anyway.
 */
public final class SoftmaxRegression {
  private final float[][] weights; // [class][feature], last column is the bias

  public SoftmaxRegression(float[][] weights) {
    this.weights = weights;
  }

  public float[][] weights() {
    return weights;
  }

  public double[] probabilities(float[] x) {
    int k = weights.length;
    double[] z = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      float[] w = weights[c];
      double s = w[x.length];
      for (int i = 0; i < x.length; i++) s += w[i] * x[i];
      z[c] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) sum += z[c] = Math.exp(z[c] - max);
    for (int c = 0; c < k; c++) z[c] /= sum;
    return z;
  }

  /**
   * Full-batch gradient descent with Adam and L2; deterministic (zero init), a few seconds for 10k
   * x 384.
   */
  public static SoftmaxRegression train(
      float[][] x, int[] y, int classes, double l2, int epochs, double[] classWeights) {
    double[] exampleWeights = new double[y.length];
    for (int i = 0; i < y.length; i++)
      exampleWeights[i] = classWeights == null ? 1 : classWeights[y[i]];
    return trainWeighted(x, y, classes, l2, epochs, exampleWeights);
  }

  /**
   * As {@link #train}, with a weight per example: lets training mix sources of different sizes
   * (e.g. many movie-review phrases, few in-domain comments) in chosen proportions.
   */
  public static SoftmaxRegression trainWeighted(
      float[][] x, int[] y, int classes, double l2, int epochs, double[] exampleWeights) {
    int n = x.length, d = x[0].length;
    float[][] w = new float[classes][d + 1];
    double[][] m = new double[classes][d + 1], v = new double[classes][d + 1];
    double lr = 0.05, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    SoftmaxRegression model = new SoftmaxRegression(w);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      double[][] grad = new double[classes][d + 1];
      double totalWeight = 0;
      for (int i = 0; i < n; i++) {
        double[] p = model.probabilities(x[i]);
        double cw = exampleWeights[i];
        totalWeight += cw;
        for (int c = 0; c < classes; c++) {
          double g = cw * (p[c] - (y[i] == c ? 1 : 0));
          double[] gc = grad[c];
          for (int f = 0; f < d; f++) gc[f] += g * x[i][f];
          gc[d] += g;
        }
      }
      for (int c = 0; c < classes; c++) {
        for (int f = 0; f <= d; f++) {
          double g = grad[c][f] / totalWeight + (f < d ? l2 * w[c][f] : 0);
          m[c][f] = b1 * m[c][f] + (1 - b1) * g;
          v[c][f] = b2 * v[c][f] + (1 - b2) * g * g;
          double mh = m[c][f] / (1 - Math.pow(b1, epoch)), vh = v[c][f] / (1 - Math.pow(b2, epoch));
          w[c][f] -= (float) (lr * mh / (Math.sqrt(vh) + eps));
        }
      }
    }
    return model;
  }
}
