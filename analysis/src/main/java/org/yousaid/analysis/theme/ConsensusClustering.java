package org.yousaid.analysis.theme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Consensus clustering (Monti et al. 2003) made for small, overlapping answer sets, where a single
 * clustering changes a lot when one answer is added: Ward's clustering of many 80% subsamples, cut
 * at k, counts how often each pair of answers ends up together; the final themes are the groups
 * that stay together.
 *
 * <p>Three choices keep the result the same when one answer is added or deleted, and whatever the
 * seed:
 *
 * <ul>
 *   <li><b>Subsamples chosen by each answer's key, not by a random generator.</b> Whether an answer
 *       is in run r depends only on its own key (a hash of its id) and r, so adding an answer
 *       leaves every other answer's runs as they were; a random draw would reshuffle them all.
 *   <li><b>Ward's method</b> as the clustering of each run: no random start, so no seed.
 *   <li><b>Each answer finally joins the theme it was most often grouped with</b> (its mean
 *       co-association with the theme's members), which moves a boundary answer only when the
 *       evidence about it changes, instead of cutting the consensus tree, which moves whole
 *       branches when two merges swap order.
 * </ul>
 *
 * Small groups split off when cutting the consensus tree are not counted as themes: their answers
 * join the theme they were most often grouped with.
 */
public final class ConsensusClustering {
  /** Runs whose pair counts are averaged; more runs cost time and change little (see NOTES). */
  public static final int DEFAULT_RUNS = 60;

  /** Share of the answers in each run. */
  static final int SAMPLE_PER_MILLE = 800;

  private final int runs;

  public ConsensusClustering() {
    this(DEFAULT_RUNS);
  }

  public ConsensusClustering(int runs) {
    if (runs < 1) throw new IllegalArgumentException("runs must be positive: " + runs);
    this.runs = runs;
  }

  /** How many subsamples are clustered. */
  public int runs() {
    return runs;
  }

  /**
   * Themes for n answers.
   *
   * @param similarity n x n similarity (symmetric; the diagonal is each answer's own similarity)
   * @param keys a stable key per answer (e.g. a hash of its id), which decides its subsamples
   * @param k the number of themes wanted
   * @param minSize groups smaller than this are not themes of their own
   * @return a theme index per answer, 0..k'-1 with k' &lt;= k, numbered by first member
   */
  public int[] cluster(float[][] similarity, long[] keys, int k, int minSize) {
    return cluster(similarity, keys, ones(similarity.length), k, minSize);
  }

  /**
   * As {@link #cluster(float[][], long[], int, int)} for answers that stand for several identical
   * answers each: {@code weights[i]} copies of answer i. A text written 10 times weighs 10 in every
   * run's Ward clustering and counts 10 towards {@code minSize}, so copies of a few distinct texts
   * (a campaign, a form with suggested wording) are themes of their own rather than "small groups"
   * that fold into one.
   */
  public int[] cluster(float[][] similarity, long[] keys, int[] weights, int k, int minSize) {
    int n = similarity.length;
    if (n == 0) return new int[0];
    if (k <= 1 || n <= 2) return new int[n];
    float[] together = coAssociations(similarity, keys, weights, new int[] {k})[0];
    Dendrogram tree = wardTree(together, weights);
    int[] labels = cutWithoutSmallGroups(tree, k, minSize, weights);
    if (Arrays.stream(labels).max().orElse(-1) < 1) {
      // The consensus tree is a chain (each answer about its own thing, nothing grouped more often
      // than anything else): cutting it only peels off single answers, all passed over, and every
      // answer would end in one theme. Ward's own tree of the similarities still splits such
      // answers into the k most compact groups, which reads better than one theme about all; the
      // co-association carries no structure to move answers by, so the cut stands.
      return renumber(cuts(similarity, weights, IntStream.range(0, n).toArray(), new int[] {k})[0]);
    }
    labels = joinMostOftenGrouped(together, n, labels, 0, weights);
    return renumber(labels);
  }

  private static int[] ones(int n) {
    int[] ones = new int[n];
    Arrays.fill(ones, 1);
    return ones;
  }

  /**
   * Ward's distance between a group of wa and one of wb identical points is 2 wa wb / (wa + wb)
   * times their squared distance (1 for two single answers), the Lance-Williams form.
   */
  private static double wardWeight(int wa, int wb) {
    return 2.0 * wa * wb / (wa + wb);
  }

  /**
   * Condensed n(n-1)/2 matrix: for each pair, the share of the runs containing both in which both
   * were in the same group.
   */
  float[] coAssociation(float[][] similarity, long[] keys, int k) {
    return coAssociations(similarity, keys, new int[] {k})[0];
  }

  /**
   * {@link #coAssociation} at each of the given numbers of groups. A run's Ward tree does not
   * depend on where it is cut, so each run's tree is built once and cut at every k: the same shares
   * as one call per k, for the cost of one. The runs' trees are built in parallel (the
   * nearest-neighbour chain itself is sequential), their counts added after.
   */
  float[][] coAssociations(float[][] similarity, long[] keys, int[] ks) {
    return coAssociations(similarity, keys, ones(similarity.length), ks);
  }

  /** As above, answer i standing for {@code weights[i]} identical answers in every run's Ward. */
  float[][] coAssociations(float[][] similarity, long[] keys, int[] weights, int[] ks) {
    int n = similarity.length;
    int size = AgglomerativeClustering.condensedSize(n);
    // counts up to the number of runs are exact in a float, and the shares are made in place
    float[][] together = new float[ks.length][size];
    int[] both = new int[size];
    int[][] membersOfRun = new int[runs][];
    for (int r = 0; r < runs; r++) {
      final int run = r;
      membersOfRun[r] = IntStream.range(0, n).filter(i -> inRun(keys[i], run)).toArray();
    }
    int[][][] labelsOfRun =
        IntStream.range(0, runs)
            .parallel()
            .mapToObj(r -> cuts(similarity, weights, membersOfRun[r], ks))
            .toArray(int[][][]::new);
    int[] rowStart = AgglomerativeClustering.rowStarts(n);
    for (int r = 0; r < runs; r++) {
      int[] members = membersOfRun[r];
      int[][] labels = labelsOfRun[r];
      int m = members.length;
      if (labels == null) continue;
      // rows are disjoint in the condensed matrix, so rows can be counted in parallel
      IntStream.range(0, m)
          .parallel()
          .forEach(
              a -> {
                // members ascend, so (i, members[b]) is in row i
                int row = rowStart[members[a]];
                for (int b = a + 1; b < m; b++) {
                  int idx = row + members[b];
                  both[idx]++;
                  for (int q = 0; q < ks.length; q++)
                    if (labels[q][a] == labels[q][b]) together[q][idx]++;
                }
              });
    }
    for (float[] share : together)
      for (int x = 0; x < size; x++) share[x] = both[x] == 0 ? 0 : share[x] / both[x];
    return together;
  }

  /** One run's Ward tree over its members, cut at each k; null for a run of fewer than 2. */
  private static int[][] cuts(float[][] similarity, int[] weights, int[] members, int[] ks) {
    int m = members.length;
    if (m < 2) return null;
    double[] d = new double[AgglomerativeClustering.condensedSize(m)];
    IntStream.range(0, m)
        .parallel()
        .forEach(
            a -> {
              float[] row = similarity[members[a]];
              double self = row[members[a]];
              for (int b = a + 1; b < m; b++) {
                int j = members[b];
                d[AgglomerativeClustering.index(m, a, b)] =
                    wardWeight(weights[members[a]], weights[j])
                        * Math.max(0, self + similarity[j][j] - 2 * row[j]);
              }
            });
    int[] memberWeights = Arrays.stream(members).map(i -> weights[i]).toArray();
    Dendrogram tree =
        AgglomerativeClustering.cluster(d, memberWeights, AgglomerativeClustering.Linkage.WARD);
    int[][] labels = new int[ks.length][];
    for (int q = 0; q < ks.length; q++) labels[q] = tree.cut(Math.min(ks[q], m));
    return labels;
  }

  /** Whether the answer with this key is in run r: about 80% of answers are, independently. */
  static boolean inRun(long key, int run) {
    return Long.remainderUnsigned(mix(key * 0x9E3779B97F4A7C15L + run), 1000) < SAMPLE_PER_MILLE;
  }

  /** SplitMix64's finaliser: a well-mixed 64-bit hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Ward's tree of the co-association (1 - share together), copies weighted. */
  private static Dendrogram wardTree(float[] together, int[] weights) {
    int n = weights.length;
    double[] d = new double[together.length];
    for (int a = 0; a < n; a++)
      for (int b = a + 1; b < n; b++) {
        int x = AgglomerativeClustering.index(n, a, b);
        d[x] = wardWeight(weights[a], weights[b]) * (1 - together[x]);
      }
    return AgglomerativeClustering.cluster(
        d, weights.clone(), AgglomerativeClustering.Linkage.WARD);
  }

  /**
   * Splits the tree from the top, largest height first, until there are k groups of at least
   * minSize leaves; a split that only breaks off a smaller group is passed over (its leaves stay
   * unlabelled, -1, to be placed later).
   */
  static int[] cutWithoutSmallGroups(Dendrogram tree, int k, int minSize) {
    return cutWithoutSmallGroups(tree, k, minSize, ones(tree.leaves()));
  }

  /** As above, a leaf counting as {@code weights[leaf]} answers (a tree built with those sizes). */
  static int[] cutWithoutSmallGroups(Dendrogram tree, int k, int minSize, int[] weights) {
    int n = tree.leaves();
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    List<Integer> finished = new ArrayList<>();
    // open clusters, highest merge first; leaves cannot be split further
    java.util.PriorityQueue<Integer> open =
        new java.util.PriorityQueue<>((x, y) -> Double.compare(height(tree, y), height(tree, x)));
    open.add(n + tree.merges() - 1);
    while (!open.isEmpty() && open.size() + finished.size() < k) {
      int node = open.poll();
      if (node < n) {
        finished.add(node);
        continue;
      }
      int merge = node - n;
      for (int child : new int[] {tree.left(merge), tree.right(merge)}) {
        if (tree.clusterSize(child, weights) < minSize) continue;
        open.add(child);
      }
    }
    finished.addAll(open);
    finished.sort(Integer::compare);
    for (int g = 0; g < finished.size(); g++)
      for (int leaf : leaves(tree, finished.get(g))) labels[leaf] = g;
    return labels;
  }

  private static double height(Dendrogram tree, int cluster) {
    return cluster < tree.leaves() ? -1 : tree.height(cluster - tree.leaves());
  }

  static List<Integer> leaves(Dendrogram tree, int cluster) {
    List<Integer> out = new ArrayList<>();
    java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
    stack.push(cluster);
    while (!stack.isEmpty()) {
      int c = stack.pop();
      if (c < tree.leaves()) out.add(c);
      else {
        stack.push(tree.right(c - tree.leaves()));
        stack.push(tree.left(c - tree.leaves()));
      }
    }
    return out;
  }

  /**
   * Moves each answer to the group whose members it was most often grouped with (mean
   * co-association), and places unlabelled answers the same way; repeated until nothing moves (at
   * most 20 rounds).
   */
  static int[] joinMostOftenGrouped(float[] together, int n, int[] start) {
    return joinMostOftenGrouped(together, n, start, 0);
  }

  /**
   * As {@link #joinMostOftenGrouped(float[], int, int[])}, but an answer already in a group leaves
   * it only for a group it was grouped with at least {@code stayMargin} more often (see {@link
   * ThemeContinuity}).
   */
  static int[] joinMostOftenGrouped(float[] together, int n, int[] start, double stayMargin) {
    return joinMostOftenGrouped(together, n, start, stayMargin, ones(n));
  }

  /**
   * As above, answer i standing for {@code weights[i]} identical answers: its copies are always
   * grouped together (co-association 1) and count in their group's mean, so a text written ten
   * times alone in its group stays there rather than joining the nearest other group.
   */
  static int[] joinMostOftenGrouped(
      float[] together, int n, int[] start, double stayMargin, int[] weights) {
    int k = Arrays.stream(start).max().orElse(-1) + 1;
    if (k <= 1) {
      int[] all = new int[n];
      return all;
    }
    int[] labels = start.clone();
    int[] rowStart = AgglomerativeClustering.rowStarts(n);
    for (int round = 0; round < 20; round++) {
      final int[] current = labels;
      int[] sizes = new int[k];
      for (int i = 0; i < n; i++) if (current[i] >= 0) sizes[current[i]] += weights[i];
      int[] next =
          IntStream.range(0, n)
              .parallel()
              .map(
                  i -> {
                    double[] sum = new double[k];
                    for (int j = 0; j < n; j++) {
                      if (j == i || current[j] < 0) continue;
                      sum[current[j]] +=
                          weights[j] * together[j < i ? rowStart[j] + i : rowStart[i] + j];
                    }
                    // the answer's own copies: the same text, always together
                    if (current[i] >= 0) sum[current[i]] += weights[i] - 1;
                    int best = current[i];
                    double bestMean = -1;
                    for (int g = 0; g < k; g++) {
                      int size = sizes[g] - (current[i] == g ? 1 : 0);
                      // alone in its earlier theme (a re-run after the theme's other answer was
                      // erased): it stays unless another theme wins by the margin
                      if (size <= 0 && !(g == current[i] && stayMargin > 0)) continue;
                      double mean =
                          (size <= 0 ? 0 : sum[g] / size) + (g == current[i] ? stayMargin : 0);
                      // ties keep the answer where it is (or the lower group), so nothing flips
                      // back and forth
                      if (mean > bestMean + 1e-9
                          || (Math.abs(mean - bestMean) <= 1e-9 && g == current[i])) {
                        bestMean = mean;
                        best = g;
                      }
                    }
                    return best < 0 ? 0 : best;
                  })
              .toArray();
      boolean changed = !Arrays.equals(next, labels);
      labels = next;
      if (!changed) break;
    }
    return labels;
  }

  /** As {@link #renumber}, but unlabelled answers (-1) stay unlabelled. */
  static int[] renumberKeepingUnlabelled(int[] labels) {
    int max = Arrays.stream(labels).max().orElse(-1);
    int[] map = new int[max + 1];
    Arrays.fill(map, -1);
    int next = 0;
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        out[i] = -1;
        continue;
      }
      if (map[labels[i]] < 0) map[labels[i]] = next++;
      out[i] = map[labels[i]];
    }
    return out;
  }

  /** Group numbers 0..k'-1 in order of first member, dropping emptied groups. */
  public static int[] renumber(int[] labels) {
    int[] map = new int[Arrays.stream(labels).max().orElse(0) + 1];
    Arrays.fill(map, -1);
    int next = 0;
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (map[labels[i]] < 0) map[labels[i]] = next++;
      out[i] = map[labels[i]];
    }
    return out;
  }
}
