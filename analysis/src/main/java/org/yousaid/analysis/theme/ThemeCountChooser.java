package org.yousaid.analysis.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.theme.AutoKOptions.Criterion;

/**
 * Chooses the number of themes when the officer has not: k-means for each candidate k on a sample
 * of answers, scored by the mean silhouette (cosine distance) on that sample; the best-scoring k
 * wins.
 */
public final class ThemeCountChooser {
  /**
   * @param k the chosen count
   * @param scores per candidate count searched, {k, score x 1000}
   */
  public record Choice(int k, List<int[]> scores) {
    /**
     * Whether the chosen count's score beats the best score at any count up to {@code upTo} by at
     * least {@code margin} of that score: a peak clear of the small counts, not one that two
     * samples of the same answers put either side of them by chance. True when nothing up to {@code
     * upTo} was scored.
     */
    public boolean clearlyAbove(int upTo, double margin) {
      Integer chosen = null, small = null;
      for (int[] s : scores) {
        if (s[0] == k) chosen = s[1];
        if (s[0] <= upTo) small = small == null ? s[1] : Math.max(small, s[1]);
      }
      if (chosen == null || small == null) return true;
      return chosen >= small + margin * Math.abs(small);
    }
  }

  private static final int[] GRID = {
    2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 18, 20, 23, 26, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100,
    120, 150
  };

  private final AutoKOptions settings;
  private final int sampleSize;
  private final int maxK;
  private final long seed;

  public ThemeCountChooser(AutoKOptions settings, int maxK, long seed) {
    this.settings = settings;
    this.sampleSize = settings.sampleSize();
    this.maxK = maxK;
    this.seed = seed;
  }

  /** Chooses k for the given answers (indices into the space) by the settings' criterion. */
  public Choice choose(ThemeSpace space, int[] items) {
    Criterion criterion = settings.criterion();
    if (criterion == Criterion.MERGE) return chooseByMerging(space, items);
    if (criterion == Criterion.BAGGED_SILHOUETTE) return chooseByBaggedSilhouette(space, items);
    int[] sample = sample(items);
    int n = sample.length;
    float[][] sim = space.similarityMatrix(sample);
    int upper = Math.min(maxK, Math.max(2, n / 4));
    SphericalKMeans kmeans = new SphericalKMeans(2, 30, seed);
    KnnGraph graph =
        criterion == Criterion.KNN_MODULARITY ? new KnnGraph(sim, neighbours(n)) : null;
    boolean debug = settings.debug();
    int bestK = 1;
    double bestScore = Double.NEGATIVE_INFINITY;
    List<int[]> scores = new ArrayList<>();
    for (int k : GRID) {
      if (k > upper) break;
      int[] a = kmeans.cluster(space, sample, k).assignment();
      double s =
          switch (criterion) {
            case SILHOUETTE -> silhouette(sim, a, k);
            case KNN_MODULARITY -> graph.modularity(a, k);
            case STABILITY -> stability(space, sample, k);
            case MERGE, BAGGED_SILHOUETTE -> throw new IllegalStateException();
          };
      scores.add(new int[] {k, (int) Math.round(s * 1000)});
      if (debug)
        System.err.printf(
            "autok %s k=%d score=%.4f sil=%.4f%n",
            criterion, k, s, criterion == Criterion.SILHOUETTE ? s : silhouette(sim, a, k));
      if (s > bestScore) {
        bestScore = s;
        bestK = k;
      }
    }
    return new Choice(Math.max(1, bestK), scores);
  }

