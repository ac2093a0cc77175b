package org.yousaid.analysis.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.represent.SyntheticGroups;
import org.yousaid.analysis.represent.ThemeSpace;

/**
 * The count the engine's k-means uses above {@link ThemeDiscovery#LIMIT} distinct answers, where
 * the silhouette's own best count had collapsed 4,000 patient comments into 2 themes.
 */
class AutomaticCountTest {
  private static ThemeSpace space(int groups, int perGroup, double spread, long seed) {
    return new ThemeSpace(SyntheticGroups.points(groups, perGroup, spread, 64, seed), null, 0, 1);
  }

  private static int[] all(ThemeSpace space) {
    return IntStream.range(0, space.size()).toArray();
  }

  @Test
  void broadOverlappingAnswersGetTheReadableCountNotTheSilhouettesTwo() {
    ThemeSpace broad = space(2, 1200, 1.0, 3);
    assertEquals(
        2,
        new ThemeCountChooser(AutoKOptions.defaults(), 30, 42).choose(broad, all(broad)).k(),
        "the silhouette alone prefers the coarsest split");
    assertEquals(
        ThemeCount.readable(2400, 30),
        ThemeDiscovery.automaticCount(broad, all(broad), 2400, 30, AutoKOptions.defaults()));
  }

  @Test
  void manyCrispGroupsStillGetTheirCount() {
    ThemeSpace crisp = space(40, 60, 0.5, 3);
    assertEquals(
        40, ThemeDiscovery.automaticCount(crisp, all(crisp), 2400, 150, AutoKOptions.defaults()));
  }

  @Test
  void anOfficersSmallMaximumIsTheCount() {
    ThemeSpace broad = space(2, 1200, 1.0, 3);
    assertEquals(
        6, ThemeDiscovery.automaticCount(broad, all(broad), 2400, 6, AutoKOptions.defaults()));
    assertEquals(
        0, ThemeDiscovery.automaticCount(broad, new int[0], 0, 30, AutoKOptions.defaults()));
  }
}
