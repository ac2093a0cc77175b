package org.yousaid.analysis.theme.codeframe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PriorAdaptationTest {
  /**
   * Two codes whose answers overlap (scores drawn from N(+1, 1) and N(-1, 1)); the classifier's
   * probabilities assume 50/50, the consultation is 85/15. EM must find the 85/15 and the adjusted
   * probabilities must classify more answers right.
   */
  @Test
  void findsHowCommonEachCodeIsAndThatImprovesTheAssignments() {
    Random r = new Random(3);
    int n = 4000;
    double[][] p = new double[n][2];
    int[] truth = new int[n];
    for (int i = 0; i < n; i++) {
      truth[i] = r.nextDouble() < 0.85 ? 0 : 1;
      double x = r.nextGaussian() + (truth[i] == 0 ? 1 : -1);
      double l0 = Math.exp(-(x - 1) * (x - 1) / 2), l1 = Math.exp(-(x + 1) * (x + 1) / 2);
      p[i] = new double[] {l0 / (l0 + l1), l1 / (l0 + l1)};
    }
    double[][] post = PriorAdaptation.adapt(p, new double[] {0.5, 0.5});
    double[] shares = PriorAdaptation.priors(post, 2);
    assertEquals(0.85, shares[0], 0.03);
    int before = 0, after = 0;
    for (int i = 0; i < n; i++) {
      if ((p[i][0] >= 0.5 ? 0 : 1) == truth[i]) before++;
      if ((post[i][0] >= 0.5 ? 0 : 1) == truth[i]) after++;
      assertEquals(1.0, post[i][0] + post[i][1], 1e-9);
    }
    assertTrue(after > before + 0.03 * n, before + " -> " + after);
  }

  @Test
  void reweightingUnderTheTrainingPriorsChangesNothing() {
    double[] p = {0.2, 0.3, 0.5};
    double[] u = {1 / 3.0, 1 / 3.0, 1 / 3.0};
    assertArrayEquals(p, PriorAdaptation.reweight(p, u, u), 1e-12);
    assertArrayEquals(
        new double[] {0.1 / 0.6, 0, 0.5 / 0.6},
        PriorAdaptation.reweight(new double[] {0.1, 0.4, 0.5}, u, new double[] {0.5, 0, 0.5}),
        1e-12);
  }
}
