package org.yousaid.analysis.theme;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Themes for a re-run of a question whose earlier themes are known: the earlier themes are the
 * starting point, and an answer leaves its earlier theme only when the consensus clearly puts it
 * elsewhere.
 *
 * <p>Why: found afresh, 30 overlapping answers in 8 themes change a lot when one answer is added or
 * deleted (on the patient-feedback dev half, two thirds of the ±1 re-runs moved enough answers for
 * ARI to fall below 0.9, the worst to 0.45). One answer changes the Ward trees of the subsamples it
 * is in, so the co-association of a few pairs moves by 0.3 or more, and answers that were nearly as
 * often grouped with two themes flip, taking the tree cut with them. Starting from the earlier
 * themes and moving an answer only when another theme beats its own by {@link #STAY_MARGIN} keeps
 * the evidence about a boundary answer from flipping it back and forth, while a theme whose answers
 * are now clearly grouped elsewhere still empties.
 *
 * <p>The count moves by at most one per re-run: when the new automatic count differs from the
 * earlier one by more than one, the closest pair of themes is merged (fewer wanted) or the least
 * cohesive theme is split along its consensus tree (more wanted), so the themes follow the answers
 * as they come in without being found afresh.
 */
public final class ThemeContinuity {
  /**
   * How much more often (mean co-association) an answer must be grouped with another theme's
   * answers than with its own earlier theme's to move, from 100 answers up. Chosen on the dev half
   * of the coded patient feedback (docs/benchmarks.md).
   */
  public static final double STAY_MARGIN = 0.5;

  /**
   * The margin for n answers: {@code base} from 100 answers up, growing as √(100/n) below (at most
   * 1, where no answer moves). Why: one answer in or out changes the subsamples' trees, and so a
   * pair's co-association, more the fewer answers there are; at 30 answers, 4 in a theme, one
   * answer moved on that noise costs about 0.1 ARI. On the dev half at 30 answers (6 draws × 40 ±1
   * re-runs) a fixed 0.5 left 5 of 240 re-runs under ARI 0.9, 0.7 two, 0.85 one, 1.0 none.
   */
  public static double margin(double base, int n) {
    return n >= 100 ? base : Math.min(1.0, base * Math.sqrt(100.0 / Math.max(1, n)));
  }

  private ThemeContinuity() {}

  /**
   * @param together condensed co-association of the n answers (see {@link ConsensusClustering})
   * @param earlier each answer's earlier theme (any non-negative numbers), or -1 for an answer that
   *     had none (new, or in "other" before)
   * @param wanted the automatic count for this many answers
   * @param minSize new groups (a theme split in two) smaller than this are not themes of their own
   * @param keepSize an earlier theme left with fewer answers than this is not a theme any more
   * @param margin how much more often another theme must win for an answer to move, see {@link
   *     #margin}
   * @return a theme per answer, numbered 0..k'-1 by first member
   */
  public static int[] continueFrom(
      float[] together,
      int n,
      int[] earlier,
      int wanted,
      int minSize,
      int keepSize,
      double margin) {
    int[] labels = ConsensusClustering.renumberKeepingUnlabelled(earlier);
    int k = Arrays.stream(labels).max().orElse(-1) + 1;
    if (k == 0) return null;
    // an earlier theme with too few answers left is not a theme any more
    int[] sizes = sizes(labels, k);
    for (int i = 0; i < n; i++) if (labels[i] >= 0 && sizes[labels[i]] < keepSize) labels[i] = -1;
    labels = ConsensusClustering.renumberKeepingUnlabelled(labels);
    k = Arrays.stream(labels).max().orElse(-1) + 1;
    if (k == 0) return null;
    if (k > wanted + 1) labels = mergeClosest(together, n, labels);
    else if (k < wanted - 1) labels = splitLoosest(together, n, labels, minSize);
    labels = ConsensusClustering.joinMostOftenGrouped(together, n, labels, margin);
    return ConsensusClustering.renumber(labels);
  }

  /** Merges the two themes whose answers were most often grouped together. */
  static int[] mergeClosest(float[] together, int n, int[] labels) {
    int k = Arrays.stream(labels).max().orElse(-1) + 1;
    double[][] sum = new double[k][k];
    long[][] pairs = new long[k][k];
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0) continue;
      for (int j = i + 1; j < n; j++) {
        if (labels[j] < 0 || labels[j] == labels[i]) continue;
        int a = Math.min(labels[i], labels[j]), b = Math.max(labels[i], labels[j]);
        sum[a][b] += together[AgglomerativeClustering.index(n, i, j)];
        pairs[a][b]++;
      }
    }
    int bestA = -1, bestB = -1;
    double best = -1;
    for (int a = 0; a < k; a++)
      for (int b = a + 1; b < k; b++) {
        if (pairs[a][b] == 0) continue;
        double mean = sum[a][b] / pairs[a][b];
        if (mean > best) {
          best = mean;
          bestA = a;
          bestB = b;
        }
      }
    if (bestA < 0) return labels;
    int[] out = labels.clone();
    for (int i = 0; i < n; i++) if (out[i] == bestB) out[i] = bestA;
    return ConsensusClustering.renumberKeepingUnlabelled(out);
  }

  /**
   * Splits the theme whose answers were least often grouped together in two, along the consensus
   * tree of its answers, if both halves have at least minSize answers.
   */
  static int[] splitLoosest(float[] together, int n, int[] labels, int minSize) {
    int k = Arrays.stream(labels).max().orElse(-1) + 1;
    int loosest = -1;
    double lowest = Double.MAX_VALUE;
    for (int g = 0; g < k; g++) {
      final int group = g;
      int[] members = IntStream.range(0, n).filter(i -> labels[i] == group).toArray();
      if (members.length < 2 * minSize) continue;
      double sum = 0;
      long pairs = 0;
      for (int a = 0; a < members.length; a++)
        for (int b = a + 1; b < members.length; b++) {
          sum += together[AgglomerativeClustering.index(n, members[a], members[b])];
          pairs++;
        }
      double mean = sum / pairs;
      if (mean < lowest) {
        lowest = mean;
        loosest = g;
      }
    }
    if (loosest < 0) return labels;
    final int group = loosest;
    int[] members = IntStream.range(0, n).filter(i -> labels[i] == group).toArray();
    int m = members.length;
    double[] d = new double[AgglomerativeClustering.condensedSize(m)];
    for (int a = 0; a < m; a++)
      for (int b = a + 1; b < m; b++)
        d[AgglomerativeClustering.index(m, a, b)] =
            1 - together[AgglomerativeClustering.index(n, members[a], members[b])];
    int[] ones = new int[m];
    Arrays.fill(ones, 1);
    int[] halves =
        AgglomerativeClustering.cluster(d, ones, AgglomerativeClustering.Linkage.WARD).cut(2);
    int second = (int) Arrays.stream(halves).filter(h -> h == 1).count();
    if (second < minSize || m - second < minSize) return labels;
    int[] out = labels.clone();
    for (int a = 0; a < m; a++) if (halves[a] == 1) out[members[a]] = k;
    return out;
  }

  private static int[] sizes(int[] labels, int k) {
    int[] sizes = new int[k];
    for (int l : labels) if (l >= 0) sizes[l]++;
    return sizes;
  }
}
