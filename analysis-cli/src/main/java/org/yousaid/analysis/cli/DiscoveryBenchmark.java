package org.yousaid.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.eval.ClusteringMetrics;
import org.yousaid.analysis.eval.CodeframeBenchmark;
import org.yousaid.analysis.nlp.CoreNlpAnnotator;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.theme.AutoKOptions;
import org.yousaid.analysis.theme.ConsensusClustering;
import org.yousaid.analysis.theme.IdenticalAnswers;
import org.yousaid.analysis.theme.SphericalKMeans;
import org.yousaid.analysis.theme.ThemeContinuity;
import org.yousaid.analysis.theme.ThemeCountChooser;
import org.yousaid.analysis.theme.ThemeDiscovery;

/**
 * Theme discovery on samples of people-coded answers (issue 12): for each sample size, several
 * fixed-seed draws; for each method, quality with the coders' number of themes and with the
 * automatic one (NMI, ACC, ARI; the count chosen against the coders'), and stability: the count and
 * the themes after adding or deleting one answer (ARI and the share of answers kept in the same
 * theme, on the answers both runs share), and across k-means seeds.
 *
 * <p>Methods: {@code tfidf-kmeans} (lemma TF-IDF only, bagged-silhouette count, k-means: the
 * baseline), {@code kmeans-silhouette} (the engine before issue 12: embedding + TF-IDF,
 * bagged-silhouette count, spherical k-means) and {@code consensus} ({@link ThemeDiscovery}, what
 * the engine now does up to {@link ThemeDiscovery#LIMIT} answers).
 *
 * <p>On pxt, {@code --split dev} (default) draws from the half of the distinct texts settings were
 * tuned on, {@code --split test} from the held-out half (the same halves as the codeframe
 * benchmark).
 */
final class DiscoveryBenchmark {
  private DiscoveryBenchmark() {}

  /** The consensus method's merge ratio (--merge-ratio): set once before a run. */
  private static double mergeRatio = ThemeDiscovery.DEFAULT_MERGE_RATIO;

  private static double stayMargin = ThemeContinuity.STAY_MARGIN;
  private static int minThemeSize = ThemeDiscovery.MIN_THEME_SIZE;

  private static final double EMBEDDING_WEIGHT = ThemingEngine.DEFAULT_EMBEDDING_WEIGHT;

  /** The engine's embedding weight, for the sub-theme benchmark. */
  static final double EMBEDDING_WEIGHT_FOR_BENCH = EMBEDDING_WEIGHT;

  static final List<String> METHODS =
      List.of(
          "tfidf-kmeans", "kmeans-silhouette", "kmeans-readable", "consensus", "consensus-rerun");

