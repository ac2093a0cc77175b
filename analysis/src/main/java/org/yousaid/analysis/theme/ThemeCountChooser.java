package org.yousaid.analysis.theme;

import org.yousaid.analysis.represent.ThemeSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Chooses the number of themes when the officer has not: k-means for each candidate k on a sample of answers,
 * scored by the mean silhouette (cosine distance) on that sample; the best-scoring k wins.
 */
public final class ThemeCountChooser {
    public record Choice(int k, List<int[]> scores) {
    }

    private static final int[] GRID = {2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 18, 20, 23, 26, 30, 35, 40, 45, 50, 60, 70,
            80, 90, 100, 120, 150};

    private final int sampleSize;
    private final int maxK;
    private final long seed;

    public ThemeCountChooser(int sampleSize, int maxK, long seed) {
        this.sampleSize = sampleSize;
        this.maxK = maxK;
        this.seed = seed;
    }

    public Choice choose(ThemeSpace space, int[] items) {
        int[] sample = sample(items);
        int n = sample.length;
        float[][] sim = new float[n][n];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j < n; j++) sim[i][j] = space.similarity(sample[i], sample[j]);
        });
        int upper = Math.min(maxK, Math.max(2, n / 4));
        SphericalKMeans kmeans = new SphericalKMeans(2, 30, seed);
        int bestK = 1;
        double bestScore = Double.NEGATIVE_INFINITY;
        List<int[]> scores = new ArrayList<>();
        for (int k : GRID) {
            if (k > upper) break;
            int[] a = kmeans.cluster(space, sample, k).assignment();
            double s = silhouette(sim, a, k);
            scores.add(new int[]{k, (int) Math.round(s * 1000)});
            if (s > bestScore) {
                bestScore = s;
                bestK = k;
            }
        }
        return new Choice(Math.max(1, bestK), scores);
    }

    private int[] sample(int[] items) {
        if (items.length <= sampleSize) return items.clone();
        int[] copy = items.clone();
        SplittableRandom r = new SplittableRandom(seed);
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
        double total = IntStream.range(0, n).parallel().mapToDouble(i -> {
            if (sizes[a[i]] <= 1) return 0;
            double[] sums = new double[k];
            for (int j = 0; j < n; j++) if (j != i) sums[a[j]] += 1 - sim[i][j];
            double own = sums[a[i]] / (sizes[a[i]] - 1);
            double other = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) if (c != a[i] && sizes[c] > 0) other = Math.min(other, sums[c] / sizes[c]);
            if (other == Double.MAX_VALUE) return 0;
            return (other - own) / Math.max(other, own);
        }).sum();
        return total / n;
    }
}
