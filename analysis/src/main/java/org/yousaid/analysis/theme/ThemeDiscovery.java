package org.yousaid.analysis.theme;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.represent.Vectors;

/**
 * Theme discovery for a question of up to {@link #LIMIT} answers: how many themes ({@link
 * ThemeCount}, or the officer's number), which answers form them ({@link ConsensusClustering}), and
 * sub-themes inside the larger themes where the answers support them. Deterministic: the same
 * answers give the same themes whatever the seed. A re-run after answers were added or deleted
 * continues the earlier themes ({@link ThemeContinuity}), so that one answer more or less moves
 * almost no other answer.
 *
 * <p>The consensus is O(n²) in time and memory, so the engine uses k-means above {@link #LIMIT}
 * answers; given more, this class finds the themes on a sample of that many answers (the answers
 * whose keys hash lowest, so one more answer changes the sample by at most one) and every other
 * answer joins the theme whose centre it is closest to.
 */
public final class ThemeDiscovery {
  /** Answers clustered directly; the rest are placed by nearest theme centre. */
  public static final int LIMIT = 2000;

  /** Groups smaller than this share of the answers are not themes of their own (at least 2). */
  static final double MIN_THEME_SHARE = 0.02;

  /**
   * The fewest answers a theme found afresh has (or {@link #MIN_THEME_SHARE} of the answers, if
   * more). A re-run keeps an earlier theme down to one answer fewer, so that deleting one answer of
   * a theme at the minimum does not dissolve it and move its other answers: below 150 answers a
   * 2-answer theme that loses one stays, with one answer, while no other theme takes that answer by
   * the continuation's margin. A run found afresh never makes a theme of one answer.
   */
  public static final int MIN_THEME_SIZE = 2;

  /**
   * @param fixedK the officer's number of themes, or null to choose it
   * @param maxK the most themes allowed when choosing
   * @param subThemes whether to look for sub-themes
   * @param autoK how the silhouette check for clearly more themes runs (its seed is fixed, so the
   *     themes do not depend on the run's seed)
   */
  public record Options(Integer fixedK, int maxK, boolean subThemes, AutoKOptions autoK) {
    public static Options automatic(int maxK) {
      return new Options(null, maxK, true, AutoKOptions.defaults());
    }
  }

  /** Seed of the silhouette check's k-means: fixed so that other seeds give the same themes. */
  static final long SILHOUETTE_SEED = 42L;

  /**
   * How far the silhouette's peak must rise above its best score at the readable count or fewer (a
   * share of that score) before more themes than the readable count are listed. Measured (bagged
   * silhouette, smoothed): Banking77's 3,080 queries (77 intents) 1.29x with at most 150 themes and
   * 1.15x with at most 30; the 2,000 answers of the sharded test (templated SEND text and patient
   * comments) 0.97x over all of them and 1.05x over a sample of 1,000, which flipped the count
   * between 10 and 29.
   */
  static final double PEAK_MARGIN = 0.1;

  /**
   * @param k number of themes
   * @param theme theme index per item (same order as the items given)
   * @param subTheme sub-theme index within its theme per item, or -1 when its theme has none
   * @param centroids unit centre of each theme in the theme space
   * @param readableK the readable count for this many answers
   * @param peakK the count a clear silhouette peak asked for (= readableK when none)
   */
  public record Themes(
      int k, int[] theme, int[] subTheme, float[][] centroids, int readableK, int peakK) {
    /** Number of sub-themes of theme t (0 when it has none). */
    public int subThemeCount(int t) {
      int max = -1;
      for (int i = 0; i < theme.length; i++) if (theme[i] == t) max = Math.max(max, subTheme[i]);
      return max + 1;
    }
  }

  /**
   * Two themes are merged when their members are, on average, at least this close to the other
   * theme's centre as to their own (ratio of summed similarities). Splitting one crisp topic gives
   * two centres its members are equally close to (ratio near 1); overlapping but distinct topics of
   * feedback stay below. Chosen on the dev half of the coded patient feedback.
   */
  public static final double DEFAULT_MERGE_RATIO = 0.93;

  /** A re-run continues the earlier themes only when at least this share was themed before. */
  static final double MIN_EARLIER_SHARE = 0.5;

  /** A continued re-run moves the count by at most this many themes towards the automatic one. */
  static final int MAX_COUNT_STEP = 1;

