package org.yousaid.analysis.theme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.represent.SyntheticGroups;
import org.yousaid.analysis.represent.ThemeSpace;

class ConsensusClusteringTest {
  /**
   * Several numbers of groups at once (one Ward tree per run, cut at each) give exactly the shares
   * of counting each k on its own, each run's tree made afresh from its answers.
   */
  @Test
  void coAssociationsAtSeveralKAreEachKCountedOnItsOwn() {
    float[][] points = SyntheticGroups.points(4, 30, 0.8, 24, 3);
    ThemeSpace space = new ThemeSpace(points, null, 0, 1.0);
    int n = points.length;
    int[] items = IntStream.range(0, n).toArray();
    long[] keys = IntStream.range(0, n).mapToLong(i -> 1000L + 17L * i).toArray();
    int runs = 12;
    int[] ks = {2, 3, 5};
    float[][] together =
        new ConsensusClustering(runs).coAssociations(space.similarityMatrix(items), keys, ks);
    for (int q = 0; q < ks.length; q++) {
      int k = ks[q];
      int[] same = new int[AgglomerativeClustering.condensedSize(n)];
      int[] both = new int[same.length];
      for (int r = 0; r < runs; r++) {
        int run = r;
        int[] members =
            IntStream.range(0, n).filter(i -> ConsensusClustering.inRun(keys[i], run)).toArray();
        int[] labels =
            AgglomerativeClustering.cluster(space, members, AgglomerativeClustering.Linkage.WARD)
                .cut(k);
        for (int a = 0; a < members.length; a++)
          for (int b = a + 1; b < members.length; b++) {
            int idx = AgglomerativeClustering.index(n, members[a], members[b]);
            both[idx]++;
            if (labels[a] == labels[b]) same[idx]++;
          }
      }
      float[] expected = new float[same.length];
      for (int x = 0; x < same.length; x++)
        expected[x] = both[x] == 0 ? 0 : (float) same[x] / both[x];
      assertArrayEquals(expected, together[q], "k = " + k);
    }
  }
}
