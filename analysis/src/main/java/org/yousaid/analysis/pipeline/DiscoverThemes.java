package org.yousaid.analysis.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.theme.ConsensusClustering;
import org.yousaid.analysis.theme.IdenticalAnswers;
import org.yousaid.analysis.theme.SphericalKMeans;
import org.yousaid.analysis.theme.ThemeDiscovery;

/**
 * Stage 6: themes found in the answers. Up to {@link ThemeDiscovery#LIMIT} themable answers (a
 * council's question), {@link ThemeDiscovery}: consensus of Ward's clusterings over subsamples,
 * with a readable number of themes unless the officer gives one, which neither collapses to 2 nor
 * changes much when one answer is added or deleted (a re-run continues the previous run's themes),
 * and does not depend on the seed. Above that, where O(n²) would not fit the worker, the number of
 * themes is the officer's or the same automatic count ({@link ThemeDiscovery#automaticCount}) and
 * spherical k-means groups the answers; a re-run there with few new answers continues the earlier
 * themes from their centres ({@link #continues}). Each answer joins its theme and any other theme
 * it is (almost) as close to and typical of; clusters too small to be a theme go to "other".
 */
public final class DiscoverThemes {
  /** A second theme is added when the answer is (almost) as close to it as to its first theme. */
  public static final float SECOND_THEME_MARGIN = 0.03f;

  static final double CONFIDENCE_TEMPERATURE = 0.05;

  private final ThemeOptions options;

  /** Uses the options' fixed k (or maximum k and auto-k settings) and seed. */
  public DiscoverThemes(ThemeOptions options) {
    this.options = options;
  }

  public Grouping apply(List<AnswerRecord> records, ThemeSpace space) {
    int[] items = AnswerRecord.themableIndices(records);
    if (items.length == 0) return new Grouping(0, new float[0][], null);
    int[] assignment;
    float[][] centroids;
    if (items.length <= ThemeDiscovery.LIMIT) {
      // identical answers are clustered once: copies add weight to a theme, not new themes
      IdenticalAnswers identical =
          IdenticalAnswers.of(
              Arrays.stream(items).mapToObj(i -> records.get(i).publishedText()).toList());
      int[] representative = identical.representative();
      int[] unique = Arrays.stream(identical.first()).map(j -> items[j]).toArray();
      long[] keys = new long[unique.length];
      for (int u = 0; u < unique.length; u++) keys[u] = key(records.get(unique[u]).answer().id());
      ThemeDiscovery.Themes t =
          new ThemeDiscovery()
              .discover(
                  space,
                  unique,
                  keys,
                  identical.copies(),
                  new ThemeDiscovery.Options(
                      options.fixedK(), options.maxK(), true, options.autoK()),
                  earlier(records, unique, false),
                  earlier(records, unique, true));
      assignment = new int[items.length];
      for (int j = 0; j < items.length; j++) assignment[j] = t.theme()[representative[j]];
      centroids = t.centroids();
      Grouping grouping = memberships(records, space, items, assignment, centroids);
      return withSubThemes(grouping, records, space, items, representative, t);
    } else {
      SphericalKMeans.Clustering c = kMeans(records, items, space);
      assignment = c.assignment();
      centroids = c.centroids();
    }
    return memberships(records, space, items, assignment, centroids);
  }

  /**
   * The grouping with the sub-themes discovery found (numbered theme by theme), each answer's
   * sub-theme set on its record; copies of an answer follow it. Themes that went to "other" for
   * being too small have none.
   */
  private static Grouping withSubThemes(
      Grouping grouping,
      List<AnswerRecord> records,
      ThemeSpace space,
      int[] items,
      int[] representative,
      ThemeDiscovery.Themes t) {
    List<Integer> parents = new ArrayList<>();
    int[][] globalIndex = new int[t.k()][];
    for (int theme = 0; theme < t.k(); theme++) {
      int parts = t.subThemeCount(theme);
      globalIndex[theme] = new int[parts];
      for (int part = 0; part < parts; part++) {
        globalIndex[theme][part] = grouping.subThemeIndex(parents.size());
        parents.add(theme);
      }
    }
    if (parents.isEmpty()) return grouping;
    List<List<Integer>> members = new ArrayList<>();
    parents.forEach(p -> members.add(new ArrayList<>()));
    for (int j = 0; j < items.length; j++) {
      int u = representative[j];
      int theme = t.theme()[u], part = t.subTheme()[u];
      AnswerRecord r = records.get(items[j]);
      // an answer whose theme went to "other" (too small) has no sub-theme either
      if (part < 0 || r.themes().isEmpty() || r.themes().get(0).theme() != theme) continue;
      int index = globalIndex[theme][part];
      r.subTheme(index);
      members.get(index - grouping.subThemeIndex(0)).add(items[j]);
    }
    float[][] centres = new float[parents.size()][];
    for (int s = 0; s < centres.length; s++) {
      int[] m = members.get(s).stream().mapToInt(Integer::intValue).toArray();
      centres[s] = ThemeDiscovery.centroids(space, m, new int[m.length], 1)[0];
    }
    return new Grouping(
        grouping.k(),
        grouping.centroids(),
        grouping.names(),
        parents.stream().mapToInt(Integer::intValue).toArray(),
        centres);
  }

