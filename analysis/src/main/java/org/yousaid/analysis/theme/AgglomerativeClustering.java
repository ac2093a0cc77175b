package org.yousaid.analysis.theme;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.yousaid.analysis.represent.ThemeSpace;

/**
 * Hierarchical agglomerative clustering with Ward's or average linkage, by the nearest-neighbour
 * chain algorithm (Müllner 2011): O(n²) time and memory, and no random choices, so the same answers
 * always give the same tree whatever the seed. Leaves are answers, or small groups of answers
 * (micro-clusters) for large questions, weighted by their sizes.
 */
public final class AgglomerativeClustering {
  /** How the distance between two clusters is defined. */
  public enum Linkage {
    /** Increase in within-cluster sum of squares: compact, similar-sized clusters. */
    WARD,
    /** Mean distance between members (1 - cosine): chains less than single linkage. */
    AVERAGE
  }

  private AgglomerativeClustering() {}

  /** Clusters the given answers (indices into the space), each its own leaf. */
  public static Dendrogram cluster(ThemeSpace space, int[] items, Linkage linkage) {
    int n = items.length;
    double[] self = new double[n];
    for (int i = 0; i < n; i++) self[i] = space.similarity(items[i], items[i]);
    double[] d = new double[condensedSize(n)];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              for (int j = i + 1; j < n; j++) {
                double s = space.similarity(items[i], items[j]);
                d[index(n, i, j)] =
                    linkage == Linkage.WARD ? Math.max(0, self[i] + self[j] - 2 * s) : 1 - s;
              }
            });
    int[] sizes = new int[n];
    Arrays.fill(sizes, 1);
    return cluster(d, sizes, linkage);
  }

  /**
   * Clusters groups of answers given the sum of their members' vectors and their sizes: the
   * starting distances are what the linkage would have reached had the groups been merged from
   * single answers (exact for both linkages, since similarity is a dot product).
   *
   * @param sums per group, the sum of its members' (dense) vectors in the theme space
   * @param sumOfSelfSimilarities per group, the sum over members of each member's similarity with
   *     itself (1 for unit vectors)
   */
  public static Dendrogram clusterGroups(
      float[][] sums, double[] sumOfSelfSimilarities, int[] sizes, Linkage linkage) {
    int n = sums.length;
    double[] d = new double[condensedSize(n)];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              for (int j = i + 1; j < n; j++) {
                double dot = 0;
                float[] a = sums[i], b = sums[j];
                for (int x = 0; x < a.length; x++) dot += (double) a[x] * b[x];
                double ni = sizes[i], nj = sizes[j];
                if (linkage == Linkage.AVERAGE) {
                  d[index(n, i, j)] = 1 - dot / (ni * nj);
                } else {
                  // 2 ni nj / (ni + nj) * |mean_i - mean_j|^2, the Lance-Williams form of Ward
                  double ai = squaredNorm(a) / (ni * ni), aj = squaredNorm(b) / (nj * nj);
                  double centroids = Math.max(0, ai + aj - 2 * dot / (ni * nj));
                  d[index(n, i, j)] = 2 * ni * nj / (ni + nj) * centroids;
                }
              }
            });
    return cluster(d, sizes.clone(), linkage);
  }

  private static double squaredNorm(float[] v) {
    double s = 0;
    for (float x : v) s += (double) x * x;
    return s;
  }

  static int condensedSize(int n) {
    long size = (long) n * (n - 1) / 2;
    if (size > Integer.MAX_VALUE - 8)
      throw new IllegalArgumentException("too many leaves for one distance matrix: " + n);
    return (int) size;
  }

  /**
   * Per row i, the offset such that the pair (i, j), i &lt; j, is at {@code rowStart[i] + j} of the
   * condensed matrix: {@link #index} without its multiplications, for loops over a row.
   */
  static int[] rowStarts(int n) {
    int[] rowStart = new int[n];
    for (int i = 0; i < n; i++) rowStart[i] = (int) ((long) n * i - (long) i * (i + 1) / 2 - i - 1);
    return rowStart;
  }

  static int index(int n, int i, int j) {
    if (i > j) {
      int t = i;
      i = j;
      j = t;
    }
    return (int) ((long) n * i - (long) i * (i + 1) / 2 + (j - i - 1));
  }

  /**
   * Nearest-neighbour chain over a condensed distance matrix (modified in place). Ward distances
   * are squared (Lance-Williams form); reported heights are their square roots.
   *
   * <p>The clusters still active are kept as an ascending list, so the scans visit them in the
   * order of their numbers (ties go to the lowest, as they always did) without stepping over the
   * merged ones, and the start of each row of the condensed matrix is looked up rather than
   * multiplied out: most of the time of consensus clustering is spent in these scans.
   */
  static Dendrogram cluster(double[] d, int[] sizes, Linkage linkage) {
    int n = sizes.length;
    if (n == 0) return new Dendrogram(0, new int[0], new int[0], new double[0], new int[0]);
    int[] size = sizes.clone();
    int[] active = new int[n];
    for (int x = 0; x < n; x++) active[x] = x;
    int activeCount = n;
    int[] rowStart = rowStarts(n);
    int[] chain = new int[n];
    int chainLength = 0;
    int[] mergeA = new int[n - 1], mergeB = new int[n - 1];
    double[] mergeHeight = new double[n - 1];
    for (int step = 0; step < n - 1; step++) {
      if (chainLength == 0) chain[chainLength++] = active[0];
      int a, b;
      while (true) {
        a = chain[chainLength - 1];
        int previous = chainLength >= 2 ? chain[chainLength - 2] : -1;
        // the previous element wins ties, which guarantees the chain ends in a reciprocal pair
        b = previous;
        double best = previous >= 0 ? d[index(n, a, previous)] : Double.POSITIVE_INFINITY;
        int rowA = rowStart[a];
        for (int p = 0; p < activeCount; p++) {
          int x = active[p];
          if (x == a) continue;
          double dx = d[x < a ? rowStart[x] + a : rowA + x];
          if (dx < best) {
            best = dx;
            b = x;
          }
        }
        if (b == previous) break;
        chain[chainLength++] = b;
      }
      chainLength -= 2;
      double dab = d[index(n, a, b)];
      int keep = Math.min(a, b), drop = Math.max(a, b);
      mergeA[step] = keep;
      mergeB[step] = drop;
      mergeHeight[step] = linkage == Linkage.WARD ? Math.sqrt(dab) : dab;
      double na = size[keep], nb = size[drop];
      for (int p = 0; p < activeCount; p++) {
        int x = active[p];
        if (x == keep || x == drop) continue;
        int xKeep = x < keep ? rowStart[x] + keep : rowStart[keep] + x;
        double dxa = d[xKeep], dxb = d[x < drop ? rowStart[x] + drop : rowStart[drop] + x];
        double nx = size[x];
        d[xKeep] =
            linkage == Linkage.WARD
                ? ((na + nx) * dxa + (nb + nx) * dxb - nx * dab) / (na + nb + nx)
                : (na * dxa + nb * dxb) / (na + nb);
      }
      int at = Arrays.binarySearch(active, 0, activeCount, drop);
      System.arraycopy(active, at + 1, active, at, activeCount - at - 1);
      activeCount--;
      size[keep] += size[drop];
    }
    return relabel(n, mergeA, mergeB, mergeHeight, sizes);
  }

  /** Sorts merges by height and renames clusters as SciPy does (new cluster = n + merge index). */
  static Dendrogram relabel(int n, int[] mergeA, int[] mergeB, double[] mergeHeight, int[] sizes) {
    Integer[] order = new Integer[n - 1];
    for (int i = 0; i < order.length; i++) order[i] = i;
    // stable: equal heights keep the order they were found in
    Arrays.sort(order, (x, y) -> Double.compare(mergeHeight[x], mergeHeight[y]));
    int[] parent = new int[2 * n - 1];
    int[] clusterOf = new int[2 * n - 1];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
      clusterOf[i] = i;
    }
    int[] left = new int[n - 1], right = new int[n - 1], size = new int[n - 1];
    double[] height = new double[n - 1];
    for (int m = 0; m < order.length; m++) {
      int o = order[m];
      int ra = find(parent, mergeA[o]), rb = find(parent, mergeB[o]);
      int ca = clusterOf[ra], cb = clusterOf[rb];
      left[m] = Math.min(ca, cb);
      right[m] = Math.max(ca, cb);
      height[m] = mergeHeight[o];
      size[m] = sizeOf(left[m], n, sizes, size) + sizeOf(right[m], n, sizes, size);
      parent[rb] = ra;
      clusterOf[ra] = n + m;
    }
    return new Dendrogram(n, left, right, height, size);
  }

  private static int sizeOf(int cluster, int n, int[] leafSizes, int[] mergeSizes) {
    return cluster < n ? leafSizes[cluster] : mergeSizes[cluster - n];
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
}
