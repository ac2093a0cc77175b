package org.yousaid.analysis.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.represent.EmbedderOptions;
import org.yousaid.analysis.represent.EmbeddingBatches;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.represent.Vectors;

/**
 * The embedder alone, once per way of batching, over the speed benchmark's generated answers
 * (distinct texts): CPU seconds of the process while embedding, and for a re-run after one answer
 * was added, edited or erased how many texts the model had to run on again to give every text the
 * vector a run without kept vectors gives (the rest are reused).
 */
final class EmbeddingBenchmark {
  private EmbeddingBenchmark() {}

  static List<Map<String, Object>> run(
      int[] sizes, long seed, EmbedderOptions base, List<EmbeddingBatches.Batching> ways) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int size : sizes) {
      List<String> texts =
          SpeedBenchmark.answers(size, seed).stream().map(Answer::text).distinct().toList();
      float[][] firstWay = null;
      for (EmbeddingBatches.Batching way : ways) {
        try (SentenceEmbedder embedder = new SentenceEmbedder(base.withBatching(way))) {
          embedder.embed(texts.subList(0, Math.min(200, texts.size()))); // JIT and ONNX warm-up
          long cpu = processCpuNanos(), wall = System.nanoTime();
          SentenceEmbedder.Embedding first = embedder.embed(texts, i -> null);
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("batching", way.name());
          row.put("texts", texts.size());
          row.put("cpu_seconds", Main.round((processCpuNanos() - cpu) / 1e9));
          row.put("wall_seconds", Main.round((System.nanoTime() - wall) / 1e9));
          row.put("batches", java.util.Arrays.stream(first.batches()).distinct().count());
          // how far the batching moves the vectors: cosine with the first batching's vector
          if (firstWay == null) firstWay = first.vectors();
          double min = 1, sum = 0;
          for (int i = 0; i < texts.size(); i++) {
            double c = Vectors.dot(firstWay[i], first.vectors()[i]);
            min = Math.min(min, c);
            sum += c;
          }
          row.put("cosine_to_first_batching_min", min);
          row.put("cosine_to_first_batching_mean", sum / texts.size());
          List<String> added = new ArrayList<>(texts);
          added.add("The transport to the respite unit was cancelled twice and nobody rang us.");
          row.put("rerun_added_computed", rerun(embedder, texts, first, added));
          List<String> edited = new ArrayList<>(texts);
          edited.set(10, texts.get(10) + " It is urgent.");
          row.put("rerun_edited_computed", rerun(embedder, texts, first, edited));
          List<String> erased = new ArrayList<>(texts);
          erased.remove(20);
          row.put("rerun_erased_computed", rerun(embedder, texts, first, erased));
          row.put(
              "load_average_at_end",
              ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
          System.err.println(Main.JSON.valueToTree(row));
          out.add(row);
        }
      }
    }
    return out;
  }

  /** Texts the model runs on when the earlier run's vectors are offered. */
  private static int rerun(
      SentenceEmbedder embedder,
      List<String> before,
      SentenceEmbedder.Embedding earlier,
      List<String> now) {
    Map<String, SentenceEmbedder.Embedded> kept = new java.util.HashMap<>();
    for (int i = 0; i < before.size(); i++)
      kept.put(
          before.get(i),
          new SentenceEmbedder.Embedded(
              earlier.vectors()[i], earlier.batches()[i], earlier.inputs()[i]));
    return embedder.embed(now, i -> kept.get(now.get(i))).computed();
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }
}
