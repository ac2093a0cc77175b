package org.yousaid.analysis.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.analysis.ThemingEngine;

/**
 * End-to-end time (NER + redaction + sentiment + auto-k themes + labels) for generated seed-like
 * answers at several sizes, with each stage's share and the JVM's peak heap. Model loading is timed
 * separately (once per process).
 */
final class SpeedBenchmark {
  private SpeedBenchmark() {}

  static List<Map<String, Object>> run(int[] sizes, long seed, ThemeOptions options) {
    List<Map<String, Object>> out = new ArrayList<>();
    long t0 = System.nanoTime();
    try (ThemingEngine engine = new ThemingEngine()) {
      engine.theme(
          List.of(new Answer("warm", "Loading the models: transport to respite matters.")),
          options);
      double load = (System.nanoTime() - t0) / 1e9;
      for (int size : sizes) {
        List<Answer> answers = answers(size, seed);
        long words = 0;
        for (Answer a : answers) words += a.text().split("\\s+").length;
        resetPeaks();
        long start = System.nanoTime();
        ThemeResult r = engine.theme(answers, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("answers", size);
        row.put("mean_words", Main.round((double) words / size));
        row.put("seconds", Main.round(seconds));
        row.put("answers_per_second", Main.round(size / seconds));
        row.put("themes", r.chosenK());
        row.put("peak_heap_mib", peakHeapMiB());
        Map<String, Object> share = new LinkedHashMap<>();
        r.stageSeconds().forEach((k, v) -> share.put(k, Main.round(v / seconds)));
        row.put("stage_seconds", r.stageSeconds());
        row.put("stage_share", share);
        row.put("model_load_seconds", Main.round(load));
        row.put("processors", Runtime.getRuntime().availableProcessors());
        row.put(
            "load_average_at_end",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.add(row);
        System.err.println(Main.JSON.valueToTree(row));
      }
    }
    return out;
  }

  /**
   * The benchmark's generated answers: about 5% carry personal data and 3% are campaign copies, as
   * in real consultations.
   */
  static List<Answer> answers(int size, long seed) {
    SyntheticAnswers gen = new SyntheticAnswers(seed);
    List<Answer> answers = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      SyntheticAnswers.Generated g = i % 20 == 0 ? gen.answerWithPersonalData() : gen.answer();
      answers.add(new Answer("a" + i, i % 33 == 0 ? CAMPAIGN : g.text()));
    }
    return answers;
  }

  static final String CAMPAIGN =
      "I object to the proposed cuts to short breaks because they will leave disabled children "
          + "and their families without the support they need to cope.";

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
  }

  private static long peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
    }
    return peak / (1024 * 1024);
  }
}