  /**
   * A re-run in which at most this share of the answers is new (or changed theme, for sub-themes)
   * continues the earlier count and sub-themes without asking the silhouette or splitting afresh.
   */
  public static final double MAX_NEW_SHARE = 0.1;

  private final ConsensusClustering consensus;
  private final double mergeRatio;
  private final double stayMargin;
  private SubThemeSplit subThemeSplit = new SubThemeSplit();
  private int minThemeSize = MIN_THEME_SIZE;

  public ThemeDiscovery() {
    this(new ConsensusClustering(), DEFAULT_MERGE_RATIO);
  }

  public ThemeDiscovery(ConsensusClustering consensus, double mergeRatio) {
    this(consensus, mergeRatio, ThemeContinuity.STAY_MARGIN);
  }

  /**
   * @param stayMargin see {@link ThemeContinuity#STAY_MARGIN} (from 100 answers up; more below, see
   *     {@link ThemeContinuity#margin})
   */
  public ThemeDiscovery(ConsensusClustering consensus, double mergeRatio, double stayMargin) {
    this.consensus = consensus;
    this.mergeRatio = mergeRatio;
    this.stayMargin = stayMargin;
  }

  /** The same discovery with another smallest theme found afresh (benchmarks). */
  public ThemeDiscovery withMinThemeSize(int size) {
    this.minThemeSize = size;
    return this;
  }

  /** The same discovery with another sub-theme criterion (benchmarks). */
  public ThemeDiscovery withSubThemeSplit(SubThemeSplit split) {
    this.subThemeSplit = split;
    return this;
  }

  /**
   * Merges, most alike first, pairs of themes whose members are nearly as close to the other
   * theme's centre as to their own (see {@link #DEFAULT_MERGE_RATIO}); stops at 2 themes. The
   * readable count can only split a question into more themes than it has: this is how 36 answers
   * on 3 crisp topics end up as 3 themes, not 8.
   */
  public static int[] mergeIndistinct(ThemeSpace space, int[] items, int[] start) {
    return mergeIndistinct(space, items, start, DEFAULT_MERGE_RATIO);
  }

  static int[] mergeIndistinct(ThemeSpace space, int[] items, int[] start, double ratio) {
    int[] labels = start.clone();
    while (true) {
      int k = Arrays.stream(labels).max().orElse(-1) + 1;
      if (k <= 2) return labels;
      float[][] toCentre = space.similarities(items, centroids(space, items, labels, k));
      final int[] current = labels;
      double[][] other = new double[k][k];
      double[] own = new double[k];
      for (int i = 0; i < items.length; i++) {
        int x = current[i];
        own[x] += toCentre[i][x];
        for (int y = 0; y < k; y++) if (y != x) other[x][y] += toCentre[i][y];
      }
      int bestX = -1, bestY = -1;
      double best = ratio;
      for (int x = 0; x < k; x++)
        for (int y = x + 1; y < k; y++) {
          double r = (other[x][y] + other[y][x]) / Math.max(1e-9, own[x] + own[y]);
          if (r >= best) {
            best = r;
            bestX = x;
            bestY = y;
          }
        }
      if (bestX < 0) return labels;
      for (int i = 0; i < labels.length; i++) if (labels[i] == bestY) labels[i] = bestX;
      labels = ConsensusClustering.renumber(labels);
    }
  }

  /**
   * @param space the theme space
   * @param items the answers to theme (indices into the space)
   * @param keys a stable key per item (e.g. a hash of the answer's id), same order as items
   */
  public Themes discover(ThemeSpace space, int[] items, long[] keys, Options options) {
    return discover(space, items, keys, options, null);
  }

  /**
   * As {@link #discover(ThemeSpace, int[], long[], Options)}, for a re-run: with an automatic count
   * and enough answers that were themed before, the earlier themes are continued ({@link
   * ThemeContinuity}) rather than found afresh.
   *
   * @param earlier per item, its theme in the earlier run (any non-negative number) or -1; null
   *     when there was no earlier run
   */
  public Themes discover(
      ThemeSpace space, int[] items, long[] keys, Options options, int[] earlier) {
    int[] ones = new int[items.length];
    Arrays.fill(ones, 1);
    return discover(space, items, keys, ones, options, earlier);
  }

