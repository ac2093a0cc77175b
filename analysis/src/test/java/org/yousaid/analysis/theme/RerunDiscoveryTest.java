package org.yousaid.analysis.theme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.represent.SyntheticGroups;
import org.yousaid.analysis.represent.ThemeSpace;

/**
 * A re-run with few new answers continues the earlier count and sub-themes instead of asking the
 * silhouette and splitting afresh (ThemeDiscovery.MAX_NEW_SHARE), and asks and splits again once
 * more has changed.
 */
class RerunDiscoveryTest {
  private static final ThemeDiscovery.Options AUTO = ThemeDiscovery.Options.automatic(30);

  /** The 4 groups of the sub-theme tests as 4 themes, whatever the automatic count does. */
  private static final ThemeDiscovery.Options FOUR =
      new ThemeDiscovery.Options(4, 30, true, AutoKOptions.defaults());

  private static long[] keys(int n) {
    return IntStream.range(0, n).mapToLong(i -> 1_000_003L * i + 17).toArray();
  }

  private static int[] all(int n) {
    return IntStream.range(0, n).toArray();
  }

  private static int[] ones(int n) {
    int[] o = new int[n];
    Arrays.fill(o, 1);
    return o;
  }

  @Test
  void theCountIsKeptWithoutTheSilhouetteOnlyWhileFewAnswersAreNew() {
    int[] earlier = new int[100];
    for (int i = 0; i < 100; i++) earlier[i] = i % 10;
    assertEquals(10, ThemeDiscovery.settledCount(earlier, 10, 30), "at the readable count");
    assertEquals(
        12, ThemeDiscovery.settledCount(earlier, 12, 30), "within reach: the readable count");
    assertNull(ThemeDiscovery.settledCount(earlier, 13, 30), "far below the readable count");
    for (int i = 0; i < 100; i++) earlier[i] = i % 22;
    assertEquals(22, ThemeDiscovery.settledCount(earlier, 10, 30), "a silhouette peak is kept");
    assertNull(ThemeDiscovery.settledCount(earlier, 10, 20), "but never above the maximum");
    for (int i = 0; i < 100; i++) earlier[i] = i % 16;
    assertNull(ThemeDiscovery.settledCount(earlier, 10, 30), "neither readable nor a clear peak");
    for (int i = 0; i < 100; i++) earlier[i] = i < 11 ? -1 : i % 10;
    assertNull(ThemeDiscovery.settledCount(earlier, 10, 30), "11% new: the silhouette is asked");
    for (int i = 0; i < 100; i++) earlier[i] = i < 10 ? -1 : i % 10;
    assertEquals(10, ThemeDiscovery.settledCount(earlier, 10, 30), "10% new");
    assertNull(ThemeDiscovery.settledCount(null, 10, 30), "no earlier run");
  }

  @Test
  void aLargeContinuationClustersFewerSubsamplesAndASmallOneAll() {
    assertEquals(60, ThemeDiscovery.continuationRuns(60, 30));
    assertEquals(60, ThemeDiscovery.continuationRuns(60, 400), "up to 400 answers: all");
    assertEquals(24, ThemeDiscovery.continuationRuns(60, 1000));
    assertEquals(12, ThemeDiscovery.continuationRuns(60, 2000));
    assertEquals(12, ThemeDiscovery.continuationRuns(60, 5000), "never fewer than 12");
    assertEquals(10, ThemeDiscovery.continuationRuns(10, 300), "nor more than asked for");
  }

  /**
   * 25 crisp groups of 24: the silhouette asks for 25 themes (more than twice the readable 10). An
   * earlier run that had merged three pairs of groups (22 themes) is continued at 22 when one
   * answer is added; when a fifth of the answers are new the silhouette is asked again and the 25
   * groups come back. Which answer is the new one decides nothing else.
   */
  @Test
  void aSilhouettePeakIsContinuedAfterOneNewAnswerAndAskedAgainAfterMany() {
    int groups = 25, per = 24, n = groups * per;
    ThemeSpace space = new ThemeSpace(SyntheticGroups.points(groups, per, 0.4, 64, 5), null, 0, 1);
    long[] keys = keys(n);
    ThemeDiscovery.Themes fresh = new ThemeDiscovery().discover(space, all(n), keys, AUTO);
    assertEquals(groups, fresh.k(), "found afresh: one theme per group");

    // the earlier run: groups 0+1, 2+3 and 4+5 merged; the last answer is new
    int[] earlier = new int[n];
    for (int i = 0; i < n; i++) earlier[i] = (i % groups) < 6 ? (i % groups) / 2 : i % groups;
    earlier[n - 1] = -1;
    ThemeDiscovery.Themes rerun =
        new ThemeDiscovery().discover(space, all(n), keys, ones(n), AUTO, earlier);
    assertEquals(22, rerun.k(), "the earlier count, continued");
    assertEquals(22, rerun.peakK());
    for (int i = 0; i < n - 1; i++)
      for (int j = i + 1; j < n - 1; j++)
        assertEquals(
            earlier[i] == earlier[j],
            rerun.theme()[i] == rerun.theme()[j],
            "answers " + i + " and " + j + " kept their themes");
    assertEquals(
        rerun.theme()[n - 1 - groups], rerun.theme()[n - 1], "the new answer joins its group");

    int[] many = earlier.clone();
    for (int i = 0; i < n / 5; i++) many[i] = -1;
    ThemeDiscovery.Themes asked =
        new ThemeDiscovery().discover(space, all(n), keys, ones(n), AUTO, many);
    assertTrue(asked.peakK() >= 24, "a fifth new: the silhouette's peak again, " + asked.peakK());
    assertTrue(asked.k() >= 24, "found afresh: " + asked.k());
  }

