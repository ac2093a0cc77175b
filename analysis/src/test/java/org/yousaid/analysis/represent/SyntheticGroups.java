package org.yousaid.analysis.represent;

import java.util.SplittableRandom;

/** Unit vectors in known groups, for testing theme discovery without a model. */
public final class SyntheticGroups {
  private SyntheticGroups() {}

  /**
   * {@code perGroup} points around each of {@code groups} random directions (point i is in group i
   * % groups); spread controls how tight the groups are.
   */
  public static float[][] points(int groups, int perGroup, double spread, int dim, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] centres = new float[groups][dim];
    for (float[] c : centres) {
      for (int d = 0; d < dim; d++) c[d] = (float) r.nextGaussian();
      Vectors.normalise(c);
    }
    float[][] points = new float[groups * perGroup][dim];
    for (int i = 0; i < points.length; i++) {
      float[] c = centres[i % groups];
      for (int d = 0; d < dim; d++)
        points[i][d] = c[d] + (float) (spread * r.nextGaussian() / Math.sqrt(dim));
      Vectors.normalise(points[i]);
    }
    return points;
  }
}