  /**
   * As {@link #discover(ThemeSpace, int[], long[], Options, int[])} for distinct texts that stand
   * for several identical answers each ({@link IdenticalAnswers}): item i is {@code copies[i]}
   * answers. The readable count and the smallest theme are counted in answers, so 67 answers that
   * repeat 7 texts get themes like 67 answers, not like 7 (which collapsed into one theme).
   */
  public Themes discover(
      ThemeSpace space, int[] items, long[] keys, int[] copies, Options options, int[] earlier) {
    return discover(space, items, keys, copies, options, earlier, null);
  }

  /**
   * As {@link #discover(ThemeSpace, int[], long[], int[], Options, int[])}, with the earlier run's
   * sub-themes: a theme whose members barely changed keeps its earlier sub-themes ({@link
   * #MAX_NEW_SHARE}) instead of being split afresh.
   *
   * @param earlierSubTheme per item, its sub-theme in the earlier run (any non-negative number,
   *     distinct across themes) or -1; null when not known
   */
  public Themes discover(
      ThemeSpace space,
      int[] items,
      long[] keys,
      int[] copies,
      Options options,
      int[] earlier,
      int[] earlierSubTheme) {
    int n = items.length;
    if (n == 0) return new Themes(0, new int[0], new int[0], new float[0][], 0, 0);
    int[] sample = sample(keys, LIMIT);
    int[] sampleItems = Arrays.stream(sample).map(x -> items[x]).toArray();
    long[] sampleKeys = Arrays.stream(sample).mapToLong(x -> keys[x]).toArray();
    int[] sampleCopies = Arrays.stream(sample).map(x -> copies[x]).toArray();
    int[] sampleEarlier =
        earlier == null ? null : Arrays.stream(sample).map(x -> earlier[x]).toArray();
    float[][] sim = similarities(space, sampleItems);
    int answers = Arrays.stream(copies).sum();
    int readable = Math.min(n, ThemeCount.readable(answers, options.maxK()));
    int peak = readable;
    int k;
    if (options.fixedK() != null) k = Math.max(1, Math.min(options.fixedK(), n));
    else {
      peak = peak(space, items, readable, options.maxK(), options.autoK(), sampleEarlier);
      k = Math.max(readable, peak);
    }
    int minSize =
        options.fixedK() != null
            ? 2
            : Math.max(
                minThemeSize,
                (int) Math.round(MIN_THEME_SHARE * Arrays.stream(sampleCopies).sum()));
    int[] sampleLabels = null;
    if (options.fixedK() == null && earlier != null) {
      sampleLabels = continued(sim, sampleKeys, sampleEarlier, k, minSize);
    }
    if (sampleLabels == null)
      sampleLabels = consensus.cluster(sim, sampleKeys, sampleCopies, k, minSize);
    if (options.fixedK() == null)
      sampleLabels = mergeIndistinct(space, sampleItems, sampleLabels, mergeRatio);
    int themes = Arrays.stream(sampleLabels).max().orElse(-1) + 1;
    float[][] centroids = centroids(space, sampleItems, sampleLabels, themes);
    int[] labels = place(space, items, sample, sampleLabels, centroids);
    int[] sub = new int[n];
    Arrays.fill(sub, -1);
    if (options.subThemes())
      for (int t = 0; t < themes; t++)
        if (!continuedSubThemes(space, items, labels, t, earlier, earlierSubTheme, sub))
          subThemes(space, items, keys, labels, t, sub);
    return new Themes(themes, labels, sub, centroids, readable, peak);
  }

  /**
   * The number of themes in a question of {@code answers} answers whose distinct texts are {@code
   * items}, when the officer has not given one: the readable count, or more where the silhouette
   * clearly peaks there ({@link ThemeCount}). For the engine's k-means above {@link #LIMIT}
   * distinct texts, which took the silhouette's best count as it was and so gave 2 themes to 4,000
   * patient comments whose coders used 9 (this class's discovery found 8-9 on the same draws).
   */
  public static int automaticCount(
      ThemeSpace space, int[] items, int answers, int maxK, AutoKOptions autoK) {
    if (items.length == 0) return 0;
    int readable = Math.min(items.length, ThemeCount.readable(answers, maxK));
    return Math.max(readable, peak(space, items, readable, maxK, autoK, null));
  }