  /**
   * 4 crisp groups of 30 in 4 themes. The earlier run had split the first group's theme in two (by
   * the parity of the answer's number, which nothing in the answers supports) and no other theme: a
   * re-run after one answer keeps exactly that, places the new answer in a part, and splits nothing
   * else.
   */
  @Test
  void subThemesOfAThemeThatBarelyChangedAreKept() {
    int groups = 4, per = 30, n = groups * per;
    ThemeSpace space = new ThemeSpace(SyntheticGroups.points(groups, per, 0.4, 32, 6), null, 0, 1);
    long[] keys = keys(n);
    int[] earlier = new int[n], earlierSub = new int[n];
    for (int i = 0; i < n; i++) {
      earlier[i] = i % groups;
      earlierSub[i] = i % groups == 0 ? 100 + (i / groups) % 2 : -1;
    }
    earlier[n - groups] = -1; // a new answer in the first group
    earlierSub[n - groups] = -1;
    ThemeDiscovery.Themes rerun =
        new ThemeDiscovery().discover(space, all(n), keys, ones(n), FOUR, earlier, earlierSub);
    assertEquals(groups, rerun.k());
    int first = rerun.theme()[0];
    assertEquals(2, rerun.subThemeCount(first));
    for (int i = 0; i < n - groups; i += groups)
      for (int j = i + groups; j < n - groups; j += groups)
        assertEquals(
            earlierSub[i] == earlierSub[j],
            rerun.subTheme()[i] == rerun.subTheme()[j],
            "answers " + i + " and " + j + " kept their sub-themes");
    assertNotEquals(-1, rerun.subTheme()[n - groups], "the new answer is in a part");
    for (int t = 0; t < rerun.k(); t++)
      if (t != first) assertEquals(0, rerun.subThemeCount(t), "theme " + t + " was not split");
  }

  /**
   * The same earlier parts, but a sub-theme left with 4 answers (one of its 5 erased), or a theme
   * with 20% new answers: the theme is split afresh, exactly as a run that was not given the
   * earlier sub-themes.
   */
  @Test
  void aThemeThatChangedMoreOrLostAPartIsSplitAfresh() {
    int groups = 4, per = 30, n = groups * per;
    ThemeSpace space = new ThemeSpace(SyntheticGroups.points(groups, per, 0.4, 32, 6), null, 0, 1);
    long[] keys = keys(n);
    int[] earlier = new int[n], earlierSub = new int[n];
    for (int i = 0; i < n; i++) {
      earlier[i] = i % groups;
      // a part of the 5 first members of group 0 ... of which the first has been erased
      earlierSub[i] = i % groups != 0 ? -1 : i < 5 * groups && i > 0 ? 200 : 201;
    }
    int[] without = IntStream.range(1, n).toArray();
    int[] e = Arrays.stream(without).map(i -> earlier[i]).toArray();
    int[] s = Arrays.stream(without).map(i -> earlierSub[i]).toArray();
    long[] k = Arrays.stream(without).mapToLong(i -> keys[i]).toArray();
    ThemeDiscovery.Themes kept =
        new ThemeDiscovery().discover(space, without, k, ones(n - 1), FOUR, e, s);
    ThemeDiscovery.Themes plain =
        new ThemeDiscovery().discover(space, without, k, ones(n - 1), FOUR, e, null);
    assertArrayEquals(plain.theme(), kept.theme());
    assertArrayEquals(plain.subTheme(), kept.subTheme(), "a part under 5: split afresh");

    int[] parity = new int[n];
    for (int i = 0; i < n; i++) parity[i] = i % groups == 0 ? 100 + (i / groups) % 2 : -1;
    int[] renewed = earlier.clone();
    for (int i = 0; i < 6 * groups; i += groups) renewed[i] = -1; // 6 of 30: 20% new
    ThemeDiscovery.Themes changed =
        new ThemeDiscovery().discover(space, all(n), keys, ones(n), FOUR, renewed, parity);
    ThemeDiscovery.Themes afresh =
        new ThemeDiscovery().discover(space, all(n), keys, ones(n), FOUR, renewed, null);
    assertArrayEquals(afresh.subTheme(), changed.subTheme(), "20% new: split afresh");
    boolean parityKept = true;
    for (int i = 0; i < n; i += groups)
      for (int j = i + groups; j < n; j += groups)
        if (renewed[i] >= 0 && renewed[j] >= 0)
          parityKept &=
              changed.subTheme()[i] >= 0
                  && (parity[i] == parity[j]) == (changed.subTheme()[i] == changed.subTheme()[j]);
    assertFalse(parityKept, "the earlier parts, which nothing supports, were not kept");
  }
}
