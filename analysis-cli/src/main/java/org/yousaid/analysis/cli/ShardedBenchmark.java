package org.yousaid.analysis.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.sharded.DirectoryObjectStore;
import org.yousaid.analysis.sharded.ShardExecutor;
import org.yousaid.analysis.sharded.ShardLayout;
import org.yousaid.analysis.sharded.ShardReducer;
import org.yousaid.analysis.sharded.ShardWorker;
import org.yousaid.analysis.sharded.ShardedTheming;

/**
 * The sharded path end to end in this process, as local mode runs it: {@link VariedAnswers} written
 * as shards to a folder, each shard's per-answer work in turn (the Distributed Map's children),
 * then the reduce. Per size: wall time, the write, map and reduce parts, each shard's seconds, the
 * peak heap and the peak resident set (Linux's VmHWM, reset before each size). With {@code
 * --baseline N}, sizes up to N are also themed by {@code ThemingEngine.theme} over the whole list
 * (the path below the sharding threshold), and the two runs' themes compared ({@link
 * ThemeAgreement}).
 */
final class ShardedBenchmark {
  private ShardedBenchmark() {}

  static List<Map<String, Object>> run(
      int[] sizes,
      long seed,
      Path datasets,
      Path workDir,
      int shardSize,
      int sampleSize,
      int baselineUpTo,
      ThemeOptions options)
      throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    Files.createDirectories(workDir);
    long t0 = System.nanoTime();
    try (ThemingEngine engine = new ThemingEngine()) {
      engine.theme(
          List.of(new Answer("warm", "Loading the models: transport to respite matters.")),
          options);
      double load = (System.nanoTime() - t0) / 1e9;
      for (int size : sizes) {
        VariedAnswers answers = new VariedAnswers(size, seed, datasets);
        ShardedTheming sharded =
            new ShardedTheming(
                engine,
                new DirectoryObjectStore(workDir),
                shardSize,
                new ShardReducer(engine, sampleSize),
                new ShardExecutor(ShardExecutor.RetryPolicy.defaults(), 0, 1));
        long sizeStart = System.nanoTime();
        sharded.onShardDone(
            s ->
                System.err.printf(
                    java.util.Locale.ROOT,
                    "shard %d: %d answers in %.1f s (%.0f s since start, load %.1f, heap used %d MiB)%n",
                    s.shard(),
                    s.answers(),
                    s.seconds(),
                    (System.nanoTime() - sizeStart) / 1e9,
                    loadAverage(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory())
                        / (1024 * 1024)));
        resetPeaks();
        long start = System.nanoTime();
        ShardedTheming.Run run =
            sharded.theme(
                ShardLayout.forRun("bench", "sharded", "q", "n" + size), answers, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("path", "sharded");
        row.put("answers", size);
        row.put("seconds", Main.round(seconds));
        row.put("answers_per_second", Main.round(size / seconds));
        row.put("themes", run.reduced().result().chosenK());
        row.put("sampled", run.reduced().sampled());
        row.put("write_seconds", Main.round(run.writeSeconds()));
        row.put("map_seconds", Main.round(run.mapSeconds()));
        row.put("reduce_seconds", Main.round(run.reduceSeconds()));
        row.put("reduce_stage_seconds", run.reduced().result().stageSeconds());
        double[] shardSeconds =
            run.shardStats().stream()
                .mapToDouble(ShardWorker.ShardStats::seconds)
                .sorted()
                .toArray();
        row.put("shards", shardSeconds.length);
        row.put("shard_seconds_mean", Main.round(Arrays.stream(shardSeconds).average().orElse(0)));
        row.put("shard_seconds_p50", Main.round(quantile(shardSeconds, 0.5)));
        row.put("shard_seconds_p90", Main.round(quantile(shardSeconds, 0.9)));
        row.put("shard_seconds_max", Main.round(quantile(shardSeconds, 1.0)));
        row.put("peak_heap_mib", peakHeapMiB());
        row.put("peak_rss_mib", peakRssMiB());
        row.put("max_heap_mib", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        row.put("model_load_seconds", Main.round(load));
        row.put("load_average_at_end", loadAverage());
        ThemeResult shardedResult = run.reduced().result();
        run = null;
        if (size <= baselineUpTo) {
          List<Answer> all = answers.toList();
          resetPeaks();
          long b0 = System.nanoTime();
          ThemeResult whole;
          try {
            whole = engine.theme(all, options);
          } catch (OutOfMemoryError e) {
            // the in-process path needs every answer's work at once: record that it did not fit
            all = null;
            row.put(
                "baseline_in_process",
                Map.of(
                    "out_of_memory_after_seconds",
                    Main.round((System.nanoTime() - b0) / 1e9),
                    "max_heap_mib",
                    Runtime.getRuntime().maxMemory() / (1024 * 1024)));
            out.add(row);
            System.err.println(Main.JSON.valueToTree(row));
            continue;
          }
          double baseline = (System.nanoTime() - b0) / 1e9;
          Map<String, Object> base = new LinkedHashMap<>();
          base.put("seconds", Main.round(baseline));
          base.put("themes", whole.chosenK());
          base.put("peak_heap_mib", peakHeapMiB());
          base.put("peak_rss_mib", peakRssMiB());
          base.put("stage_seconds", whole.stageSeconds());
          ThemeAgreement agreement = ThemeAgreement.of(shardedResult, whole);
          base.put("agreement_adjusted_rand", Main.round(agreement.adjustedRand()));
          base.put("agreement_matched_share", Main.round(agreement.matched()));
          base.put("load_average_at_end", loadAverage());
          row.put("baseline_in_process", base);
        }
        out.add(row);
        System.err.println(Main.JSON.valueToTree(row));
      }
    }
    return out;
  }

  private static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) return 0;
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    try {
      // Linux: "5" resets the peak resident set size (VmHWM) to the current size
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // not Linux, or not allowed: the peak then counts from the process's start
    }
  }

  private static long peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
      if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
    return peak / (1024 * 1024);
  }

  /** Peak resident set of this process (VmHWM), or -1 where /proc is not there. */
  private static long peakRssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status")))
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }
}