  /**
   * Agreement (adjusted Rand index) between two clusterings of the whole sample, each fitted on a
   * different random 80% of it and extended to the rest by nearest centroid. A k that matches real
   * structure is found again from other data; a k that splits a theme arbitrarily, or merges two,
   * is not.
   */
  double stability(ThemeSpace space, int[] sample, int k) {
    int[][] labels = new int[2][];
    for (int r = 0; r < 2; r++) {
      SplittableRandom random = new SplittableRandom(seed * 1_000_003L + k * 31L + r);
      int[] copy = sample.clone();
      int take = (int) Math.round(sample.length * 0.8);
      for (int i = 0; i < take; i++) {
        int j = i + random.nextInt(copy.length - i);
        int t = copy[i];
        copy[i] = copy[j];
        copy[j] = t;
      }
      float[][] centroids =
          new SphericalKMeans(1, 30, seed + 101L * r + k)
              .cluster(space, java.util.Arrays.copyOf(copy, take), k)
              .centroids();
      labels[r] =
          IntStream.range(0, sample.length)
              .parallel()
              .map(
                  i -> {
                    int arg = 0;
                    float best = Float.NEGATIVE_INFINITY;
                    for (int c = 0; c < centroids.length; c++) {
                      float s = space.similarity(sample[i], centroids[c]);
                      if (s > best) {
                        best = s;
                        arg = c;
                      }
                    }
                    return arg;
                  })
              .toArray();
    }
    return adjustedRand(labels[0], labels[1], k);
  }

  static double adjustedRand(int[] a, int[] b, int k) {
    long[][] table = new long[k][k];
    long[] rows = new long[k], cols = new long[k];
    for (int i = 0; i < a.length; i++) {
      table[a[i]][b[i]]++;
      rows[a[i]]++;
      cols[b[i]]++;
    }
    double index = 0, sumRows = 0, sumCols = 0;
    for (long[] row : table) for (long x : row) index += x * (x - 1) / 2.0;
    for (long x : rows) sumRows += x * (x - 1) / 2.0;
    for (long x : cols) sumCols += x * (x - 1) / 2.0;
    double pairs = a.length * (a.length - 1) / 2.0;
    double expected = sumRows * sumCols / pairs;
    double max = (sumRows + sumCols) / 2;
    return max == expected ? 1 : (index - expected) / (max - expected);
  }

  /**
   * The silhouette criterion with its variance reduced, because on sets with many small, close
   * themes the silhouette curve is flat over a wide range of k and one k-means run per k on one
   * sample decides by noise (Banking77: 98, 35 and 79 chosen for 77 with three seeds). Each of
   * {@link AutoKOptions#rounds()} rounds draws its own sample and clusters it afresh for every k;
   * the mean silhouette per k is then smoothed over the neighbouring grid points with weights 1-2-1
   * (the grid is roughly logarithmic, so this is a window of about +-15% in k) and the best
   * smoothed k wins. On a set with a clear peak (StackOverflow-20, a consultation question's
   * handful of themes) this changes nothing; on a plateau it picks the middle of the plateau's best
   * stretch instead of a random point on it.
   */
  Choice chooseByBaggedSilhouette(ThemeSpace space, int[] items) {
    int size = Math.min(sampleSize, items.length);
    int upper = Math.min(maxK, Math.max(2, size / 4));
    List<Integer> ks = new ArrayList<>();
    for (int k : GRID) if (k <= upper) ks.add(k);
    if (ks.isEmpty()) return new Choice(1, List.of());
    double[] mean = new double[ks.size()];
    // one round when the sample is the whole set: further rounds would only repeat the same data
    int rounds =
        items.length <= sampleSize ? Math.max(1, settings.rounds() - 1) : settings.rounds();
    for (int r = 0; r < rounds; r++) {
      long roundSeed = seed + 1_000_003L * r;
      int[] sample = sample(items, roundSeed);
      float[][] sim = space.similarityMatrix(sample);
      SphericalKMeans kmeans = new SphericalKMeans(2, 30, roundSeed);
      for (int x = 0; x < ks.size(); x++) {
        int[] a = kmeans.cluster(space, sample, ks.get(x)).assignment();
        mean[x] += silhouette(sim, a, ks.get(x)) / rounds;
      }
    }
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    List<int[]> scores = new ArrayList<>();
    boolean debug = settings.debug();
    for (int x = 0; x < ks.size(); x++) {
      // weights 1-2-1 over the neighbouring grid points (renormalised at the ends): a sharp peak
      // stays put
      double sum = 2 * mean[x];
      int weight = 2;
      if (x > 0) {
        sum += mean[x - 1];
        weight++;
      }
      if (x + 1 < ks.size()) {
        sum += mean[x + 1];
        weight++;
      }
      double smoothed = sum / weight;
      scores.add(new int[] {ks.get(x), (int) Math.round(smoothed * 1000)});
      if (debug)
        System.err.printf(
            java.util.Locale.ROOT,
            "autok bagged k=%d mean=%.4f smoothed=%.4f%n",
            ks.get(x),
            mean[x],
            smoothed);
      if (smoothed > bestScore) {
        bestScore = smoothed;
        best = x;
      }
    }
    return new Choice(ks.get(best), scores);
  }

