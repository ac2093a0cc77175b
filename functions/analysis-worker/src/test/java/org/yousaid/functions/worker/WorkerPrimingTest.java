package org.yousaid.functions.worker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The SnapStart priming hook's work runs without AWS: models load and sample answers are themed in
 * memory.
 */
class WorkerPrimingTest {

  @Test
  void primingLoadsTheModelsAndThemesTheSampleAnswers() {
    String outcome = WorkerPriming.prime();
    assertTrue(outcome.startsWith("DONE, " + WorkerPriming.ANSWERS + " answers, "), outcome);
    assertTrue(!outcome.endsWith(" 0 themes"), outcome);
  }
}
