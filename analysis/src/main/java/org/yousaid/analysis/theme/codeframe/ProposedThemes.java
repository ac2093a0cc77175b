package org.yousaid.analysis.theme.codeframe;

import java.util.Arrays;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.theme.AutoKOptions;
import org.yousaid.analysis.theme.SphericalKMeans;
import org.yousaid.analysis.theme.ThemeCountChooser;

/**
 * New themes proposed from the answers that fit no code of a codeframe: the leftovers are clustered
 * as in discovery (spherical k-means, number of themes by the silhouette chooser), and clusters of
 * at least {@link #MIN_SIZE} answers are proposed; the rest stay in "other".
 *
 * @param count number of proposed themes
 * @param theme per leftover answer, its proposed theme (0..count-1) or -1 for "other"
 * @param confidence per leftover answer, its similarity to its theme's centroid (1 for "other")
 */
public record ProposedThemes(int count, int[] theme, double[] confidence) {
  /** A proposed theme needs at least this many answers. */
  public static final int MIN_SIZE = 2;

  /** At most this many proposed themes: they are suggestions for the officer to review. */
  static final int MAX_PROPOSED = 8;

  public static ProposedThemes cluster(ThemeSpace space, int[] leftovers, long seed) {
    int n = leftovers.length;
    int[] theme = new int[n];
    double[] confidence = new double[n];
    Arrays.fill(theme, -1);
    Arrays.fill(confidence, 1.0);
    if (n < 2 * MIN_SIZE) return new ProposedThemes(0, theme, confidence);
    int k =
        n < 4 * MIN_SIZE
            ? 1
            : new ThemeCountChooser(
                    AutoKOptions.defaults(), Math.min(MAX_PROPOSED, n / MIN_SIZE), seed)
                .choose(space, leftovers)
                .k();
    SphericalKMeans.Clustering c =
        new SphericalKMeans(3, 50, seed).cluster(space, leftovers, Math.max(1, Math.min(k, n)));
    int[] size = new int[c.k()];
    for (int a : c.assignment()) size[a]++;
    int[] renumber = new int[c.k()];
    int count = 0;
    for (int x = 0; x < c.k(); x++) renumber[x] = size[x] >= MIN_SIZE ? count++ : -1;
    for (int j = 0; j < n; j++) {
      int x = c.assignment()[j];
      theme[j] = renumber[x];
      if (theme[j] >= 0)
        confidence[j] = Math.max(0, Math.min(1, space.similarity(leftovers[j], c.centroids()[x])));
    }
    return new ProposedThemes(count, theme, confidence);
  }
}
