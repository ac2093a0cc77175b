package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageTimerTest {
  @Test
  void stagesAreTimedInOrderAndStagesOfOneNameAddUp() throws Exception {
    StageTimer timer = new StageTimer();
    timer.run("normalise", () -> sleep(20));
    assertEquals("x", timer.time("corenlp", () -> "x"));
    timer.run("normalise", () -> sleep(20));
    Map<String, Double> seconds = timer.seconds();
    assertEquals(List.of("normalise", "corenlp"), List.copyOf(seconds.keySet()));
    assertTrue(seconds.get("normalise") >= 0.04, "both runs count: " + seconds);
    seconds.put("corenlp", 99.0);
    assertTrue(timer.seconds().get("corenlp") < 99, "callers get a copy");
  }

  @Test
  void aStageThatFailsIsStillTimedAndItsErrorPassedOn() {
    StageTimer timer = new StageTimer();
    assertThrows(
        IllegalStateException.class,
        () ->
            timer.run(
                "themes",
                () -> {
                  throw new IllegalStateException("boom");
                }));
    assertTrue(timer.seconds().containsKey("themes"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
