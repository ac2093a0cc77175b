package org.yousaid.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.yousaid.analysis.eval.ClusteringMetrics;
import org.yousaid.analysis.nlp.CoreNlpAnnotator;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.theme.AutoKOptions;
import org.yousaid.analysis.theme.ConsensusClustering;
import org.yousaid.analysis.theme.IdenticalAnswers;
import org.yousaid.analysis.theme.SphericalKMeans;
import org.yousaid.analysis.theme.SubThemeSplit;
import org.yousaid.analysis.theme.ThemeDiscovery;

/**
 * Two levels of themes against coders' two levels (issue 12 item 1): on pxt, whose coders gave each
 * answer a category and a subcategory, how themes agree with categories and sub-themes with
 * subcategories, and how sub-themes move when one answer is added or deleted.
 *
 * <p>Per draw and method: NMI of themes against categories; NMI of the leaves (sub-theme where
 * there is one, else theme) and of the themes alone against subcategories (the gain is what the
 * second level adds); within the themes that were split, NMI of sub-themes against subcategories on
 * the theme's answers (size-weighted); themes split, sub-themes, smallest sub-theme. Methods:
 * {@code ours} (the engine's discovery with {@link SubThemeSplit}), {@code split-all} (the same
 * themes, every theme of 10 answers or more cut in two by spherical k-means on the same space: is
 * the criterion better than always splitting?) and {@code tfidf} (lemma TF-IDF themes, k-means with
 * the bagged-silhouette count, each theme of 10 or more cut in two by k-means on TF-IDF: the
 * baseline). The label check of LabelThemes (distinct labels) is not run here. A ±1 run continues
 * the first run's themes, as the worker does ({@code ThemeContinuity}); the TF-IDF baseline is
 * found afresh (it has no continuation).
 */
final class SubThemeBenchmark {
  private SubThemeBenchmark() {}

  static final List<String> METHODS = List.of("ours", "split-all", "tfidf");

