package org.yousaid.analysis.theme;

import java.util.Arrays;

/**
 * The result of agglomerative clustering: {@code leaves - 1} merges in order of increasing height,
 * each joining two clusters into a new one. Clusters are numbered as in SciPy's linkage matrix:
 * leaves are {@code 0..leaves-1}, the cluster made by merge {@code m} is {@code leaves + m}.
 *
 * <p>Cutting the tree at any number of clusters gives nested partitions: asking for one theme fewer
 * merges two themes and leaves every other theme as it was.
 */
public final class Dendrogram {
  private final int leaves;
  private final int[] left, right, size;
  private final double[] height;

  Dendrogram(int leaves, int[] left, int[] right, double[] height, int[] size) {
    this.leaves = leaves;
    this.left = left;
    this.right = right;
    this.height = height;
    this.size = size;
  }

  public int leaves() {
    return leaves;
  }

  public int merges() {
    return left.length;
  }

  public int left(int merge) {
    return left[merge];
  }

  public int right(int merge) {
    return right[merge];
  }

  /** The linkage distance at which merge {@code m} happened (non-decreasing in m). */
  public double height(int merge) {
    return height[merge];
  }

  /** Number of leaves (weighted by their sizes when leaves are micro-clusters) under merge m. */
  public int size(int merge) {
    return size[merge];
  }

  /** Size of any cluster id (leaf or merge). */
  public int clusterSize(int cluster, int[] leafSizes) {
    return cluster < leaves ? leafSizes[cluster] : size[cluster - leaves];
  }

  /**
   * Leaf labels 0..k-1 after undoing the last k-1 merges; labels are numbered in order of each
   * cluster's first leaf, so the same tree always gives the same labels.
   */
  public int[] cut(int k) {
    int clusters = Math.max(1, Math.min(k, leaves));
    int[] parent = new int[leaves + merges()];
    for (int i = 0; i < parent.length; i++) parent[i] = i;
    for (int m = 0; m < leaves - clusters; m++) {
      parent[left[m]] = leaves + m;
      parent[right[m]] = leaves + m;
    }
    int[] label = new int[leaves];
    int[] labelOfRoot = new int[parent.length];
    Arrays.fill(labelOfRoot, -1);
    int next = 0;
    for (int i = 0; i < leaves; i++) {
      int r = i;
      while (parent[r] != r) r = parent[r];
      if (labelOfRoot[r] < 0) labelOfRoot[r] = next++;
      label[i] = labelOfRoot[r];
    }
    return label;
  }

  /**
   * The cluster ids (leaf or merge) that are the roots when the tree is cut into k clusters, in the
   * order of {@link #cut(int)}'s labels.
   */
  public int[] roots(int k) {
    int clusters = Math.max(1, Math.min(k, leaves));
    int[] parent = new int[leaves + merges()];
    for (int i = 0; i < parent.length; i++) parent[i] = i;
    for (int m = 0; m < leaves - clusters; m++) {
      parent[left[m]] = leaves + m;
      parent[right[m]] = leaves + m;
    }
    int[] out = new int[clusters];
    boolean[] seen = new boolean[parent.length];
    int next = 0;
    for (int i = 0; i < leaves; i++) {
      int r = i;
      while (parent[r] != r) r = parent[r];
      if (!seen[r]) {
        seen[r] = true;
        out[next++] = r;
      }
    }
    return out;
  }
}