  /**
   * The count beyond the readable one: a re-run's settled count ({@link #settledCount}), else the
   * silhouette's when it peaks at twice the readable count or more, clearly; else the readable
   * count (also where too few answers or too small a maximum leave no room for such a peak).
   */
  private static int peak(
      ThemeSpace space, int[] items, int readable, int maxK, AutoKOptions autoK, int[] earlier) {
    if (maxK < 2 * readable || items.length < 8 * readable) return readable;
    Integer settled = settledCount(earlier, readable, maxK);
    if (settled != null) return settled;
    ThemeCountChooser.Choice proposed =
        new ThemeCountChooser(autoK, maxK, SILHOUETTE_SEED).choose(space, items);
    return proposed.k() >= 2 * readable && proposed.clearlyAbove(readable, PEAK_MARGIN)
        ? proposed.k()
        : readable;
  }

  /**
   * The count a re-run continues without asking the silhouette again, or null when it must be
   * asked. A re-run in which at most {@link #MAX_NEW_SHARE} of the answers are new (or were in no
   * theme) continues the earlier themes, and the silhouette, run over almost the same answers,
   * would almost surely answer as it did then: the readable count when the earlier count is within
   * the continuation's reach of it ({@link #MAX_COUNT_STEP} + 1), the earlier count when that is at
   * least twice the readable one (the silhouette's clear peak, or a larger number the officer asked
   * for, which a re-run then keeps). It is asked again once a tenth of the answers are new, and
   * when the earlier count is far below the readable one or between the two (an officer's number,
   * or themes merged as indistinct), where the themes may be found afresh. Why: the silhouette was
   * about half of a re-run's time after one changed answer of 2,000.
   */
  static Integer settledCount(int[] earlier, int readable, int maxK) {
    if (earlier == null || earlier.length == 0) return null;
    long before = Arrays.stream(earlier).filter(x -> x >= 0).count();
    if (before < (1 - MAX_NEW_SHARE) * earlier.length) return null;
    int earlierCount = (int) Arrays.stream(earlier).filter(x -> x >= 0).distinct().count();
    if (Math.abs(earlierCount - readable) <= MAX_COUNT_STEP + 1) return readable;
    if (earlierCount >= 2 * readable && earlierCount <= maxK) return earlierCount;
    return null;
  }

  /**
   * Theme t keeps the earlier sub-themes of the earlier theme most of its members were in, when its
   * members are that theme's (still present) members but for at most {@link #MAX_NEW_SHARE} of
   * them: members keep their earlier sub-theme and the others join the nearest one. When the
   * earlier theme had no sub-themes, neither has t. Returns false (split afresh) when the
   * membership changed more, or a sub-theme would be left with fewer than {@link
   * SubThemeSplit#MIN_SIZE} answers or alone. Why: the split is the most costly part of a re-run
   * after the count (a Ward tree per subsample of each theme's answers), and a theme that gained or
   * lost one answer has the same sub-themes for the officer to read as before.
   */
  private static boolean continuedSubThemes(
      ThemeSpace space,
      int[] items,
      int[] labels,
      int t,
      int[] earlier,
      int[] earlierSub,
      int[] sub) {
    if (earlier == null || earlierSub == null) return false;
    int[] members = IntStream.range(0, items.length).filter(i -> labels[i] == t).toArray();
    if (members.length == 0) return false;
    int parent = mostCommon(Arrays.stream(members).map(i -> earlier[i]).toArray());
    if (parent < 0) return false;
    long stayed = Arrays.stream(members).filter(i -> earlier[i] == parent).count();
    long left =
        IntStream.range(0, items.length)
            .filter(i -> earlier[i] == parent && labels[i] != t)
            .count();
    long changed = members.length - stayed + left;
    if (changed > MAX_NEW_SHARE * members.length) return false;
    int[] kept =
        Arrays.stream(members)
            .map(i -> earlier[i] == parent && earlierSub[i] >= 0 ? earlierSub[i] : -1)
            .toArray();
    if (Arrays.stream(kept).allMatch(x -> x < 0)) {
      // the earlier theme was not split (its members had no sub-theme): nor is this one
      return IntStream.range(0, items.length)
          .noneMatch(i -> earlier[i] == parent && earlierSub[i] >= 0);
    }
    int[] parts = ConsensusClustering.renumberKeepingUnlabelled(kept);
    int count = Arrays.stream(parts).max().orElse(-1) + 1;
    int[] placedFrom = IntStream.range(0, members.length).filter(x -> parts[x] >= 0).toArray();
    int[] memberItems = Arrays.stream(members).map(i -> items[i]).toArray();
    float[][] centres =
        centroids(
            space,
            Arrays.stream(placedFrom).map(x -> memberItems[x]).toArray(),
            Arrays.stream(placedFrom).map(x -> parts[x]).toArray(),
            count);
    int[] placed =
        place(
            space,
            memberItems,
            placedFrom,
            Arrays.stream(placedFrom).map(x -> parts[x]).toArray(),
            centres);
    int[] sizes = new int[count];
    for (int p : placed) sizes[p]++;
    if (count < 2 || Arrays.stream(sizes).min().getAsInt() < SubThemeSplit.MIN_SIZE) return false;
    for (int x = 0; x < members.length; x++) sub[members[x]] = placed[x];
    return true;
  }

