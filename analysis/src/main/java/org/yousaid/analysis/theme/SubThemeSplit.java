package org.yousaid.analysis.theme;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.yousaid.analysis.represent.ThemeSpace;

/**
 * Whether one theme's answers support sub-themes, and which: the theme's answers are clustered
 * again by consensus over resamples ({@link ConsensusClustering#coAssociation}: Ward's clustering
 * of 60 subsamples of 80%, each cut in {@code k} groups), the co-association is cut by average
 * linkage, and the split is kept only if
 *
 * <ul>
 *   <li>the theme has at least {@link #MIN_ANSWERS} answers and every part at least {@link
 *       #MIN_SIZE} (never a sub-theme that would be "fewer than 5" on a published page), and
 *   <li>the parts are stable under resampling: pairs inside a part were grouped together in at
 *       least {@link #MIN_SEPARATION} more of the subsamples than pairs across parts (mean
 *       co-association within minus between). A theme about one thing is cut in different places by
 *       different subsamples, so its pairs are together about as often within a "part" as across; a
 *       theme that mixes two topics is cut between them every time, and
 *   <li>the parts are distinct: their answers are clearly closer to their own part's centre than to
 *       the nearest other part's ({@link #MAX_CLOSENESS}).
 * </ul>
 *
 * Each number of parts from 2 to {@link #MAX_PARTS} is tried and the most that pass is kept.
 * Distinct labels are the last condition; they are checked where labels are made ({@code
 * LabelThemes}). Deterministic: which subsamples an answer is in depends on its key only.
 */
public final class SubThemeSplit {
  /** Fewest answers in a sub-theme: published counts below 5 are suppressed. */
  public static final int MIN_SIZE = 5;

  /** Fewest answers in a theme that may be split (two parts of {@link #MIN_SIZE}). */
  public static final int MIN_ANSWERS = 2 * MIN_SIZE;

  /** Most sub-themes per theme. */
  public static final int MAX_PARTS = 5;

  /**
   * Mean co-association within parts minus across parts that a split must reach. Chosen on the dev
   * half of the coded patient feedback (docs/benchmarks.md, "Sub-themes").
   */
  public static final double MIN_SEPARATION = 0.7;

  /**
   * Most that a split's answers may be, on average, as close to the nearest other part's centre as
   * to their own (summed similarities): parts of one topic cut in two are nearly as close to both
   * centres (0.8 and more); two topics are not. Chosen with {@link #MIN_SEPARATION}.
   */
  public static final double MAX_CLOSENESS = 0.8;

  /**
   * @param labels part per answer (same order as given), or null when the theme is not split
   * @param separation mean co-association within parts minus across (0 when not measured)
   * @param reason why it was not split, or "split"
   */
  public record Result(int[] labels, double separation, String reason) {
    public boolean split() {
      return labels != null;
    }

    public int parts() {
      return labels == null ? 0 : Arrays.stream(labels).max().orElse(-1) + 1;
    }
  }

  private final ConsensusClustering consensus;
  private final double minSeparation;
  private final double maxCloseness;

  public SubThemeSplit() {
    this(new ConsensusClustering(), MIN_SEPARATION, MAX_CLOSENESS);
  }

  public SubThemeSplit(ConsensusClustering consensus, double minSeparation, double maxCloseness) {
    this.consensus = consensus;
    this.minSeparation = minSeparation;
    this.maxCloseness = maxCloseness;
  }

  /**
   * @param space the theme space
   * @param members the theme's answers (indices into the space)
   * @param keys a stable key per member (e.g. a hash of the answer's id)
   */
  public Result split(ThemeSpace space, int[] members, long[] keys) {
    int n = members.length;
    if (n < MIN_ANSWERS) return new Result(null, 0, "fewer than " + MIN_ANSWERS + " answers");
    float[][] sim = ThemeDiscovery.similarities(space, members);
    int most = Math.min(MAX_PARTS, n / MIN_SIZE);
    Result best = new Result(null, 0, "no split into parts of " + MIN_SIZE + " or more");
    // the most parts that still pass: a theme of two clear topics stops at 2
    int[] ks = IntStream.rangeClosed(2, most).toArray();
    float[][] together = consensus.coAssociations(sim, keys, ks);
    for (int k = 2; k <= most; k++) {
      Result r = split(space, members, together[k - 2], k);
      if (r.split()) best = r;
      else if (!best.split() && r.separation() > best.separation()) best = r;
    }
    return best;
  }

  private Result split(ThemeSpace space, int[] members, float[] together, int k) {
    int n = members.length;
    int[] labels =
        ConsensusClustering.renumber(
            ConsensusClustering.joinMostOftenGrouped(
                together, n, ThemeDiscovery.averageLinkage(together, n).cut(k)));
    int parts = Arrays.stream(labels).max().orElse(-1) + 1;
    if (parts < 2) return new Result(null, 0, "one group");
    int[] sizes = new int[parts];
    for (int l : labels) sizes[l]++;
    double separation = ThemeDiscovery.separation(together, labels);
    if (Arrays.stream(sizes).min().getAsInt() < MIN_SIZE)
      return new Result(null, separation, "a part under " + MIN_SIZE + " answers");
    if (separation < minSeparation) return new Result(null, separation, "not stable");
    if (closeness(space, members, labels) > maxCloseness)
      return new Result(null, separation, "parts not distinct");
    return new Result(labels, separation, "split");
  }

  /** Members' summed similarity to the closest other part's centre over their own centre's. */
  static double closeness(ThemeSpace space, int[] members, int[] labels) {
    int k = Arrays.stream(labels).max().orElse(-1) + 1;
    float[][] c = ThemeDiscovery.centroids(space, members, labels, k);
    double own = 0, other = 0;
    for (int i = 0; i < members.length; i++) {
      own += space.similarity(members[i], c[labels[i]]);
      double best = -1;
      for (int x = 0; x < k; x++)
        if (x != labels[i]) best = Math.max(best, space.similarity(members[i], c[x]));
      other += best;
    }
    return other / own;
  }
}