  static Callable<Object> parse(Args a) {
    Path data =
        Path.of(a.get("data-dir", System.getenv().getOrDefault("YOUSAID_DATA_DIR", "/work/data")));
    Path cache = a.get("cache", null) == null ? null : Path.of(a.get("cache", null));
    String split = a.get("split", "test");
    int[] sizes = Benchmarks.sizes(a, "100,300");
    int draws = Integer.parseInt(a.get("draws", "5"));
    int perturbations = Integer.parseInt(a.get("perturbations", "4"));
    // several values (comma-separated) add one "ours@separation/closeness" method per pair
    String[] separations =
        a.get("separation", String.valueOf(SubThemeSplit.MIN_SEPARATION)).split(",");
    String[] closenesses =
        a.get("closeness", String.valueOf(SubThemeSplit.MAX_CLOSENESS)).split(",");
    List<String> methods = new ArrayList<>();
    for (String m : a.get("methods", String.join(",", METHODS)).split(","))
      if (!m.equals("ours") || (separations.length == 1 && closenesses.length == 1)) methods.add(m);
      else
        for (String sep : separations)
          for (String clo : closenesses) methods.add("ours@" + sep + "/" + clo);
    return () -> {
      PreparedCorpus corpus;
      List<String> subcategories;
      try (SentenceEmbedder embedder = new SentenceEmbedder()) {
        List<List<String>> rows =
            CsvTable.read(
                data.resolve("pxt-phase1/text_data.csv"), "feedback", "label", "subcategory");
        Set<String> dev = DiscoveryBenchmark.devHalf(rows.stream().map(r -> r.get(0)).toList());
        List<String> texts = new ArrayList<>(), labels = new ArrayList<>();
        subcategories = new ArrayList<>();
        for (List<String> r : rows) {
          if (r.get(0).isBlank()) continue;
          if (split.equals("dev") != dev.contains(r.get(0)) && !split.equals("all")) continue;
          texts.add(r.get(0));
          labels.add(r.get(1));
          subcategories.add(r.get(1) + " / " + r.get(2));
        }
        // the same name as the discovery benchmark's corpus, so its embedding cache is reused
        corpus =
            PreparedCorpus.prepare(
                "pxt-phase1-label-" + split,
                texts,
                labels,
                new CoreNlpAnnotator(false),
                embedder,
                cache);
      }
      SubThemeSplit standard =
          new SubThemeSplit(
              new ConsensusClustering(),
              Double.parseDouble(separations[0]),
              Double.parseDouble(closenesses[0]));
      List<Map<String, Object>> out = new ArrayList<>();
      for (int size : sizes)
        for (int d = 0; d < draws; d++) {
          int[] rows = DiscoveryBenchmark.draw(corpus, size, 1000L * size + d);
          for (String method : methods) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("answers", rows.length);
            row.put("draw", d);
            row.put("method", method);
            long t0 = System.nanoTime();
            SubThemeSplit criterion = standard;
            if (method.startsWith("ours@")) {
              String[] v = method.substring(5).split("/");
              criterion =
                  new SubThemeSplit(
                      new ConsensusClustering(),
                      Double.parseDouble(v[0]),
                      Double.parseDouble(v[1]));
            }
            Levels l = levels(corpus, rows, method, criterion, null, null);
            row.put("seconds", round((System.nanoTime() - t0) / 1e9));
            score(corpus, subcategories, rows, l, row);
            stability(corpus, rows, method, criterion, l, perturbations, d, row);
            System.err.println(row);
            out.add(row);
          }
        }
      System.err.println(summary(out));
      return out;
    };
  }

  /** Per sample row: its theme and its sub-theme within it (-1 none); -1 theme = not themed. */
  record Levels(int[] theme, int[] sub, int themes) {
    int[] leaves() {
      int[] out = new int[theme.length];
      for (int i = 0; i < out.length; i++)
        out[i] = theme[i] < 0 ? -1 : theme[i] * 16 + Math.max(0, sub[i] + 1);
      return out;
    }
  }

  /**
   * @param earlierRows with {@code earlier}: the run before one answer was added or deleted, whose
   *     themes the new run continues as the worker does (sub-themes are found again in each theme)
   */
  static Levels levels(
      PreparedCorpus corpus,
      int[] rows,
      String method,
      SubThemeSplit criterion,
      int[] earlierRows,
      Levels earlier) {
    boolean tfidf = method.equals("tfidf");
    PreparedCorpus.Sample s =
        corpus.sample(rows, tfidf ? 0.0 : DiscoveryBenchmark.EMBEDDING_WEIGHT_FOR_BENCH);
    int[] items = s.items();
    int[] theme = new int[rows.length], sub = new int[rows.length];
    Arrays.fill(theme, -1);
    Arrays.fill(sub, -1);
    if (tfidf) {
      int k = DiscoveryBenchmark.kmeansThemes(s.space(), items, null, 30, 1, theme);
      for (int i = 0; i < theme.length; i++) if (theme[i] < -1) theme[i] = -1;
      splitAll(s.space(), items, theme, sub);
      return new Levels(theme, sub, k);
    }
    IdenticalAnswers identical =
        IdenticalAnswers.of(Arrays.stream(items).mapToObj(i -> corpus.texts.get(rows[i])).toList());
    int[] unique = Arrays.stream(identical.first()).map(j -> items[j]).toArray();
    long[] keys = Arrays.stream(unique).mapToLong(i -> rows[i]).toArray();
    int[] before = null;
    if (earlier != null) {
      Map<Integer, Integer> themeOfRow = new HashMap<>();
      for (int i = 0; i < earlierRows.length; i++)
        if (earlier.theme[i] >= 0) themeOfRow.put(earlierRows[i], earlier.theme[i]);
      before = Arrays.stream(unique).map(i -> themeOfRow.getOrDefault(rows[i], -1)).toArray();
    }
    ThemeDiscovery.Themes t =
        new ThemeDiscovery()
            .withSubThemeSplit(criterion)
            .discover(
                s.space(),
                unique,
                keys,
                identical.copies(),
                new ThemeDiscovery.Options(
                    null, 30, method.startsWith("ours"), AutoKOptions.defaults()),
                before);
    for (int x = 0; x < items.length; x++) {
      theme[items[x]] = t.theme()[identical.representative()[x]];
      sub[items[x]] = t.subTheme()[identical.representative()[x]];
    }
    if (method.equals("split-all")) splitAll(s.space(), items, theme, sub);
    return new Levels(theme, sub, t.k());
  }

  /** Every theme of 10 answers or more cut in two by spherical k-means (fixed seed). */
  private static void splitAll(ThemeSpace space, int[] items, int[] theme, int[] sub) {
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int i : items)
      if (theme[i] >= 0) members.computeIfAbsent(theme[i], x -> new ArrayList<>()).add(i);
    members.forEach(
        (t, m) -> {
          if (m.size() < SubThemeSplit.MIN_ANSWERS) return;
          int[] its = m.stream().mapToInt(Integer::intValue).toArray();
          SphericalKMeans.Clustering c = new SphericalKMeans(6, 50, 1).cluster(space, its, 2);
          for (int x = 0; x < its.length; x++) sub[its[x]] = c.assignment()[x];
        });
  }

  private static void score(
      PreparedCorpus corpus,
      List<String> subcategories,
      int[] rows,
      Levels l,
      Map<String, Object> row) {
    List<Integer> themed = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) if (l.theme[i] >= 0) themed.add(i);
    int[] cat = dense(themed.stream().map(i -> corpus.labels.get(rows[i])).toList());
    int[] subcat = dense(themed.stream().map(i -> subcategories.get(rows[i])).toList());
    int[] themes = themed.stream().mapToInt(i -> l.theme[i]).toArray();
    int[] leaves = themed.stream().mapToInt(i -> l.leaves()[i]).toArray();
    row.put("themes", l.themes);
    row.put("codersCategories", Arrays.stream(cat).distinct().count());
    row.put("codersSubcategories", Arrays.stream(subcat).distinct().count());
    row.put("themeNmiCategory", round(ClusteringMetrics.score(cat, themes).nmi()));
    row.put("themeNmiSubcategory", round(ClusteringMetrics.score(subcat, themes).nmi()));
    row.put("leafNmiSubcategory", round(ClusteringMetrics.score(subcat, leaves).nmi()));
    // within split themes
    Map<Integer, List<Integer>> byTheme = new LinkedHashMap<>();
    for (int j = 0; j < themed.size(); j++)
      byTheme.computeIfAbsent(themes[j], x -> new ArrayList<>()).add(j);
    double weighted = 0;
    int weight = 0, split = 0, subThemes = 0, smallest = Integer.MAX_VALUE;
    for (List<Integer> m : byTheme.values()) {
      int[] subs = m.stream().mapToInt(j -> l.sub[themed.get(j)]).toArray();
      if (Arrays.stream(subs).allMatch(x -> x < 0)) continue;
      split++;
      Map<Integer, Integer> sizes = new HashMap<>();
      for (int x : subs) sizes.merge(x, 1, Integer::sum);
      subThemes += sizes.size();
      smallest = Math.min(smallest, sizes.values().stream().min(Integer::compare).orElse(0));
      int[] truth = m.stream().mapToInt(j -> subcat[j]).toArray();
      weighted += m.size() * ClusteringMetrics.score(truth, subs).nmi();
      weight += m.size();
    }
    row.put("themesSplit", split);
    row.put("subThemes", subThemes);
    row.put("smallestSubTheme", split == 0 ? "-" : String.valueOf(smallest));
    row.put(
        "withinSplitNmiSubcategory", weight == 0 ? "-" : String.valueOf(round(weighted / weight)));
  }

  /** ±1 answer: the leaves of the changed run against the first, on the answers both have. */
  private static void stability(
      PreparedCorpus corpus,
      int[] rows,
      String method,
      SubThemeSplit criterion,
      Levels base,
      int perturbations,
      long draw,
      Map<String, Object> row) {
    SplittableRandom r = new SplittableRandom(draw * 7919 + rows.length);
    double minAri = 1, sum = 0, minWithin = 1;
    int maxSubChange = 0;
    Set<Integer> inRows = new LinkedHashSet<>();
    for (int x : rows) inRows.add(x);
    for (int p = 0; p < perturbations; p++) {
      int[] other;
      if (p % 2 == 0) {
        int extra;
        do extra = r.nextInt(corpus.size());
        while (inRows.contains(extra) || !corpus.themable[extra]);
        other = Arrays.copyOf(rows, rows.length + 1);
        other[rows.length] = extra;
      } else {
        int drop;
        do drop = r.nextInt(rows.length);
        while (!corpus.themable[rows[drop]]);
        final int skip = drop;
        other = IntStream.range(0, rows.length).filter(i -> i != skip).map(i -> rows[i]).toArray();
      }
      Levels changed =
          levels(corpus, other, method, criterion, rows, method.equals("tfidf") ? null : base);
      double ari = DiscoveryBenchmark.agreement(rows, base.leaves(), other, changed.leaves())[0];
      minAri = Math.min(minAri, ari);
      sum += ari;
      maxSubChange = Math.max(maxSubChange, Math.abs(subThemes(changed) - subThemes(base)));
    }
    row.put("pm1LeafAriMin", round(minAri));
    row.put("pm1LeafAriMean", round(sum / Math.max(1, perturbations)));
    row.put("pm1SubThemeCountChangeMax", maxSubChange);
  }

  private static int subThemes(Levels l) {
    Set<Integer> s = new java.util.HashSet<>();
    for (int i = 0; i < l.theme.length; i++) if (l.sub[i] >= 0) s.add(l.theme[i] * 16 + l.sub[i]);
    return s.size();
  }

  private static int[] dense(List<String> labels) {
    Map<String, Integer> ids = new HashMap<>();
    return labels.stream().mapToInt(x -> ids.computeIfAbsent(x, y -> ids.size())).toArray();
  }

  static String summary(List<Map<String, Object>> rows) {
    StringBuilder b =
        new StringBuilder(
            "| answers | method | draws | coders' categories / subcategories | themes | theme NMI vs"
                + " categories | themes NMI vs subcategories | leaves NMI vs subcategories | themes"
                + " split / sub-themes | within split themes NMI vs subcategories | smallest"
                + " sub-theme | ±1: leaf ARI min / mean | ±1: sub-theme count change max |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (Map<String, Object> r : rows)
      groups
          .computeIfAbsent(r.get("answers") + "|" + r.get("method"), x -> new ArrayList<>())
          .add(r);
    groups.forEach(
        (key, g) ->
            b.append(
                String.format(
                    java.util.Locale.ROOT,
                    "| %s | %s | %d | %.1f / %.1f | %s | %.3f | %.3f | %.3f | %s | %s | %s | %.2f / %.2f | %s |%n",
                    g.get(0).get("answers"),
                    g.get(0).get("method"),
                    g.size(),
                    mean(g, "codersCategories"),
                    mean(g, "codersSubcategories"),
                    list(g, "themes"),
                    mean(g, "themeNmiCategory"),
                    mean(g, "themeNmiSubcategory"),
                    mean(g, "leafNmiSubcategory"),
                    list(g, "themesSplit") + " / " + list(g, "subThemes"),
                    meanOrDash(g, "withinSplitNmiSubcategory"),
                    list(g, "smallestSubTheme"),
                    g.stream()
                        .mapToDouble(r -> ((Number) r.get("pm1LeafAriMin")).doubleValue())
                        .min()
                        .orElse(1),
                    mean(g, "pm1LeafAriMean"),
                    g.stream()
                        .mapToInt(r -> (Integer) r.get("pm1SubThemeCountChangeMax"))
                        .max()
                        .orElse(0))));
    return b.toString();
  }

  private static double mean(List<Map<String, Object>> g, String key) {
    return g.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue()).average().orElse(0);
  }

  private static String meanOrDash(List<Map<String, Object>> g, String key) {
    double[] v =
        g.stream()
            .map(r -> String.valueOf(r.get(key)))
            .filter(x -> !x.equals("-"))
            .mapToDouble(Double::parseDouble)
            .toArray();
    return v.length == 0
        ? "-"
        : String.format(
            java.util.Locale.ROOT,
            "%.3f (%d draws)",
            Arrays.stream(v).average().orElse(0),
            v.length);
  }

  private static String list(List<Map<String, Object>> g, String key) {
    return String.join("/", g.stream().map(r -> String.valueOf(r.get(key))).toList());
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
