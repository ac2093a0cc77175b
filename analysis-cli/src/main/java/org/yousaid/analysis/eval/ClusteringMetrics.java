package org.yousaid.analysis.eval;

import java.util.HashMap;
import java.util.Map;
import org.yousaid.analysis.theme.Hungarian;

/**
 * ACC (best one-to-one cluster/label mapping), NMI (arithmetic-mean normalisation, as sklearn) and
 * ARI.
 */
public final class ClusteringMetrics {
  public record Scores(double acc, double nmi, double ari) {}

  private ClusteringMetrics() {}

  public static Scores score(int[] truth, int[] predicted) {
    int[] t = dense(truth), p = dense(predicted);
    int nt = max(t) + 1, np = max(p) + 1, n = t.length;
    long[][] table = new long[np][nt];
    for (int i = 0; i < n; i++) table[p[i]][t[i]]++;
    double[][] cost = new double[np][nt];
    for (int i = 0; i < np; i++) for (int j = 0; j < nt; j++) cost[i][j] = -table[i][j];
    int[] map = Hungarian.solve(cost);
    long correct = 0;
    for (int i = 0; i < np; i++) if (map[i] >= 0) correct += table[i][map[i]];
    long[] rowSums = new long[np], colSums = new long[nt];
    for (int i = 0; i < np; i++)
      for (int j = 0; j < nt; j++) {
        rowSums[i] += table[i][j];
        colSums[j] += table[i][j];
      }
    double mi = 0, hp = 0, ht = 0;
    for (int i = 0; i < np; i++)
      for (int j = 0; j < nt; j++) {
        if (table[i][j] == 0) continue;
        mi +=
            (double) table[i][j]
                / n
                * Math.log((double) table[i][j] * n / ((double) rowSums[i] * colSums[j]));
      }
    for (long r : rowSums) if (r > 0) hp -= (double) r / n * Math.log((double) r / n);
    for (long c : colSums) if (c > 0) ht -= (double) c / n * Math.log((double) c / n);
    double nmi = (hp + ht) == 0 ? 1 : 2 * mi / (hp + ht);
    double sumCells = 0, sumRows = 0, sumCols = 0;
    for (long[] row : table) for (long x : row) sumCells += choose2(x);
    for (long r : rowSums) sumRows += choose2(r);
    for (long c : colSums) sumCols += choose2(c);
    double expected = sumRows * sumCols / choose2(n);
    double maxIndex = (sumRows + sumCols) / 2;
    double ari = maxIndex == expected ? 1 : (sumCells - expected) / (maxIndex - expected);
    return new Scores((double) correct / n, nmi, ari);
  }

  private static double choose2(long x) {
    return x * (x - 1) / 2.0;
  }

  private static int max(int[] a) {
    int m = 0;
    for (int x : a) m = Math.max(m, x);
    return m;
  }

  private static int[] dense(int[] labels) {
    Map<Integer, Integer> ids = new HashMap<>();
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++)
      out[i] = ids.computeIfAbsent(labels[i], x -> ids.size());
    return out;
  }
}
