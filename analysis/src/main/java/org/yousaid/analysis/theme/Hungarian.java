package org.yousaid.analysis.theme;

import java.util.Arrays;

/** Minimum-cost assignment (Kuhn-Munkres, O(n^3), potentials form) on a rectangular cost matrix. */
public final class Hungarian {
  private Hungarian() {}

  /** Returns, for each row, the assigned column or -1 when there are more rows than columns. */
  public static int[] solve(double[][] cost) {
    int rows = cost.length, cols = rows == 0 ? 0 : cost[0].length, n = Math.max(rows, cols);
    double[][] a = new double[n + 1][n + 1];
    for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) a[i + 1][j + 1] = cost[i][j];
    double[] u = new double[n + 1], v = new double[n + 1];
    int[] p = new int[n + 1], way = new int[n + 1];
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      double[] minv = new double[n + 1];
      Arrays.fill(minv, Double.MAX_VALUE);
      boolean[] used = new boolean[n + 1];
      do {
        used[j0] = true;
        int i0 = p[j0], j1 = 0;
        double delta = Double.MAX_VALUE;
        for (int j = 1; j <= n; j++) {
          if (used[j]) continue;
          double cur = a[i0][j] - u[i0] - v[j];
          if (cur < minv[j]) {
            minv[j] = cur;
            way[j] = j0;
          }
          if (minv[j] < delta) {
            delta = minv[j];
            j1 = j;
          }
        }
        for (int j = 0; j <= n; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] result = new int[rows];
    Arrays.fill(result, -1);
    for (int j = 1; j <= n; j++) {
      if (p[j] >= 1 && p[j] <= rows && j <= cols) result[p[j] - 1] = j - 1;
    }
    return result;
  }
}
