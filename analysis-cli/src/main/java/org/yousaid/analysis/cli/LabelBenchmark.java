package org.yousaid.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.represent.SentenceEmbedder;

/**
 * Whether a theme's label speaks for its members (issue 12): the whole engine on samples of
 * people-coded answers (the discovery benchmark's draws), and per theme (not "other", not
 * sub-themes): size, purity (share of members in the theme's commonest coder category), label
 * coverage ({@link LabelCoverage#covers}: share of members whose text has every content word of the
 * label) and label fit (share of members whose nearest label, by sentence embedding, is their own
 * theme's). Coverage is the measure the issue asks about ("a theme labelled Review where only 4 of
 * 12 answers mention reviews"); it undercounts synonyms, which the fit does not.
 */
final class LabelBenchmark {
  private LabelBenchmark() {}

  static Callable<Object> parse(Args a) {
    Path data =
        Path.of(a.get("data-dir", System.getenv().getOrDefault("YOUSAID_DATA_DIR", "/work/data")));
    Path cache = a.get("cache", null) == null ? null : Path.of(a.get("cache", null));
    String split = a.get("split", "dev");
    int[] sizes = Benchmarks.sizes(a, "30,60,100");
    int draws = Integer.parseInt(a.get("draws", "6"));
    boolean show = a.flag("show-labels");
    int perturbations = Integer.parseInt(a.get("perturbations", "2"));
    return () -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      LabelShape shape = new LabelShape();
      try (SentenceEmbedder embedder = new SentenceEmbedder();
          ThemingEngine engine = new ThemingEngine().cachingEmbeddings()) {
        PreparedCorpus corpus =
            DiscoveryBenchmark.load("pxt", split, data, "label", embedder, cache);
        for (int size : sizes)
          for (int d = 0; d < draws; d++) {
            int[] sample = DiscoveryBenchmark.draw(corpus, size, 1000L * size + d);
            List<Answer> answers = new ArrayList<>();
            Map<String, Integer> rowOf = new HashMap<>();
            for (int r : sample) {
              answers.add(new Answer("r" + r, corpus.texts.get(r)));
              rowOf.put("r" + r, r);
            }
            ThemeResult result = engine.theme(answers, ThemeOptions.defaults());
            List<Theme> themes = result.themes().stream().filter(t -> !t.other()).toList();
            double[] kept = labelsKept(engine, corpus, sample, answers, themes, perturbations, d);
            float[][] labelVectors = embedder.embed(themes.stream().map(Theme::label).toList());
            for (int t = 0; t < themes.size(); t++) {
              Theme theme = themes.get(t);
              Map<String, Integer> categories = new HashMap<>();
              int covered = 0, fits = 0;
              List<String> labelWords = LabelCoverage.contentStems(theme.label());
              for (String id : theme.memberIds()) {
                int r = rowOf.get(id);
                categories.merge(corpus.labels.get(r), 1, Integer::sum);
                if (LabelCoverage.covers(labelWords, corpus.texts.get(r))) covered++;
                if (nearest(corpus.embeddings[r], labelVectors) == t) fits++;
              }
              int n = theme.memberIds().size();
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("answers", sample.length);
              row.put("draw", d);
              row.put("themes", themes.size());
              row.put("subThemes", result.subThemes().size());
              row.put("size", n);
              row.put("purity", round(max(categories) / (double) n));
              row.put("coverage", round(covered / (double) n));
              row.put("fit", round(fits / (double) n));
              row.put("labelKept", kept[t]);
              row.put("coherence", round(coherence(theme.memberIds(), rowOf, corpus)));
              row.put("shape", shape.of(theme.label()));
              if (show) {
                row.put("label", theme.label());
                row.put("description", theme.description());
              }
              rows.add(row);
            }
          }
      }
      System.err.println(summary(rows));
      System.err.println(LabelShape.summary(rows));
      return rows;
    };
  }

  /**
   * Per theme, the share of ±1 runs (one answer added or deleted, themed afresh: a re-run keeps its
   * labels by design) in which the theme that shares most of its answers reads the same ({@link
   * LabelCoverage#reading}).
   */
  static double[] labelsKept(
      ThemingEngine engine,
      PreparedCorpus corpus,
      int[] sample,
      List<Answer> answers,
      List<Theme> themes,
      int perturbations,
      int draw) {
    double[] kept = new double[themes.size()];
    if (perturbations == 0) return kept;
    SplittableRandom r = new SplittableRandom(draw * 7919L + sample.length);
    Set<Integer> inSample = new HashSet<>();
    for (int x : sample) inSample.add(x);
    for (int p = 0; p < perturbations; p++) {
      List<Answer> other = new ArrayList<>(answers);
      if (p % 2 == 0) {
        int extra;
        do extra = r.nextInt(corpus.size());
        while (inSample.contains(extra) || !corpus.themable[extra]);
        other.add(new Answer("r" + extra, corpus.texts.get(extra)));
      } else other.remove(r.nextInt(other.size()));
      List<Theme> again =
          engine.theme(other, ThemeOptions.defaults()).themes().stream()
              .filter(t -> !t.other())
              .toList();
      for (int t = 0; t < themes.size(); t++) {
        Set<String> mine = new HashSet<>(themes.get(t).memberIds());
        Theme match = null;
        long best = 0;
        for (Theme a : again) {
          long shared = a.memberIds().stream().filter(mine::contains).count();
          if (shared > best) {
            best = shared;
            match = a;
          }
        }
        if (match != null
            && LabelCoverage.reading(match.label())
                .equals(LabelCoverage.reading(themes.get(t).label()))) kept[t] += 1.0;
      }
    }
    for (int t = 0; t < kept.length; t++) kept[t] = round(kept[t] / perturbations);
    return kept;
  }

  /** Mean cosine of the members' embeddings with their mean direction: how tight the theme is. */
  static double coherence(List<String> ids, Map<String, Integer> rowOf, PreparedCorpus corpus) {
    float[] first = corpus.embeddings[rowOf.get(ids.get(0))];
    double[] centre = new double[first.length];
    for (String id : ids) {
      float[] v = corpus.embeddings[rowOf.get(id)];
      for (int i = 0; i < v.length; i++) centre[i] += v[i];
    }
    double norm = 0;
    for (double c : centre) norm += c * c;
    norm = Math.sqrt(norm);
    double sum = 0;
    for (String id : ids) {
      float[] v = corpus.embeddings[rowOf.get(id)];
      double dot = 0;
      for (int i = 0; i < v.length; i++) dot += v[i] * centre[i];
      sum += dot / norm;
    }
    return sum / ids.size();
  }

  private static int nearest(float[] v, float[][] labels) {
    int best = -1;
    double bestSim = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < labels.length; t++) {
      double s = 0;
      for (int i = 0; i < v.length; i++) s += v[i] * labels[t][i];
      if (s > bestSim) {
        bestSim = s;
        best = t;
      }
    }
    return best;
  }

  private static int max(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /**
   * Per sample size: themes, mean purity, coverage and fit per theme, the share of themes under 50%
   * coverage / fit, and the share of themed answers whose label covers them.
   */
  static String summary(List<Map<String, Object>> rows) {
    Map<Object, List<Map<String, Object>>> bySize = new LinkedHashMap<>();
    for (Map<String, Object> r : rows)
      bySize.computeIfAbsent(r.get("answers"), x -> new ArrayList<>()).add(r);
    StringBuilder out =
        new StringBuilder(
            "| answers | themes (all draws) | mean purity | mean coverage | themes under 50%"
                + " coverage | answers covered | mean fit | themes under 50% fit | ±1 fresh: label kept |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<Object, List<Map<String, Object>>> e : bySize.entrySet()) {
      List<Map<String, Object>> g = e.getValue();
      double members = g.stream().mapToDouble(r -> num(r, "size")).sum();
      double covered = g.stream().mapToDouble(r -> num(r, "size") * num(r, "coverage")).sum();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.2f | %.2f | %.0f%% | %.0f%% | %.2f | %.0f%% | %.2f |%n",
              e.getKey(),
              g.size(),
              mean(g, "purity"),
              mean(g, "coverage"),
              100 * under(g, "coverage"),
              100 * covered / members,
              mean(g, "fit"),
              100 * under(g, "fit"),
              mean(g, "labelKept")));
    }
    return out.toString();
  }

  private static double num(Map<String, Object> r, String key) {
    return ((Number) r.get(key)).doubleValue();
  }

  private static double mean(List<Map<String, Object>> g, String key) {
    return g.stream().mapToDouble(r -> num(r, key)).average().orElse(0);
  }

  private static double under(List<Map<String, Object>> g, String key) {
    return g.stream().filter(r -> num(r, key) < 0.5).count() / (double) Math.max(1, g.size());
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
