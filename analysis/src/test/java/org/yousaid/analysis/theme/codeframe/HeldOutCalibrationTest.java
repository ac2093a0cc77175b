package org.yousaid.analysis.theme.codeframe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HeldOutCalibrationTest {
  /**
   * A classifier biased towards a small code: a score x ~ N(+1, 1) for the big code's answers and
   * N(−1, 1) for the small code's, but the classifier puts its boundary at x = 0.8 (as when the
   * small code's few examples read like the big code's answers: "Nothing was good" beside "Nothing
   * to improve"). The consultation is 90/10. Plain EM trusts the biased probabilities and gives the
   * small code far more than 10%; EM after calibrating on held-out examples (10 per code, drawn
   * like the answers) must come nearer to 10%, on average over 20 draws of the examples (10
   * examples per code are few: one draw can be unlucky, so the test asks for the expected gain).
   */
  @Test
  void heldOutExamplesCorrectTheShareEmGivesAnOverPredictedCode() {
    Random r = new Random(11);
    int n = 3000;
    double[][] answers = new double[n][];
    for (int i = 0; i < n; i++) answers[i] = biased(r.nextGaussian() + (i < 0.9 * n ? 1 : -1));
    double[] uniform = {0.5, 0.5};
    double plain = PriorAdaptation.priors(PriorAdaptation.adapt(answers, uniform), 2)[1];
    assertTrue(plain > 0.3, "the biased classifier should mislead plain EM: " + plain);

    int draws = 20, examples = 20, lowered = 0;
    double error = 0;
    for (int d = 0; d < draws; d++) {
      double[][] heldOut = new double[examples][];
      int[] codes = new int[examples];
      for (int j = 0; j < examples; j++) {
        codes[j] = j % 2;
        heldOut[j] = biased(r.nextGaussian() + (codes[j] == 0 ? 1 : -1));
      }
      HeldOutCalibration calibration = HeldOutCalibration.fit(heldOut, codes, 2, 3e-3);
      double[][] calibrated = new double[n][];
      for (int i = 0; i < n; i++) calibrated[i] = calibration.apply(answers[i]);
      double share = PriorAdaptation.priors(PriorAdaptation.adapt(calibrated, uniform), 2)[1];
      error += Math.abs(share - 0.1) / draws;
      double[] b = calibration.bias();
      if (b[1] < b[0]) lowered++;
    }
    assertTrue(
        error < 0.6 * (plain - 0.1),
        "small code's share, mean error: plain EM " + (plain - 0.1) + ", calibrated " + error);
    assertTrue(lowered >= 0.8 * draws, "the over-predicted code's bias should go down: " + lowered);
  }

  /** Probabilities of a logistic model whose boundary is at 0.8 instead of 0. */
  private static double[] biased(double x) {
    double big = 1 / (1 + Math.exp(-2 * (x - 0.8)));
    return new double[] {big, 1 - big};
  }

  /** Held-out predictions that are already right (labels drawn from them) need no correction. */
  @Test
  void leavesCalibratedProbabilitiesAlmostAsTheyAre() {
    Random r = new Random(5);
    int n = 400, k = 4;
    double[][] heldOut = new double[n][];
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) {
      double[] p = new double[k];
      double sum = 0;
      for (int c = 0; c < k; c++) sum += p[c] = Math.exp(2 * r.nextGaussian());
      for (int c = 0; c < k; c++) p[c] /= sum;
      double u = r.nextDouble(), acc = 0;
      codes[i] = k - 1;
      for (int c = 0; c < k - 1; c++)
        if (u < (acc += p[c])) {
          codes[i] = c;
          break;
        }
      heldOut[i] = p;
    }
    HeldOutCalibration calibration = HeldOutCalibration.fit(heldOut, codes, k, 3e-3);
    assertEquals(1.0, calibration.power(), 0.2);
    for (double b : calibration.bias()) assertEquals(0.0, b, 0.25);
  }

  @Test
  void identityChangesNothingAndApplyKeepsAProbabilityVector() {
    double[] p = {0.7, 0.2, 0.1};
    assertArrayEquals(p, HeldOutCalibration.identity(3).apply(p), 1e-12);
    HeldOutCalibration fitted =
        HeldOutCalibration.fit(
            new double[][] {{0.9, 0.05, 0.05}, {0.1, 0.8, 0.1}, {0.6, 0.2, 0.2}},
            new int[] {0, 1, 2},
            3,
            3e-3);
    double[] q = fitted.apply(new double[] {0.0, 0.5, 0.5});
    assertEquals(1.0, q[0] + q[1] + q[2], 1e-9);
    for (double x : q) assertTrue(x >= 0 && x <= 1);
  }
}
