package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.PreviousTheme;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.represent.SyntheticGroups;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.represent.Vectors;

class DiscoverThemesTest {
  /**
   * Records whose embeddings lie around {@code groups} random directions, {@code perGroup} each
   * (answer i is in group i % groups), plus one non-answer at the end.
   */
  private static List<AnswerRecord> records(int groups, int perGroup, long seed) {
    int n = groups * perGroup;
    String[] texts = new String[n + 1];
    for (int i = 0; i < n; i++) texts[i] = "answer " + i;
    texts[n] = "n/a";
    List<AnswerRecord> records = TestModels.records(texts);
    new Normalise().apply(records);
    records.forEach(r -> r.language("en"));
    float[][] points = SyntheticGroups.points(groups, perGroup, 0.4, 32, seed);
    for (int i = 0; i < n; i++) records.get(i).embedding(points[i]);
    records.get(n).embedding(new float[32]);
    return records;
  }

  private static ThemeSpace space(List<AnswerRecord> records) {
    return new ThemeSpace(
        records.stream().map(AnswerRecord::embedding).toArray(float[][]::new), null, 0, 1.0);
  }

  @Test
  void theOfficersNumberOfThemesGroupsTheAnswersByTopic() {
    List<AnswerRecord> records = records(3, 12, 1);
    Grouping g =
        new DiscoverThemes(ThemeOptions.defaults().withK(3)).apply(records, space(records));
    assertEquals(3, g.k());
    assertEquals(3, g.centroids().length);
    assertNull(g.names());
    for (int group = 0; group < 3; group++) {
      Set<Integer> primaries = new HashSet<>();
      for (int i = group; i < 36; i += 3) primaries.add(records.get(i).themes().get(0).theme());
      assertEquals(1, primaries.size(), "group " + group + " is one theme");
    }
    for (AnswerRecord r : records.subList(0, 36)) {
      double c = r.themes().get(0).confidence();
      assertTrue(c > 0 && c <= 1, "confidence " + c);
    }
    assertTrue(records.get(36).themes().isEmpty(), "non-answers are not themed");
  }

  @Test
  void theNumberOfThemesIsChosenWithinTheMaximum() {
    List<AnswerRecord> records = records(4, 20, 2);
    assertEquals(4, new DiscoverThemes(ThemeOptions.defaults()).apply(records, space(records)).k());
    List<AnswerRecord> capped = records(4, 20, 2);
    assertEquals(
        2,
        new DiscoverThemes(ThemeOptions.defaults().withMaxK(2)).apply(capped, space(capped)).k());
  }

  @Test
  void anOutlierJoinsAThemeRatherThanBeingAThemeOfItsOwn() {
    List<AnswerRecord> records = records(3, 10, 3);
    float[] outlier = new float[32];
    // the outlier points away from every group: k-means gives it a cluster of its own
    for (int d = 0; d < 32; d++) {
      float sum = 0;
      for (int i = 0; i < 3; i++) sum += records.get(i).embedding()[d];
      outlier[d] = -sum;
    }
    records.get(0).embedding(Vectors.normalise(outlier));
    Grouping g =
        new DiscoverThemes(ThemeOptions.defaults().withK(4)).apply(records, space(records));
    // up to 2,000 answers, groups of one are not themes: the consensus places the outlier with
    // the answers it was most often grouped with
    int[] sizes = new int[g.k() + 1];
    for (AnswerRecord r : records.subList(0, 30)) sizes[r.themes().get(0).theme()]++;
    for (int x = 0; x < g.k(); x++) assertTrue(sizes[x] != 1, "a theme of one answer: " + x);
  }

  /**
   * Above ThemeDiscovery.LIMIT answers, a re-run with few new answers continues the earlier themes
   * from their centres: 6 groups of 350 that an earlier run had themed as 5 (groups 0 and 1 as one)
   * stay 5 themes after one answer is added, each answer in its earlier theme and the new one in
   * its group's. With 15% of the answers new, the count is chosen again and the 6 groups come back.
   */
  @Test
  void aReRunAboveTheLimitContinuesTheEarlierThemesWhileFewAnswersAreNew() {
    int groups = 6, per = 350, n = groups * per;
    List<AnswerRecord> records = records(groups, per, 4);
    List<PreviousTheme> earlier = new ArrayList<>();
    for (int t = 0; t < groups - 1; t++) {
      final int theme = t;
      List<String> ids =
          IntStream.range(0, n - 1)
              .filter(i -> Math.max(0, (i % groups) - 1) == theme)
              .mapToObj(i -> records.get(i).answer().id())
              .toList();
      earlier.add(new PreviousTheme("t" + t, "theme " + t, List.of(), ids));
    }
    // the last answer (group 5) is new: earlier runs did not see it
    ThemeOptions options = ThemeOptions.defaults().withPreviousThemes(earlier);
    Grouping g = new DiscoverThemes(options).apply(records, space(records));
    assertEquals(groups - 1, g.k(), "the earlier count, continued");
    for (int i = 0; i < n; i++)
      for (int j = i + 1; j < Math.min(n, i + 2 * groups); j++)
        assertEquals(
            Math.max(0, (i % groups) - 1) == Math.max(0, (j % groups) - 1),
            records.get(i).themes().get(0).theme() == records.get(j).themes().get(0).theme(),
            "answers " + i + " and " + j);

    List<AnswerRecord> again = records(groups, per, 4);
    List<PreviousTheme> fewer = new ArrayList<>();
    for (PreviousTheme t : earlier)
      fewer.add(
          new PreviousTheme(
              t.id(),
              t.label(),
              List.of(),
              t.memberIds().subList(0, t.memberIds().size() * 6 / 7)));
    Grouping chosen =
        new DiscoverThemes(ThemeOptions.defaults().withPreviousThemes(fewer))
            .apply(again, space(again));
    assertEquals(groups, chosen.k(), "15% new: the count is chosen again");
  }

  @Test
  void noThemableAnswersNoThemes() {
    List<AnswerRecord> records = TestModels.checked("n/a", "none");
    Grouping g = new DiscoverThemes(ThemeOptions.defaults()).apply(records, null);
    assertEquals(0, g.k());
    assertTrue(records.stream().allMatch(r -> r.themes().isEmpty()));
  }
}