  /**
   * Over-clusters the sample with k-means (about 5 answers per cluster, at most 2 x maxK clusters),
   * then merges the two clusters whose centres (mean sentence embedding) are most similar, again
   * and again, while that similarity is at least {@link AutoKOptions#mergeSimilarity()}. The number
   * of groups left is k. The answer to "how many themes" then follows from how far apart the
   * answers' meanings are rather than from a global score that is flat for many small themes.
   */
  Choice chooseByMerging(ThemeSpace space, int[] items) {
    int[] sample = sample(items);
    int n = sample.length;
    int k0 = Math.max(2, Math.min(2 * maxK, n / 5));
    if (n < 4) return new Choice(1, List.of());
    SphericalKMeans.Clustering c = new SphericalKMeans(1, 30, seed).cluster(space, sample, k0);
    int dim = space.embedding(sample[0]).length;
    int k = c.k();
    double[][] sums = new double[k][dim];
    for (int i = 0; i < n; i++) {
      float[] e = space.embedding(sample[i]);
      double[] s = sums[c.assignment()[i]];
      for (int d = 0; d < dim; d++) s[d] += e[d];
    }
    List<double[]> groups = new ArrayList<>();
    for (double[] s : sums) if (norm(s) > 0) groups.add(s);
    List<int[]> trace = new ArrayList<>();
    boolean debug = settings.debug();
    double[] taus = {
      0.80, 0.82, 0.84, 0.85, 0.86, 0.87, 0.88, 0.89, 0.90, 0.91, 0.92, 0.93, 0.94, 0.95
    };
    int chosen = -1;
    int g = groups.size();
    double[][] cos = new double[g][g];
    boolean[] alive = new boolean[g];
    java.util.Arrays.fill(alive, true);
    IntStream.range(0, g)
        .parallel()
        .forEach(
            i -> {
              for (int j = 0; j < g; j++)
                cos[i][j] =
                    i == j ? Double.NEGATIVE_INFINITY : cosine(groups.get(i), groups.get(j));
            });
    for (int left = g; left > 1; left--) {
      int bi = -1, bj = -1;
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < g; i++) {
        if (!alive[i]) continue;
        for (int j = i + 1; j < g; j++) {
          if (alive[j] && cos[i][j] > best) {
            best = cos[i][j];
            bi = i;
            bj = j;
          }
        }
      }
      trace.add(new int[] {left, (int) Math.round(best * 1000)});
      if (best < settings.mergeSimilarity() && chosen < 0) {
        chosen = left;
        if (!debug) break;
      }
      double[] a = groups.get(bi), b = groups.get(bj);
      for (int d = 0; d < dim; d++) a[d] += b[d];
      alive[bj] = false;
      for (int j = 0; j < g; j++) {
        if (alive[j] && j != bi) cos[bi][j] = cos[j][bi] = cosine(a, groups.get(j));
      }
    }
    if (chosen < 0) chosen = 1;
    if (debug) {
      StringBuilder sb = new StringBuilder("autok merge k0=" + k0 + " n=" + n);
      for (double tau : taus) {
        int count = 1;
        for (int[] t : trace)
          if (t[1] < tau * 1000) {
            count = t[0];
            break;
          }
        sb.append(String.format(java.util.Locale.ROOT, " tau%.2f=%d", tau, count));
      }
      System.err.println(sb);
    }
    return new Choice(Math.max(1, Math.min(maxK, chosen)), trace);
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) s += x * x;
    return Math.sqrt(s);
  }

  private static double cosine(double[] a, double[] b) {
    double dot = 0;
    for (int d = 0; d < a.length; d++) dot += a[d] * b[d];
    return dot / (norm(a) * norm(b));
  }

  /** Neighbours per answer in the kNN graph: 10, fewer for very small questions. */
  static int neighbours(int n) {
    return Math.max(2, Math.min(10, n / 10));
  }

  /**
   * Symmetrised k-nearest-neighbour graph of the sample (cosine). A clustering's Newman modularity
   * on this graph rewards keeping each answer with its near neighbours and penalises splitting them
   * apart; unlike the silhouette, which averages distances to every member of the nearest cluster,
   * it looks only at local structure, so it stays informative when there are many small, close
   * themes.
   */
  static final class KnnGraph {
    final int[][] adjacency;
    final long edges;

    KnnGraph(float[][] sim, int m) {
      int n = sim.length;
      java.util.List<java.util.Set<Integer>> adj = new ArrayList<>();
      for (int i = 0; i < n; i++) adj.add(new java.util.HashSet<>());
      int[][] nearest = new int[n][];
      IntStream.range(0, n)
          .parallel()
          .forEach(
              i -> {
                Integer[] order =
                    IntStream.range(0, n).filter(j -> j != i).boxed().toArray(Integer[]::new);
                java.util.Arrays.sort(order, (x, y) -> Float.compare(sim[i][y], sim[i][x]));
                int[] top = new int[Math.min(m, order.length)];
                for (int t = 0; t < top.length; t++) top[t] = order[t];
                nearest[i] = top;
              });
      for (int i = 0; i < n; i++)
        for (int j : nearest[i]) {
          adj.get(i).add(j);
          adj.get(j).add(i);
        }
      adjacency = new int[n][];
      long twiceEdges = 0;
      for (int i = 0; i < n; i++) {
        adjacency[i] = adj.get(i).stream().mapToInt(Integer::intValue).toArray();
        twiceEdges += adjacency[i].length;
      }
      edges = twiceEdges / 2;
    }

    /** Q = sum over clusters of (internal edges / m - (degree sum / 2m)^2). */
    double modularity(int[] a, int k) {
      if (edges == 0) return 0;
      double[] internal = new double[k], degree = new double[k];
      for (int i = 0; i < adjacency.length; i++) {
        degree[a[i]] += adjacency[i].length;
        for (int j : adjacency[i]) if (a[j] == a[i]) internal[a[i]] += 0.5;
      }
      double q = 0, m = edges;
      for (int c = 0; c < k; c++) q += internal[c] / m - Math.pow(degree[c] / (2 * m), 2);
      return q;
    }
  }

  private int[] sample(int[] items) {
    return sample(items, seed);
  }

  private int[] sample(int[] items, long sampleSeed) {
    if (items.length <= sampleSize) return items.clone();
    int[] copy = items.clone();
    SplittableRandom r = new SplittableRandom(sampleSeed);
    for (int i = 0; i < sampleSize; i++) {
      int j = i + r.nextInt(copy.length - i);
      int t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return java.util.Arrays.copyOf(copy, sampleSize);
  }

  /** Mean silhouette with distance 1 - cos; singleton clusters score 0 as usual. */
  static double silhouette(float[][] sim, int[] a, int k) {
    int n = a.length;
    int[] sizes = new int[k];
    for (int x : a) sizes[x]++;
    double total =
        IntStream.range(0, n)
            .parallel()
            .mapToDouble(
                i -> {
                  if (sizes[a[i]] <= 1) return 0;
                  double[] sums = new double[k];
                  for (int j = 0; j < n; j++) if (j != i) sums[a[j]] += 1 - sim[i][j];
                  double own = sums[a[i]] / (sizes[a[i]] - 1);
                  double other = Double.MAX_VALUE;
                  for (int c = 0; c < k; c++)
                    if (c != a[i] && sizes[c] > 0) other = Math.min(other, sums[c] / sizes[c]);
                  if (other == Double.MAX_VALUE) return 0;
                  return (other - own) / Math.max(other, own);
                })
            .sum();
    return total / n;
  }
}
