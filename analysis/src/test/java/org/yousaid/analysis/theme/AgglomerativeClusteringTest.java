package org.yousaid.analysis.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AgglomerativeClusteringTest {
  /**
   * The nearest-neighbour chain over the list of active clusters gives the tree the plain chain
   * gives (the textbook loop over every cluster number, below), merge for merge, also when many
   * distances tie: ties must still go to the lowest cluster number, or themes would change.
   */
  @Test
  void theChainOverActiveClustersIsThePlainChainEvenWithTies() {
    SplittableRandom random = new SplittableRandom(9);
    for (AgglomerativeClustering.Linkage linkage : AgglomerativeClustering.Linkage.values())
      for (int trial = 0; trial < 20; trial++) {
        int n = 2 + random.nextInt(120);
        boolean ties = trial % 2 == 0;
        double[] d = new double[AgglomerativeClustering.condensedSize(n)];
        for (int x = 0; x < d.length; x++) d[x] = ties ? random.nextInt(4) : random.nextDouble();
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) sizes[i] = 1 + (trial % 3 == 0 ? random.nextInt(3) : 0);
        Dendrogram expected = plainChain(d.clone(), sizes, linkage);
        Dendrogram actual = AgglomerativeClustering.cluster(d.clone(), sizes, linkage);
        for (int m = 0; m < n - 1; m++) {
          String what = linkage + " trial " + trial + " merge " + m;
          assertEquals(expected.left(m), actual.left(m), what);
          assertEquals(expected.right(m), actual.right(m), what);
          assertEquals(expected.height(m), actual.height(m), what);
          assertEquals(expected.size(m), actual.size(m), what);
        }
      }
  }

  /** The nearest-neighbour chain as first written here: every scan visits every cluster number. */
  private static Dendrogram plainChain(
      double[] d, int[] sizes, AgglomerativeClustering.Linkage linkage) {
    int n = sizes.length;
    int[] size = sizes.clone();
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    int[] chain = new int[n];
    int chainLength = 0;
    int[] mergeA = new int[n - 1], mergeB = new int[n - 1];
    double[] height = new double[n - 1];
    for (int step = 0; step < n - 1; step++) {
      if (chainLength == 0) {
        int first = 0;
        while (!active[first]) first++;
        chain[chainLength++] = first;
      }
      int a, b;
      while (true) {
        a = chain[chainLength - 1];
        int previous = chainLength >= 2 ? chain[chainLength - 2] : -1;
        b = previous;
        double best =
            previous >= 0
                ? d[AgglomerativeClustering.index(n, a, previous)]
                : Double.POSITIVE_INFINITY;
        for (int x = 0; x < n; x++) {
          if (!active[x] || x == a) continue;
          double dx = d[AgglomerativeClustering.index(n, a, x)];
          if (dx < best) {
            best = dx;
            b = x;
          }
        }
        if (b == previous) break;
        chain[chainLength++] = b;
      }
      chainLength -= 2;
      double dab = d[AgglomerativeClustering.index(n, a, b)];
      int keep = Math.min(a, b), drop = Math.max(a, b);
      mergeA[step] = keep;
      mergeB[step] = drop;
      height[step] = linkage == AgglomerativeClustering.Linkage.WARD ? Math.sqrt(dab) : dab;
      double na = size[keep], nb = size[drop];
      for (int x = 0; x < n; x++) {
        if (!active[x] || x == keep || x == drop) continue;
        double dxa = d[AgglomerativeClustering.index(n, x, keep)];
        double dxb = d[AgglomerativeClustering.index(n, x, drop)];
        double nx = size[x];
        d[AgglomerativeClustering.index(n, x, keep)] =
            linkage == AgglomerativeClustering.Linkage.WARD
                ? ((na + nx) * dxa + (nb + nx) * dxb - nx * dab) / (na + nb + nx)
                : (na * dxa + nb * dxb) / (na + nb);
      }
      active[drop] = false;
      size[keep] += size[drop];
    }
    return AgglomerativeClustering.relabel(n, mergeA, mergeB, height, sizes);
  }
}
