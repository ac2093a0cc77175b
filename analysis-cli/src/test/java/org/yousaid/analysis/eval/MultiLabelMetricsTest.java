package org.yousaid.analysis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultiLabelMetricsTest {
  @Test
  void microAndSampleF1AndCodesPerAnswerByHand() {
    // answer 1: {0,1} vs {0}: tp 1 fn 1 -> F1 2/3; answer 2: {2} vs {2,3}: tp 1 fp 1 -> 2/3;
    // answer 3: {1} vs {0}: 0
    List<Set<Integer>> truth = List.of(Set.of(0, 1), Set.of(2), Set.of(1));
    List<Set<Integer>> pred = List.of(Set.of(0), Set.of(2, 3), Set.of(0));
    MultiLabelMetrics.Scores s = MultiLabelMetrics.score(truth, pred, 200, 1);
    // micro: tp 2, fp 2, fn 2 -> 4 / 8
    assertEquals(0.5, s.micro().value(), 1e-12);
    assertEquals((2 / 3.0 + 2 / 3.0 + 0) / 3, s.sample().value(), 1e-12);
    assertEquals(4 / 3.0, s.codesPerAnswer(), 1e-12);
    assertEquals(4 / 3.0, s.truthCodesPerAnswer(), 1e-12);
    assertTrue(s.micro().low() <= 0.5 && s.micro().high() >= 0.5);
    assertTrue(s.micro().low() < s.micro().high(), "resampling 3 different answers varies");
  }

  @Test
  void perfectAgreementHasANarrowIntervalAtOne() {
    List<Set<Integer>> truth = List.of(Set.of(0), Set.of(1, 2), Set.of());
    MultiLabelMetrics.Scores s = MultiLabelMetrics.score(truth, truth, 100, 1);
    assertEquals(1.0, s.micro().low());
    assertEquals(1.0, s.sample().high());
  }
}
