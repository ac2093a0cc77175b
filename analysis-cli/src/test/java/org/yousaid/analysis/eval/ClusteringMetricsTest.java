package org.yousaid.analysis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClusteringMetricsTest {
  @Test
  void metricsArePerfectForARelabelledClusteringAndLowForNoise() {
    int[] truth = {0, 0, 0, 1, 1, 1, 2, 2, 2};
    int[] relabelled = {5, 5, 5, 3, 3, 3, 9, 9, 9};
    ClusteringMetrics.Scores s = ClusteringMetrics.score(truth, relabelled);
    assertEquals(1.0, s.acc(), 1e-9);
    assertEquals(1.0, s.nmi(), 1e-9);
    assertEquals(1.0, s.ari(), 1e-9);
    ClusteringMetrics.Scores one = ClusteringMetrics.score(truth, new int[9]);
    assertEquals(1.0 / 3, one.acc(), 1e-9);
    assertEquals(0.0, one.ari(), 1e-9);
  }
}