  /** Reads every option first (so a mistyped one fails before the run), then runs. */
  static java.util.concurrent.Callable<Object> parse(Args a) {
    Path data =
        Path.of(a.get("data-dir", System.getenv().getOrDefault("YOUSAID_DATA_DIR", "/work/data")));
    Path cache = a.get("cache", null) == null ? null : Path.of(a.get("cache", null));
    String set = a.get("set", "pxt");
    String split = a.get("split", "dev");
    int[] sizes = Benchmarks.sizes(a, "30,100,300,2000");
    int draws = Integer.parseInt(a.get("draws", "5"));
    int bigDraws = Integer.parseInt(a.get("big-draws", "3"));
    int maxK = Integer.parseInt(a.get("max-k", "30"));
    int perturbations = Integer.parseInt(a.get("perturbations", "4"));
    List<String> methods = List.of(a.get("methods", String.join(",", METHODS)).split(","));
    boolean stability = !a.flag("no-stability");
    String label = a.get("label", "label");
    double ratio =
        Double.parseDouble(
            a.get("merge-ratio", String.valueOf(ThemeDiscovery.DEFAULT_MERGE_RATIO)));
    double margin =
        Double.parseDouble(a.get("stay-margin", String.valueOf(ThemeContinuity.STAY_MARGIN)));
    int smallest =
        Integer.parseInt(a.get("min-theme-size", String.valueOf(ThemeDiscovery.MIN_THEME_SIZE)));
    return () -> {
      mergeRatio = ratio;
      stayMargin = margin;
      minThemeSize = smallest;
      PreparedCorpus corpus;
      try (SentenceEmbedder embedder = new SentenceEmbedder()) {
        corpus = load(set, split, data, label, embedder, cache);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int size : sizes) {
        int drawsHere = size >= 1000 ? bigDraws : draws;
        for (int d = 0; d < drawsHere; d++) {
          int[] sample = draw(corpus, size, 1000L * size + d);
          int[] truth = corpus.truth(sample);
          int codersK = (int) Arrays.stream(truth).distinct().count();
          for (String method : methods) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("set", corpus.name);
            row.put("answers", sample.length);
            row.put("draw", d);
            row.put("method", method);
            row.put("codersK", codersK);
            long t0 = System.nanoTime();
            Run given = theme(corpus, sample, method, codersK, maxK, 1);
            Run auto = theme(corpus, sample, method, null, maxK, 1);
            row.put("seconds", round((System.nanoTime() - t0) / 2e9));
            ClusteringMetrics.Scores g = ClusteringMetrics.score(truth, given.labels);
            ClusteringMetrics.Scores s = ClusteringMetrics.score(truth, auto.labels);
            row.put("givenNmi", round(g.nmi()));
            row.put("givenAcc", round(g.acc()));
            row.put("autoK", auto.k);
            row.put("autoNmi", round(s.nmi()));
            row.put("autoAcc", round(s.acc()));
            row.put("autoAri", round(s.ari()));
            if (stability) stability(corpus, sample, method, maxK, auto, perturbations, d, row);
            System.err.println(row);
            rows.add(row);
          }
        }
      }
      System.err.println(summary(rows));
      return rows;
    };
  }

  /** A theming of a sample: a label per row (non-answers -1, "other" -2) and the theme count. */
  record Run(int[] labels, int k) {}

  static Run theme(
      PreparedCorpus corpus, int[] rows, String method, Integer k, int maxK, long seed) {
    return theme(corpus, rows, method, k, maxK, seed, null);
  }

  /**
   * @param earlier for consensus-rerun's ±1 runs, the run before the change (its rows' themes are
   *     continued, as the worker does when an officer finds themes again); null for a fresh run
   */
  static Run theme(
      PreparedCorpus corpus,
      int[] rows,
      String method,
      Integer k,
      int maxK,
      long seed,
      Earlier earlier) {
    PreparedCorpus.Sample s =
        corpus.sample(rows, method.equals("tfidf-kmeans") ? 0.0 : EMBEDDING_WEIGHT);
    int[] items = s.items();
    int[] labels = new int[rows.length];
    Arrays.fill(labels, -1);
    if (items.length == 0) return new Run(labels, 0);
    int themes;
    if (method.startsWith("consensus")) {
      // as the engine: identical texts are clustered once, copies follow their first
      IdenticalAnswers identical =
          IdenticalAnswers.of(
              Arrays.stream(items).mapToObj(i -> corpus.texts.get(rows[i])).toList());
      int[] unique = Arrays.stream(identical.first()).map(j -> items[j]).toArray();
      long[] keys = Arrays.stream(unique).mapToLong(i -> rows[i]).toArray();
      int[] before = null;
      if (earlier != null) {
        Map<Integer, Integer> themeOfRow = new HashMap<>();
        for (int i = 0; i < earlier.rows().length; i++)
          if (earlier.run().labels[i] >= 0)
            themeOfRow.put(earlier.rows()[i], earlier.run().labels[i]);
        before = Arrays.stream(unique).map(i -> themeOfRow.getOrDefault(rows[i], -1)).toArray();
      }
      ThemeDiscovery.Themes t =
          new ThemeDiscovery(new ConsensusClustering(), mergeRatio, stayMargin)
              .withMinThemeSize(minThemeSize)
              .discover(
                  s.space(),
                  unique,
                  keys,
                  identical.copies(),
                  new ThemeDiscovery.Options(k, maxK, false, AutoKOptions.defaults()),
                  before);
      for (int x = 0; x < items.length; x++)
        labels[items[x]] = t.theme()[identical.representative()[x]];
      themes = t.k();
    } else {
      themes =
          kmeansThemes(s.space(), items, k, maxK, seed, labels, method.equals("kmeans-readable"));
    }
    return new Run(labels, themes);
  }

  /**
   * The engine's discovery before issue 12: bagged-silhouette count (unless given), spherical
   * k-means with 6 restarts, clusters smaller than max(2, n/500) (2 with a given k) to "other".
   */
  static int kmeansThemes(
      ThemeSpace space, int[] items, Integer k, int maxK, long seed, int[] labels) {
    return kmeansThemes(space, items, k, maxK, seed, labels, false);
  }

  /**
   * @param readable the count as the engine's k-means above 2,000 answers now chooses it ({@link
   *     ThemeDiscovery#automaticCount}, "kmeans-readable") instead of the silhouette's best
   */
  static int kmeansThemes(
      ThemeSpace space,
      int[] items,
      Integer k,
      int maxK,
      long seed,
      int[] labels,
      boolean readable) {
    int wanted =
        k != null
            ? k
            : items.length < 4
                ? 1
                : readable
                    ? ThemeDiscovery.automaticCount(
                        space, items, items.length, maxK, AutoKOptions.defaults())
                    : new ThemeCountChooser(AutoKOptions.defaults(), maxK, seed)
                        .choose(space, items)
                        .k();
    SphericalKMeans.Clustering c =
        new SphericalKMeans(items.length > 5000 ? 3 : 6, 50, seed)
            .cluster(space, items, Math.max(1, Math.min(wanted, items.length)));
    if (readable && k == null) {
      // as the engine: indistinct themes merged
      int[] merged = ThemeDiscovery.mergeIndistinct(space, items, c.assignment());
      int mk = Arrays.stream(merged).max().orElse(-1) + 1;
      c = new SphericalKMeans.Clustering(mk, merged, null, c.objective());
    }
    int[] sizes = new int[c.k()];
    for (int x : c.assignment()) sizes[x]++;
    int minSize = k != null ? 2 : Math.max(2, items.length / 500);
    int themes = 0;
    for (int size : sizes) if (size >= minSize) themes++;
    for (int x = 0; x < items.length; x++)
      labels[items[x]] = sizes[c.assignment()[x]] < minSize ? -2 : c.assignment()[x];
    return themes;
  }

  /** A run and the rows it themed. */
  record Earlier(int[] rows, Run run) {}

  /** ±1 answer and other seeds, in the automatic mode. */
  private static void stability(
      PreparedCorpus corpus,
      int[] rows,
      String method,
      int maxK,
      Run base,
      int perturbations,
      long draw,
      Map<String, Object> row) {
    SplittableRandom r = new SplittableRandom(draw * 7919 + rows.length);
    List<Integer> countChange = new ArrayList<>();
    List<Double> aris = new ArrayList<>(), kept = new ArrayList<>(), nmis = new ArrayList<>();
    for (int p = 0; p < perturbations; p++) {
      int[] other;
      if (p % 2 == 0) {
        int extra;
        do extra = r.nextInt(corpus.size());
        while (contains(rows, extra) || !corpus.themable[extra]);
        other = Arrays.copyOf(rows, rows.length + 1);
        other[rows.length] = extra;
      } else {
        int drop;
        do drop = r.nextInt(rows.length);
        while (!corpus.themable[rows[drop]]);
        final int skip = drop;
        other = new int[rows.length - 1];
        for (int i = 0, j = 0; i < rows.length; i++) if (i != skip) other[j++] = rows[i];
      }
      Run changed =
          theme(
              corpus,
              other,
              method,
              null,
              maxK,
              1,
              method.equals("consensus-rerun") ? new Earlier(rows, base) : null);
      countChange.add(Math.abs(changed.k - base.k));
      // how close the re-run stays to the coders, as the first run's autoNmi
      nmis.add(ClusteringMetrics.score(corpus.truth(other), changed.labels).nmi());
      double[] agreement = agreement(rows, base.labels, other, changed.labels);
      aris.add(agreement[0]);
      kept.add(agreement[1]);
    }
    row.put("pm1CountChangeMax", countChange.stream().mapToInt(Integer::intValue).max().orElse(0));
    row.put("pm1AriMin", round(aris.stream().mapToDouble(x -> x).min().orElse(1)));
    row.put("pm1AriMean", round(aris.stream().mapToDouble(x -> x).average().orElse(1)));
    row.put("pm1NmiMean", round(nmis.stream().mapToDouble(x -> x).average().orElse(0)));
    row.put("pm1KeptMin", round(kept.stream().mapToDouble(x -> x).min().orElse(1)));
    row.put("pm1Aris", aris.stream().map(DiscoveryBenchmark::round).toList());
    List<Run> seeds = new ArrayList<>();
    seeds.add(base);
    for (long seed : new long[] {2, 3}) seeds.add(theme(corpus, rows, method, null, maxK, seed));
    double minAri = 1;
    int minK = Integer.MAX_VALUE, maxFound = 0;
    for (Run x : seeds) {
      minK = Math.min(minK, x.k);
      maxFound = Math.max(maxFound, x.k);
    }
    for (int i = 0; i < seeds.size(); i++)
      for (int j = i + 1; j < seeds.size(); j++)
        minAri =
            Math.min(minAri, agreement(rows, seeds.get(i).labels, rows, seeds.get(j).labels)[0]);
    row.put("seedsK", minK == maxFound ? String.valueOf(minK) : minK + "-" + maxFound);
    row.put("seedsAriMin", round(minAri));
  }

  /**
   * ARI and the share of answers kept in the same theme (after the best one-to-one matching of
   * themes), over the themed answers both runs share.
   */
  static double[] agreement(int[] rowsA, int[] labelsA, int[] rowsB, int[] labelsB) {
    Map<Integer, Integer> positionInB = new HashMap<>();
    for (int i = 0; i < rowsB.length; i++) positionInB.put(rowsB[i], i);
    List<Integer> x = new ArrayList<>(), y = new ArrayList<>();
    for (int i = 0; i < rowsA.length; i++) {
      Integer j = positionInB.get(rowsA[i]);
      if (j == null || labelsA[i] == -1 || labelsB[j] == -1) continue;
      x.add(labelsA[i]);
      y.add(labelsB[j]);
    }
    if (x.isEmpty()) return new double[] {1, 1};
    ClusteringMetrics.Scores s =
        ClusteringMetrics.score(
            x.stream().mapToInt(Integer::intValue).toArray(),
            y.stream().mapToInt(Integer::intValue).toArray());
    return new double[] {s.ari(), s.acc()};
  }

  /** Means per set, size and method, as a Markdown table. */
  static String summary(List<Map<String, Object>> rows) {
    Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (Map<String, Object> r : rows)
      groups
          .computeIfAbsent(
              r.get("set") + "|" + r.get("answers") + "|" + r.get("method"), x -> new ArrayList<>())
          .add(r);
    StringBuilder out =
        new StringBuilder(
            "| set | answers | method | draws | coders' k | given k NMI | given k ACC | auto k |"
                + " auto NMI | auto ACC | ±1: max count change | ±1: ARI min / mean | ±1: ARI p5 /"
                + " median, runs under 0.9 | ±1: kept min | seeds: k | seeds: ARI min | s/run"
                + " |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, List<Map<String, Object>>> e : groups.entrySet()) {
      List<Map<String, Object>> g = e.getValue();
      String[] key = e.getKey().split("\\|");
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %d | %.1f | %.3f | %.3f | %s | %.3f | %.3f | %s | %s / %s | %s | %s | %s | %s | %.1f |%n",
              key[0],
              key[1],
              key[2],
              g.size(),
              mean(g, "codersK"),
              mean(g, "givenNmi"),
              mean(g, "givenAcc"),
              list(g, "autoK"),
              mean(g, "autoNmi"),
              mean(g, "autoAcc"),
              g.get(0).containsKey("pm1CountChangeMax")
                  ? String.valueOf((int) max(g, "pm1CountChangeMax"))
                  : "-",
              g.get(0).containsKey("pm1AriMin")
                  ? String.format(Locale.ROOT, "%.2f", min(g, "pm1AriMin"))
                  : "-",
              g.get(0).containsKey("pm1AriMean")
                  ? String.format(Locale.ROOT, "%.2f", mean(g, "pm1AriMean"))
                  : "-",
              distribution(g),
              g.get(0).containsKey("pm1KeptMin")
                  ? String.format(Locale.ROOT, "%.2f", min(g, "pm1KeptMin"))
                  : "-",
              g.get(0).containsKey("seedsK") ? list(g, "seedsK") : "-",
              g.get(0).containsKey("seedsAriMin")
                  ? String.format(Locale.ROOT, "%.2f", min(g, "seedsAriMin"))
                  : "-",
              mean(g, "seconds")));
    }
    return out.toString();
  }

  /** Over every ±1 run of the group: the 5th percentile and median ARI, and how many fell short. */
  private static String distribution(List<Map<String, Object>> g) {
    List<Double> all = new ArrayList<>();
    for (Map<String, Object> r : g)
      if (r.get("pm1Aris") instanceof List<?> l)
        for (Object x : l) all.add(((Number) x).doubleValue());
    if (all.isEmpty()) return "-";
    Collections.sort(all);
    long under = all.stream().filter(x -> x < 0.9).count();
    return String.format(
        Locale.ROOT,
        "%.2f / %.2f, %d of %d",
        all.get(all.size() / 20),
        all.get(all.size() / 2),
        under,
        all.size());
  }

  private static double mean(List<Map<String, Object>> g, String key) {
    return g.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue()).average().orElse(0);
  }

  private static double min(List<Map<String, Object>> g, String key) {
    return g.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue()).min().orElse(0);
  }

  private static double max(List<Map<String, Object>> g, String key) {
    return g.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue()).max().orElse(0);
  }

  private static String list(List<Map<String, Object>> g, String key) {
    return String.join("/", g.stream().map(r -> String.valueOf(r.get(key))).toList());
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  private static boolean contains(int[] a, int x) {
    for (int v : a) if (v == x) return true;
    return false;
  }

  static PreparedCorpus load(
      String set,
      String split,
      Path dataDir,
      String labelColumn,
      SentenceEmbedder embedder,
      Path cache)
      throws Exception {
    List<String> texts = new ArrayList<>(), labels = new ArrayList<>();
    String name;
    switch (set) {
      case "pxt" -> {
        name = "pxt-phase1-" + labelColumn + "-" + split;
        List<List<String>> rows =
            CsvTable.read(dataDir.resolve("pxt-phase1/text_data.csv"), "feedback", labelColumn);
        Set<String> dev = devHalf(rows.stream().map(r -> r.get(0)).toList());
        for (List<String> r : rows) {
          if (r.get(0).isBlank()) continue;
          boolean inDev = dev.contains(r.get(0));
          if (split.equals("dev") != inDev && !split.equals("all")) continue;
          texts.add(r.get(0));
          labels.add(r.get(1));
        }
      }
      case "so20" -> {
        name = "so20";
        QualityBenchmark.Dataset d = QualityBenchmark.stackOverflow(dataDir.resolve("so20"));
        d.answers().stream().map(Answer::text).forEach(texts::add);
        labels.addAll(d.labels());
      }
      case "banking77" -> {
        name = "banking77";
        QualityBenchmark.Dataset d = QualityBenchmark.banking77(dataDir.resolve("banking77"));
        d.answers().stream().map(Answer::text).forEach(texts::add);
        labels.addAll(d.labels());
      }
      default -> throw new IllegalArgumentException("unknown set " + set);
    }
    return PreparedCorpus.prepare(
        name, texts, labels, new CoreNlpAnnotator(false), embedder, cache);
  }

  /**
   * The dev half of the distinct texts: the same fixed-seed halves as the codeframe benchmark, so
   * no setting is tuned on text either benchmark holds out.
   */
  static Set<String> devHalf(List<String> texts) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(texts));
    Collections.sort(distinct);
    Collections.shuffle(distinct, new Random(CodeframeBenchmark.SPLIT_SEED));
    return new HashSet<>(distinct.subList(0, distinct.size() / 2));
  }

  /** A sample of rows without replacement, the same for the same seed. */
  static int[] draw(PreparedCorpus corpus, int size, long seed) {
    int n = corpus.size();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) all[i] = i;
    SplittableRandom r = new SplittableRandom(seed);
    int take = Math.min(size, n);
    for (int i = 0; i < take; i++) {
      int j = i + r.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return Arrays.copyOf(all, take);
  }
}
