package org.yousaid.analysis.theme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThemeContinuityTest {

  @Test
  void theMarginGrowsAsTheAnswersFewerThan100AndNeverPassesOne() {
    for (int n : new int[] {100, 300, 2000}) {
      assertEquals(ThemeContinuity.STAY_MARGIN, ThemeContinuity.margin(0.5, n), 1e-12);
    }
    double previous = ThemeContinuity.margin(0.5, 100);
    for (int n = 99; n >= 1; n--) {
      double m = ThemeContinuity.margin(0.5, n);
      assertTrue(m >= previous, "smaller sets need more evidence to move an answer: n=" + n);
      assertTrue(m <= 1.0, "n=" + n);
      previous = m;
    }
    assertEquals(0.5 * Math.sqrt(100.0 / 30), ThemeContinuity.margin(0.5, 30), 1e-12);
  }

  /**
   * Six answers in two earlier themes; answer 2 is now grouped with the second theme's answers 0.6
   * more often than with its own: moved under the large-set margin, kept under the 30-answer one.
   */
  @Test
  void anAnswerMovesOnlyWhenAnotherThemeWinsByTheMargin() {
    int n = 6;
    int[] earlier = {0, 0, 0, 1, 1, 1};
    float[] together = new float[AgglomerativeClustering.condensedSize(n)];
    for (int i = 0; i < n; i++)
      for (int j = i + 1; j < n; j++) {
        boolean same = earlier[i] == earlier[j];
        float t = same ? 0.9f : 0.1f;
        if (i == 2 || j == 2) t = (earlier[i] == 1 || earlier[j] == 1) ? 0.8f : 0.2f;
        together[AgglomerativeClustering.index(n, i, j)] = t;
      }
    int[] large = ThemeContinuity.continueFrom(together, n, earlier, 2, 2, 2, 0.5);
    assertArrayEquals(new int[] {0, 0, 1, 1, 1, 1}, large);
    int[] small =
        ThemeContinuity.continueFrom(
            together, n, earlier, 2, 2, 2, ThemeContinuity.margin(0.5, 30));
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, small);
  }

  /**
   * Three earlier themes of 4, 4 and 3 answers; one answer of the smallest was deleted, so 2 are
   * left. Found afresh themes have at least 3 answers; a re-run keeps an earlier theme down to one
   * fewer, so its two answers stay together rather than joining the others.
   */
  @Test
  void anEarlierThemeThatLostOneAnswerStaysATheme() {
    int n = 10;
    int[] earlier = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2};
    float[] together = new float[AgglomerativeClustering.condensedSize(n)];
    for (int i = 0; i < n; i++)
      for (int j = i + 1; j < n; j++)
        together[AgglomerativeClustering.index(n, i, j)] = earlier[i] == earlier[j] ? 0.8f : 0.3f;
    int[] kept = ThemeContinuity.continueFrom(together, n, earlier, 3, 3, 2, 0.5);
    assertArrayEquals(earlier, kept);
    int[] dissolved = ThemeContinuity.continueFrom(together, n, earlier, 3, 3, 3, 0.5);
    assertEquals(2, java.util.Arrays.stream(dissolved).max().getAsInt() + 1);
  }

  /**
   * An earlier theme left with one answer stays a theme of one while no other theme takes the
   * answer by the margin; one that does takes it.
   */
  @Test
  void anAnswerLeftAloneInItsEarlierThemeStaysUnlessAnotherThemeWinsByTheMargin() {
    int n = 9;
    int[] earlier = {0, 0, 0, 0, 1, 1, 1, 1, 2};
    float[] together = new float[AgglomerativeClustering.condensedSize(n)];
    for (int i = 0; i < n; i++)
      for (int j = i + 1; j < n; j++)
        together[AgglomerativeClustering.index(n, i, j)] = earlier[i] == earlier[j] ? 0.8f : 0.3f;
    assertArrayEquals(earlier, ThemeContinuity.continueFrom(together, n, earlier, 3, 2, 1, 0.5));
    // the lone answer was grouped with theme 0 in 60% of the subsamples: 0.6 > 0 + 0.5
    for (int i = 0; i < 4; i++) together[AgglomerativeClustering.index(n, i, 8)] = 0.6f;
    int[] taken = ThemeContinuity.continueFrom(together, n, earlier, 3, 2, 1, 0.5);
    assertEquals(taken[0], taken[8]);
    assertEquals(2, java.util.Arrays.stream(taken).max().getAsInt() + 1);
  }
}