  /** The most common non-negative value (the smallest on a tie), or -1 when there is none. */
  private static int mostCommon(int[] values) {
    java.util.Map<Integer, Integer> counts = new java.util.TreeMap<>();
    for (int v : values) if (v >= 0) counts.merge(v, 1, Integer::sum);
    int best = -1, bestCount = 0;
    for (var e : counts.entrySet())
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    return best;
  }

  /**
   * The earlier themes continued, or null (then the themes are found afresh) when fewer than {@link
   * #MIN_EARLIER_SHARE} of the answers were themed before or the earlier count is more than two
   * away from the automatic one.
   */
  private int[] continued(float[][] sim, long[] keys, int[] earlier, int wanted, int minSize) {
    long before = Arrays.stream(earlier).filter(x -> x >= 0).count();
    if (before < MIN_EARLIER_SHARE * earlier.length) return null;
    int earlierCount = (int) Arrays.stream(earlier).filter(x -> x >= 0).distinct().count();
    // far from the automatic count (say the officer had asked for 3 themes): found afresh
    if (Math.abs(earlierCount - wanted) > MAX_COUNT_STEP + 1) return null;
    // the co-association is counted at the number of themes the re-run will end with
    int target =
        Math.abs(earlierCount - wanted) <= 1
            ? earlierCount
            : earlierCount + Integer.signum(wanted - earlierCount);
    float[] together =
        new ConsensusClustering(continuationRuns(consensus.runs(), sim.length))
            .coAssociation(sim, keys, Math.max(2, target));
    return ThemeContinuity.continueFrom(
        together,
        sim.length,
        earlier,
        wanted,
        minSize,
        // hysteresis: an earlier theme that lost one answer stays a theme (see MIN_THEME_SIZE)
        Math.max(1, minSize - 1),
        ThemeContinuity.margin(stayMargin, sim.length));
  }

  /**
   * Subsamples of a continued re-run's consensus: all of them up to {@link
   * #FULL_CONTINUATION_ANSWERS} answers, fewer beyond (at least {@link #MIN_CONTINUATION_RUNS}), as
   * many fewer as there are more answers. Why: a continuation compares each answer's mean
   * co-association with whole themes, a mean over dozens to hundreds of members, whose spread falls
   * as themes grow; the 60 Ward trees over 1,600 answers each were most of a re-run of 2,000
   * answers once the silhouette was no longer asked. A first run is found with all of them.
   */
  static int continuationRuns(int runs, int n) {
    if (n <= FULL_CONTINUATION_ANSWERS) return runs;
    int scaled = (int) Math.round((double) runs * FULL_CONTINUATION_ANSWERS / n);
    return Math.min(runs, Math.max(MIN_CONTINUATION_RUNS, scaled));
  }

  /** A continued re-run of up to this many answers uses every consensus subsample. */
  static final int FULL_CONTINUATION_ANSWERS = 400;

  /** The fewest consensus subsamples of a continued re-run. */
  static final int MIN_CONTINUATION_RUNS = 12;

