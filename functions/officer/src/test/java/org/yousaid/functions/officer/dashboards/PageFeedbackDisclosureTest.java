package org.yousaid.functions.officer.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.TableAttacker;
import org.yousaid.shared.model.Response;

/**
 * The shareable page-feedback figures, attacked as a reader of a public dashboard would: every
 * shown number is read, "fewer than 5" means 1 to 4, and the whole equals its pages and its months,
 * "useful" plus "not useful" is the answers, comments at most the answers. The officer tests'
 * {@link TableAttacker} then finds the least and greatest whole value of each hidden number; none
 * may be pinned.
 */
class PageFeedbackDisclosureTest {

  private static final PageFeedbackDisclosure DISCLOSURE = new PageFeedbackDisclosure(5);

  @Test
  void aSmallCouncilsFeedbackShowsNoNumberFromOneToFourAndPinsNoHiddenOne() {
    List<Response> answers = new ArrayList<>();
    add(answers, "https://localoffer.example/short-breaks", "2026-03-04", 14, 3, 6);
    add(answers, "https://localoffer.example/short-breaks", "2026-04-09", 9, 2, 1);
    add(answers, "https://localoffer.example/transport", "2026-03-12", 2, 1, 1);
    add(answers, "service:demo-club", "2026-04-20", 0, 3, 3);
    add(answers, "https://localoffer.example/ehc", "2026-04-02", 6, 0, 2);
    PageFeedbackStats.Summary summary = PageFeedbackStats.of(answers, DateRange.ALL);
    PageFeedbackDisclosure.Figures figures = DISCLOSURE.protect(summary);
    Attack attack = attack(summary, figures);
    assertTrue(attack.hidden >= 4, "the transport page and the club have counts of 1 to 4");
    assertEquals(List.of(), attack.pinned);
    assertEquals(40, figures.whole().get("answers").value(), "totals stay shown");
  }

  @Test
  void pagesSeenByFewerThanFivePeopleAreCountedTogetherNotNamed() {
    List<Response> answers = new ArrayList<>();
    add(answers, "https://localoffer.example/short-breaks", "2026-03-04", 14, 3, 6);
    add(answers, "https://localoffer.example/st-marys-unit", "2026-03-12", 1, 1, 1);
    add(answers, "service:tiny-club", "2026-04-20", 0, 2, 2);
    PageFeedbackStats.Summary summary = PageFeedbackStats.of(answers, DateRange.ALL);
    PageFeedbackDisclosure.Figures figures = DISCLOSURE.protect(summary);
    assertEquals(2, figures.pages().size());
    assertEquals("https://localoffer.example/short-breaks", figures.pages().get(0).row().subject());
    assertTrue(figures.pages().get(1).others());
    assertEquals(List.of(), attack(summary, figures).pinned);
  }

  @Test
  void aCouncilWithManyPagesNamesTheFiftyWithMostAnswersAndCountsTheRestTogether() {
    List<Response> answers = new ArrayList<>();
    for (int p = 0; p < 56; p++) {
      add(
          answers,
          "https://localoffer.example/page-" + p,
          "2026-03-0" + (1 + p % 9),
          5 + p,
          p % 5,
          p % 4);
    }
    PageFeedbackStats.Summary summary = PageFeedbackStats.of(answers, DateRange.ALL);
    PageFeedbackDisclosure.Figures figures = DISCLOSURE.protect(summary);
    assertEquals(PageFeedbackDisclosure.LISTED + 1, figures.pages().size());
    assertEquals(
        "https://localoffer.example/page-54",
        figures.pages().get(0).row().subject(),
        "59 useful and 4 not: the most answers");
    assertTrue(figures.pages().get(PageFeedbackDisclosure.LISTED).others());
    assertEquals(List.of(), attack(summary, figures).pinned);
  }

  @Test
  void randomCouncilsFeedbackPinsNothing() {
    Random random = new Random(56);
    int hidden = 0;
    for (int trial = 0; trial < 15; trial++) {
      List<Response> answers = new ArrayList<>();
      int pages = 1 + random.nextInt(7);
      for (int p = 0; p < pages; p++) {
        int months = 1 + random.nextInt(4);
        for (int m = 0; m < months; m++) {
          // Mostly small numbers: the hard case for complementary suppression.
          add(
              answers,
              "https://localoffer.example/page-" + p,
              "2026-0" + (1 + random.nextInt(6)) + "-1" + random.nextInt(9),
              random.nextInt(random.nextBoolean() ? 4 : 12),
              random.nextInt(4),
              random.nextInt(3));
        }
      }
      PageFeedbackStats.Summary summary = PageFeedbackStats.of(answers, DateRange.ALL);
      Attack attack = attack(summary, DISCLOSURE.protect(summary));
      hidden += attack.hidden;
      assertEquals(List.of(), attack.pinned, "trial " + trial);
    }
    assertTrue(hidden > 15, "the trials had small numbers to hide");
  }

  @Test
  void aShareIsGivenOnlyWhereBothItsCountsAreShown() {
    List<Response> answers = new ArrayList<>();
    add(answers, "https://localoffer.example/a", "2026-03-04", 20, 2, 0);
    add(answers, "https://localoffer.example/b", "2026-03-05", 9, 8, 0);
    PageFeedbackStats.Summary summary = PageFeedbackStats.of(answers, DateRange.ALL);
    PageFeedbackDisclosure.Figures figures = DISCLOSURE.protect(summary);
    for (PageFeedbackDisclosure.Page p : figures.pages()) {
      Map<String, PageFeedbackDisclosure.Shown> page = p.counts();
      Integer share = PageFeedbackDisclosure.Figures.usefulPercent(page);
      if (page.get("useful").value() == null || page.get("notUseful").value() == null) {
        assertNull(share, "a share would narrow a hidden count");
      }
    }
    assertNull(
        PageFeedbackDisclosure.Figures.usefulPercent(figures.pages().get(0).counts()),
        "page a's 2 'not useful' answers are hidden, so is its share");
  }

