package org.yousaid.analysis.theme;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.represent.Vectors;

/**
 * Spherical k-means (cosine) with k-means++ seeding and several restarts, keeping the run with the
 * highest total similarity. Written here rather than taken from a library because it runs over the
 * mixed dense+sparse {@link ThemeSpace} without materialising 10k x (384 + vocabulary) dense
 * vectors.
 */
public final class SphericalKMeans {
  public record Clustering(int k, int[] assignment, float[][] centroids, double objective) {}

  private final int restarts;
  private final int maxIterations;
  private final long seed;

  public SphericalKMeans(int restarts, int maxIterations, long seed) {
    this.restarts = restarts;
    this.maxIterations = maxIterations;
    this.seed = seed;
  }

  public Clustering cluster(ThemeSpace space, int[] items, int k) {
    Clustering best = null;
    // the answers are laid out once for all restarts and steps; only the centres change
    ThemeSpace.Prepared prepared = space.prepare(items);
    for (int r = 0; r < restarts; r++) {
      Clustering c =
          once(
              space,
              prepared,
              items,
              Math.min(k, items.length),
              new SplittableRandom(seed + 7919L * r));
      if (best == null || c.objective() > best.objective()) best = c;
    }
    return best;
  }

  /**
   * One run of Lloyd's steps from the given centres (e.g. an earlier run's themes) instead of
   * k-means++ seeds: a re-run that continues earlier themes moves them only as far as the changed
   * answers pull them.
   */
  public Clustering continueFrom(ThemeSpace space, int[] items, float[][] start) {
    float[][] centroids = new float[start.length][];
    for (int c = 0; c < start.length; c++) centroids[c] = Vectors.normalise(start[c].clone());
    return lloyd(space, space.prepare(items), items, centroids, new SplittableRandom(seed));
  }

  private Clustering once(
      ThemeSpace space, ThemeSpace.Prepared prepared, int[] items, int k, SplittableRandom random) {
    return lloyd(space, prepared, items, seed(space, prepared, items, k, random), random);
  }

  private Clustering lloyd(
      ThemeSpace space,
      ThemeSpace.Prepared prepared,
      int[] items,
      float[][] centroids,
      SplittableRandom random) {
    int k = centroids.length;
    int[] assignment = new int[items.length];
    Arrays.fill(assignment, -1);
    double objective = 0;
    for (int iter = 0; iter < maxIterations; iter++) {
      float[][] sims = prepared.similarities(centroids);
      float[] bestSim = new float[items.length];
      int[] next = new int[items.length];
      for (int i = 0; i < items.length; i++) {
        int arg = 0;
        float best = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < sims[i].length; c++) {
          if (sims[i][c] > best) {
            best = sims[i][c];
            arg = c;
          }
        }
        bestSim[i] = best;
        next[i] = arg;
      }
      objective = 0;
      for (float s : bestSim) objective += s;
      int changed = 0;
      for (int i = 0; i < next.length; i++) if (next[i] != assignment[i]) changed++;
      assignment = next;
      centroids = update(space, items, assignment, k, centroids, random);
      // converged when fewer than 0.1% of answers move: the last few flips cost many passes and
      // change nothing
      if (changed <= items.length / 1000) break;
    }
    return new Clustering(k, assignment, centroids, objective);
  }

  private static float[][] update(
      ThemeSpace space,
      int[] items,
      int[] assignment,
      int k,
      float[][] old,
      SplittableRandom random) {
    float[][] next = new float[k][space.dimension()];
    int[] sizes = new int[k];
    for (int i = 0; i < items.length; i++) {
      space.addTo(items[i], next[assignment[i]]);
      sizes[assignment[i]]++;
    }
    for (int c = 0; c < k; c++) {
      // an emptied cluster is re-seeded on a random answer rather than left dead
      if (sizes[c] == 0) next[c] = space.vector(items[random.nextInt(items.length)]);
      Vectors.normalise(next[c]);
    }
    return next;
  }

  /**
   * k-means++: each new seed is drawn with probability proportional to its squared distance (2 - 2
   * cos).
   */
  private static float[][] seed(
      ThemeSpace space, ThemeSpace.Prepared prepared, int[] items, int k, SplittableRandom random) {
    float[][] centroids = new float[k][];
    centroids[0] = Vectors.normalise(space.vector(items[random.nextInt(items.length)]));
    double[] d2 = new double[items.length];
    Arrays.fill(d2, Double.MAX_VALUE);
    for (int c = 1; c < k; c++) {
      float[][] toLast = prepared.similarities(new float[][] {centroids[c - 1]});
      for (int i = 0; i < items.length; i++)
        d2[i] = Math.min(d2[i], Math.max(0, 2 - 2 * toLast[i][0]));
      double total = 0;
      for (double d : d2) total += d;
      double r = random.nextDouble() * total;
      int pick = items.length - 1;
      for (int i = 0; i < items.length; i++) {
        r -= d2[i];
        if (r <= 0) {
          pick = i;
          break;
        }
      }
      centroids[c] = Vectors.normalise(space.vector(items[pick]));
    }
    return centroids;
  }
}