  /**
   * Each answer's theme (or sub-theme) in the previous run (the first previous theme listing it),
   * -1 for answers that had none; null when there was no previous run.
   */
  private int[] earlier(List<AnswerRecord> records, int[] unique, boolean subThemes) {
    if (options.previousThemes().isEmpty()) return null;
    Map<String, Integer> themeOf = new HashMap<>();
    for (int p = 0; p < options.previousThemes().size(); p++) {
      if (options.previousThemes().get(p).subTheme() != subThemes) continue;
      for (String id : options.previousThemes().get(p).memberIds()) themeOf.putIfAbsent(id, p);
    }
    int[] out =
        Arrays.stream(unique)
            .map(i -> themeOf.getOrDefault(records.get(i).answer().id(), -1))
            .toArray();
    if (subThemes) {
      // a sub-theme counts only under the earlier theme the answer is taken to have been in (its
      // first listing theme may be a second theme, whose sub-themes it was never in)
      int[] theme = earlier(records, unique, false);
      for (int u = 0; u < out.length; u++) {
        if (out[u] < 0) continue;
        String parent = options.previousThemes().get(out[u]).parentId();
        if (theme[u] < 0 || !options.previousThemes().get(theme[u]).id().equals(parent))
          out[u] = -1;
      }
    }
    return out;
  }

  private SphericalKMeans.Clustering kMeans(
      List<AnswerRecord> records, int[] items, ThemeSpace space) {
    int[] before = options.fixedK() == null ? earlier(records, items, false) : null;
    if (before != null && continues(before)) {
      // a re-run with few new answers: the earlier themes' centres are the start, and the count
      // is the earlier one (the silhouette, asked over almost the same answers, would answer as
      // before; it is asked again once a tenth of the answers are new)
      int[] themed = IntStream.range(0, items.length).filter(j -> before[j] >= 0).toArray();
      int[] labels =
          ConsensusClustering.renumber(Arrays.stream(themed).map(j -> before[j]).toArray());
      int k = Arrays.stream(labels).max().orElse(-1) + 1;
      float[][] start =
          ThemeDiscovery.centroids(
              space, Arrays.stream(themed).map(j -> items[j]).toArray(), labels, k);
      return new SphericalKMeans(1, 50, options.seed()).continueFrom(space, items, start);
    }
    int wanted =
        options.fixedK() != null
            ? options.fixedK()
            : items.length < 4
                ? 1
                : ThemeDiscovery.automaticCount(
                    space, items, items.length, options.maxK(), options.autoK());
    // restarts matter most for small sets with many themes (Banking77: +-0.05 ACC between seeds);
    // large sets are more stable and each restart costs more
    int restarts = items.length > 5000 ? 3 : 6;
    SphericalKMeans.Clustering c =
        new SphericalKMeans(restarts, 50, options.seed())
            .cluster(space, items, Math.max(1, Math.min(wanted, items.length)));
    if (options.fixedK() != null) return c;
    // as below the limit: the readable count can only split crisp topics into more themes than
    // there are, so themes whose members are as close to each other's centre are merged
    int[] merged = ThemeDiscovery.mergeIndistinct(space, items, c.assignment());
    int k = Arrays.stream(merged).max().orElse(-1) + 1;
    if (k == c.k()) return c;
    return new SphericalKMeans.Clustering(
        k, merged, ThemeDiscovery.centroids(space, items, merged, k), c.objective());
  }

  /**
   * Whether a re-run above {@link ThemeDiscovery#LIMIT} answers continues the earlier themes: at
   * most {@link ThemeDiscovery#MAX_NEW_SHARE} of the answers are new (or were in no theme).
   */
  static boolean continues(int[] before) {
    long themed = Arrays.stream(before).filter(x -> x >= 0).count();
    return themed > 0 && themed >= (1 - ThemeDiscovery.MAX_NEW_SHARE) * before.length;
  }

  private Grouping memberships(
      List<AnswerRecord> records,
      ThemeSpace space,
      int[] items,
      int[] assignment,
      float[][] centroids) {
    int k = centroids.length;
    int[] sizes = new int[k];
    for (int a : assignment) sizes[a]++;
    // clusters too small to be a theme go to "other" (index k); with a fixed k only singletons do
    int minSize = options.fixedK() != null ? 2 : Math.max(2, items.length / 500);
    float[] medianSimilarity = new float[k];
    float[][] sims = space.similarities(items, centroids);
    for (int x = 0; x < k; x++) {
      List<Float> own = new ArrayList<>();
      for (int j = 0; j < items.length; j++) if (assignment[j] == x) own.add(sims[j][x]);
      Collections.sort(own);
      medianSimilarity[x] = own.isEmpty() ? 1 : own.get(own.size() / 2);
    }
    for (int j = 0; j < items.length; j++) {
      int primary = assignment[j];
      double[] p = softmax(sims[j]);
      AnswerRecord r = records.get(items[j]);
      if (sizes[primary] < minSize) {
        r.addTheme(new Membership(k, p[primary]));
        continue;
      }
      r.addTheme(new Membership(primary, p[primary]));
      for (int x = 0; x < k; x++) {
        if (x == primary || sizes[x] < minSize) continue;
        if (sims[j][x] >= sims[j][primary] - SECOND_THEME_MARGIN
            && sims[j][x] >= medianSimilarity[x]) {
          r.addTheme(new Membership(x, p[x]));
        }
      }
    }
    return new Grouping(k, centroids, null);
  }

  /**
   * A stable 64-bit key per answer id (FNV-1a): which consensus subsamples an answer is in depends
   * on it alone, so adding an answer leaves every other answer's subsamples as they were.
   */
  public static long key(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** Confidence per theme: a softmax of the similarities, sharpened by the temperature. */
  public static double[] softmax(float[] sims) {
    double max = Double.NEGATIVE_INFINITY, sum = 0;
    for (float s : sims) max = Math.max(max, s);
    double[] p = new double[sims.length];
    for (int i = 0; i < sims.length; i++)
      sum += p[i] = Math.exp((sims[i] - max) / CONFIDENCE_TEMPERATURE);
    for (int i = 0; i < sims.length; i++) p[i] /= sum;
    return p;
  }
}
