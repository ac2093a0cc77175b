package org.yousaid.analysis.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time per named stage, in the order stages first ran; stages timed under the same name add up
 * (the language check counts as part of "normalise", as it always has in the benchmarks).
 */
public final class StageTimer {
  private final Map<String, Double> seconds = new LinkedHashMap<>();

  public void run(String stage, Runnable work) {
    time(
        stage,
        () -> {
          work.run();
          return null;
        });
  }

  public <T> T time(String stage, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      seconds.merge(stage, (System.nanoTime() - start) / 1e9, Double::sum);
    }
  }

  /** Adds time measured elsewhere, for a stage whose name is known only once it is done. */
  public void add(String stage, double secondsTaken) {
    seconds.merge(stage, secondsTaken, Double::sum);
  }

  /** Seconds per stage so far (a copy). */
  public Map<String, Double> seconds() {
    return new LinkedHashMap<>(seconds);
  }
}
