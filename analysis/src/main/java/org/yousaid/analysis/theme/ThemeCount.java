package org.yousaid.analysis.theme;

/**
 * How many themes to show for a question of up to {@link ThemeDiscovery#LIMIT} answers when the
 * officer has not said.
 *
 * <p>Why not a score computed from the answers alone: on people-coded patient feedback (NHS patient
 * comments, coders used 6-9 categories at 30, 100 and 300 answers), the silhouette and
 * Calinski-Harabasz prefer 2 when themes overlap, which is the collapse officers saw; the gap
 * statistic and the share of ambiguous pairs in the consensus rise or fall steadily with k; and
 * significance tests (Duda-Hart) find more themes the more answers there are (1 at 30 answers,
 * 20-30 at 2,000). So the count has two parts:
 *
 * <ul>
 *   <li>a <b>readable count</b> that grows with the number of answers as coders' counts do, about
 *       √(2 n): 6 themes for 20 answers, 8 for 30, and at most {@link #READABLE_MAX}, because a
 *       longer list is not read (officers ask for fewer or more);
 *   <li>more themes only when the answers <b>clearly</b> have more: the bagged silhouette of
 *       k-means ({@link ThemeCountChooser}) peaks at least twice the readable count, {@link
 *       ThemeDiscovery#PEAK_MARGIN clearly} above its best score at the readable count or fewer.
 *       Crisp sets such as StackOverflow's 20 tags or Banking77's intents have that; overlapping
 *       feedback does not, and then the silhouette's pull towards 2 is ignored. Without the margin,
 *       two samples of the same 2,000 partly templated answers put a peak at 30 just above and just
 *       below the score at 2 by chance (29 themes against 10).
 * </ul>
 *
 * Both parts change by at most one theme when one answer is added or deleted, except where the
 * silhouette's peak crosses twice the readable count.
 */
public final class ThemeCount {
  /** The most themes listed when the answers show no clearer structure. */
  public static final int READABLE_MAX = 10;

  private ThemeCount() {}

  /** About √(2 n) themes for n answers: 1 below 4 answers, else at least 2, at most 10 and maxK. */
  public static int readable(int answers, int maxK) {
    if (answers < 4) return 1;
    int k = (int) Math.round(Math.sqrt(2.0 * answers));
    return Math.max(2, Math.min(k, Math.min(READABLE_MAX, maxK)));
  }
}