  /**
   * Splits theme t into sub-themes when its answers support them ({@link SubThemeSplit}); every
   * member of a split theme gets a sub-theme (members beyond the sample join the nearest part).
   */
  private void subThemes(
      ThemeSpace space, int[] items, long[] keys, int[] labels, int t, int[] sub) {
    int[] members = IntStream.range(0, items.length).filter(i -> labels[i] == t).toArray();
    if (members.length < SubThemeSplit.MIN_ANSWERS) return;
    int[] memberSample =
        Arrays.stream(sample(Arrays.stream(members).mapToLong(i -> keys[i]).toArray(), LIMIT))
            .map(x -> members[x])
            .toArray();
    int[] sampleItems = Arrays.stream(memberSample).map(i -> items[i]).toArray();
    long[] sampleKeys = Arrays.stream(memberSample).mapToLong(i -> keys[i]).toArray();
    SubThemeSplit.Result split = subThemeSplit.split(space, sampleItems, sampleKeys);
    if (!split.split()) return;
    int[] subLabels = split.labels();
    float[][] centres = centroids(space, sampleItems, subLabels, split.parts());
    int[] memberItems = Arrays.stream(members).map(i -> items[i]).toArray();
    int[] position = new int[memberSample.length];
    for (int s = 0; s < memberSample.length; s++)
      position[s] = Arrays.binarySearch(members, memberSample[s]);
    int[] placed = place(space, memberItems, position, subLabels, centres);
    for (int x = 0; x < members.length; x++) sub[members[x]] = placed[x];
  }

  /** Mean co-association within groups minus between groups. */
  static double separation(float[] together, int[] labels) {
    int n = labels.length;
    double within = 0, between = 0;
    long w = 0, b = 0;
    for (int i = 0; i < n; i++)
      for (int j = i + 1; j < n; j++) {
        float c = together[AgglomerativeClustering.index(n, i, j)];
        if (labels[i] == labels[j]) {
          within += c;
          w++;
        } else {
          between += c;
          b++;
        }
      }
    return (w == 0 ? 0 : within / w) - (b == 0 ? 0 : between / b);
  }

  static Dendrogram averageLinkage(float[] together, int n) {
    double[] d = new double[together.length];
    for (int x = 0; x < d.length; x++) d[x] = 1 - together[x];
    int[] ones = new int[n];
    Arrays.fill(ones, 1);
    return AgglomerativeClustering.cluster(d, ones, AgglomerativeClustering.Linkage.AVERAGE);
  }

  /**
   * Positions (0..keys.length-1) of the {@code size} keys that hash lowest, in ascending position
   * order; all positions when there are no more than {@code size}.
   */
  static int[] sample(long[] keys, int size) {
    if (keys.length <= size) return IntStream.range(0, keys.length).toArray();
    Integer[] order = new Integer[keys.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(
        order,
        (x, y) -> {
          int c =
              Long.compareUnsigned(
                  ConsensusClustering.mix(keys[x]), ConsensusClustering.mix(keys[y]));
          return c != 0 ? c : Integer.compare(x, y);
        });
    int[] out = new int[size];
    for (int i = 0; i < size; i++) out[i] = order[i];
    Arrays.sort(out);
    return out;
  }

  static float[][] similarities(ThemeSpace space, int[] items) {
    return space.similarityMatrix(items);
  }

  public static float[][] centroids(ThemeSpace space, int[] items, int[] labels, int k) {
    float[][] c = new float[k][space.dimension()];
    for (int i = 0; i < items.length; i++) space.addTo(items[i], c[labels[i]]);
    for (float[] v : c) Vectors.normalise(v);
    return c;
  }

  /**
   * Labels for all items: sampled positions keep their consensus label, the others join the nearest
   * centre.
   */
  private static int[] place(
      ThemeSpace space, int[] items, int[] sample, int[] sampleLabels, float[][] centroids) {
    int[] labels = new int[items.length];
    Arrays.fill(labels, -1);
    for (int s = 0; s < sample.length; s++) labels[sample[s]] = sampleLabels[s];
    int[] rest = IntStream.range(0, items.length).filter(i -> labels[i] < 0).toArray();
    float[][] sims =
        space.similarities(Arrays.stream(rest).map(i -> items[i]).toArray(), centroids);
    for (int r = 0; r < rest.length; r++) {
      int best = 0;
      float bestSim = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < centroids.length; c++) {
        if (sims[r][c] > bestSim) {
          bestSim = sims[r][c];
          best = c;
        }
      }
      labels[rest[r]] = best;
    }
    return labels;
  }
}