  /** {@code yes} useful, {@code no} not useful, {@code comments} of them with a comment. */
  private static void add(
      List<Response> into, String subject, String day, int yes, int no, int comments) {
    Instant at = Instant.parse(day + "T10:00:00Z");
    for (int i = 0; i < yes + no; i++) {
      into.add(
          DashboardLogicTest.feedback(
              subject, at.toString(), i < yes ? "yes" : "no", i < comments ? "a comment" : null));
    }
  }

  private record Attack(int hidden, List<String> pinned) {}

  /** The reader's integer program over what the figures show. */
  private static Attack attack(
      PageFeedbackStats.Summary summary, PageFeedbackDisclosure.Figures figures) {
    Map<String, PageFeedbackDisclosure.Shown> cells = new HashMap<>();
    Map<String, Integer> truth = new HashMap<>();
    put(cells, truth, "all", figures.whole(), summary.answers(), summary.yes(), summary.no());
    truth.put("all.comments", summary.comments());
    List<PageFeedbackStats.Row> others =
        summary.rows().stream()
            .filter(r -> figures.pages().stream().noneMatch(p -> !p.others() && p.row() == r))
            .toList();
    for (int p = 0; p < figures.pages().size(); p++) {
      PageFeedbackDisclosure.Page page = figures.pages().get(p);
      List<PageFeedbackStats.Row> rows = page.others() ? others : List.of(page.row());
      put(
          cells,
          truth,
          "page" + p,
          page.counts(),
          rows.stream().mapToInt(PageFeedbackStats.Row::answers).sum(),
          rows.stream().mapToInt(PageFeedbackStats.Row::yes).sum(),
          rows.stream().mapToInt(PageFeedbackStats.Row::no).sum());
      truth.put(
          "page" + p + ".comments", rows.stream().mapToInt(PageFeedbackStats.Row::comments).sum());
    }
    for (int m = 0; m < summary.months().size(); m++) {
      PageFeedbackStats.Month month = summary.months().get(m);
      put(
          cells,
          truth,
          "month" + m,
          figures.months().get(m),
          month.answers(),
          month.yes(),
          month.no());
    }
    cells.forEach(
        (name, shown) -> {
          if (shown.value() != null) {
            assertEquals(truth.get(name), shown.value(), name + " is shown as it is");
            assertTrue(
                shown.value() == 0 || shown.value() >= 5, name + " = " + shown.value() + " shown");
          }
        });
    TableAttacker reader = new TableAttacker();
    cells.forEach(
        (name, shown) ->
            reader.count(
                name,
                shown.value() != null
                    ? shown.value()
                    : shown.hidden().startsWith("fewer than") ? -1 : -2));
    List<String> groups = new ArrayList<>(List.of("all"));
    int pages = (int) cells.keySet().stream().filter(k -> k.matches("page\\d+\\.answers")).count();
    for (String measure : PageFeedbackDisclosure.MEASURES) {
      List<String> parts = new ArrayList<>();
      for (int p = 0; p < pages; p++) {
        parts.add("page" + p + "." + measure);
      }
      reader.total("all." + measure, parts);
      if (PageFeedbackDisclosure.MONTH_MEASURES.contains(measure)) {
        List<String> byMonth = new ArrayList<>();
        for (int m = 0; m < summary.months().size(); m++) {
          byMonth.add("month" + m + "." + measure);
        }
        reader.total("all." + measure, byMonth);
      }
    }
    for (int p = 0; p < pages; p++) {
      groups.add("page" + p);
    }
    for (int m = 0; m < summary.months().size(); m++) {
      groups.add("month" + m);
    }
    for (String g : groups) {
      // A reader who guesses that every answer says useful or not is right here: equality.
      reader.total(g + ".answers", List.of(g + ".useful", g + ".notUseful"));
      if (cells.containsKey(g + ".comments")) {
        reader.atMost(g + ".comments", g + ".answers");
      }
    }
    List<String> pinned = new ArrayList<>();
    int hidden = 0;
    for (Map.Entry<String, PageFeedbackDisclosure.Shown> cell : cells.entrySet()) {
      if (cell.getValue().value() != null) {
        continue;
      }
      hidden++;
      long[] range = reader.interval(cell.getKey());
      int value = truth.get(cell.getKey());
      assertTrue(range[0] <= value && value <= range[1], cell.getKey() + " lies in the range");
      // A "not shown" count is worked out too when it is 1 to 4.
      if (value >= 1 && value <= 4 && range[0] == range[1]) {
        pinned.add(cell.getKey() + "=" + value);
      }
    }
    return new Attack(hidden, pinned);
  }

  private static void put(
      Map<String, PageFeedbackDisclosure.Shown> cells,
      Map<String, Integer> truth,
      String group,
      Map<String, PageFeedbackDisclosure.Shown> shown,
      int answers,
      int yes,
      int no) {
    shown.forEach((measure, s) -> cells.put(group + "." + measure, s));
    truth.put(group + ".answers", answers);
    truth.put(group + ".useful", yes);
    truth.put(group + ".notUseful", no);
  }
}
