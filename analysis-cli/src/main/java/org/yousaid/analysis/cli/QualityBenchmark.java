package org.yousaid.analysis.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemingEngine;

/**
 * Theme quality on public labelled short-text sets: StackOverflow-20 (20,000 titles, 20 tags) and
 * Banking77 (test split, 3,080 queries, 77 intents). For each: a TF-IDF + k-means baseline (same
 * lemmas, same k-means, no embedding), ours with the true k, and ours with k chosen automatically;
 * over several seeds.
 */
final class QualityBenchmark {
  private QualityBenchmark() {}

  record Dataset(String name, List<Answer> answers, List<String> labels) {}

  /**
   * Which rows to run for each set and seed.
   *
   * @param trueK the TF-IDF baseline and ours with the true number of themes
   * @param auto ours with k chosen automatically
   * @param otherKs ours at these fixed k as well (how much a wrong k costs)
   */
  record Rows(boolean trueK, boolean auto, List<Integer> otherKs) {}

  /**
   * @param engine the engine settings for every row (the baseline's embedding weight is always 0)
   */
  static List<Map<String, Object>> run(
      Path dataDir, long[] seeds, List<String> only, Rows rows, ThemeOptions engine)
      throws Exception {
    List<Dataset> sets = new ArrayList<>();
    if (only.contains("so20")) sets.add(stackOverflow(dataDir.resolve("so20")));
    if (only.contains("banking77")) sets.add(banking77(dataDir.resolve("banking77")));
    List<Map<String, Object>> out = new ArrayList<>();
    ThemeOptions themingOnly = engine.themingOnly();
    try (ThemingEngine baseline = new ThemingEngine();
        ThemingEngine ours = new ThemingEngine().cachingEmbeddings()) {
      for (Dataset d : sets) {
        int trueK = (int) d.labels().stream().distinct().count();
        for (long seed : seeds) {
          ThemeOptions fixed = themingOnly.withK(trueK).withSeed(seed);
          if (rows.trueK()) {
            out.add(
                row(
                    d,
                    "tfidf-kmeans",
                    "true",
                    seed,
                    Main.evaluate(
                        baseline, d.answers(), d.labels(), fixed.withEmbeddingWeight(0.0))));
            out.add(
                row(d, "ours", "true", seed, Main.evaluate(ours, d.answers(), d.labels(), fixed)));
          }
          for (int k : rows.otherKs()) {
            ThemeOptions at = themingOnly.withK(k).withSeed(seed);
            out.add(
                row(
                    d,
                    "ours",
                    String.valueOf(k),
                    seed,
                    Main.evaluate(ours, d.answers(), d.labels(), at)));
          }
          if (!rows.auto()) continue;
          ThemeOptions auto = themingOnly.withMaxK(150).withSeed(seed);
          out.add(row(d, "ours", "auto", seed, Main.evaluate(ours, d.answers(), d.labels(), auto)));
        }
      }
    }
    return out;
  }

  private static Map<String, Object> row(
      Dataset d, String method, String k, long seed, Map<String, Object> scores) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("dataset", d.name());
    row.put("method", method);
    row.put("k", k);
    row.put("seed", seed);
    row.putAll(scores);
    row.remove("stageSeconds");
    System.err.println(row);
    return row;
  }

  static Dataset stackOverflow(Path dir) throws Exception {
    List<String> titles =
        Files.readAllLines(
            dir.resolve("title_StackOverflow.txt"), java.nio.charset.StandardCharsets.ISO_8859_1);
    List<String> labels = Files.readAllLines(dir.resolve("label_StackOverflow.txt"));
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++)
      answers.add(new Answer(String.valueOf(i), titles.get(i)));
    return new Dataset(
        "StackOverflow-20",
        answers,
        labels.subList(0, titles.size()).stream().map(String::strip).toList());
  }

  static Dataset banking77(Path dir) throws Exception {
    List<List<String>> rows = CsvTable.read(dir.resolve("test.csv"), "text", "category");
    List<Answer> answers = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      answers.add(new Answer(String.valueOf(i), rows.get(i).get(0)));
      labels.add(rows.get(i).get(1));
    }
    return new Dataset("Banking77-test", answers, labels);
  }
}
