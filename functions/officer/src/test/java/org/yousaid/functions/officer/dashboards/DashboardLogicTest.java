package org.yousaid.functions.officer.dashboards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;

/** Month bucketing, percentages that add up, date filters and the page-feedback counts. */
class DashboardLogicTest {

  @Test
  void percentagesAddUpTo100AndMatchTheSeed() {
    assertArrayEquals(
        new int[] {48, 24, 28},
        Percentages.of(12, 6, 7),
        "Leicestershire: 48% clear / 24% neither / 28% not clear");
    assertArrayEquals(new int[] {34, 33, 33}, Percentages.of(1, 1, 1));
    assertArrayEquals(new int[] {67, 33}, Percentages.of(2, 1));
    assertArrayEquals(
        new int[] {0, 0, 0}, Percentages.of(0, 0, 0), "nobody answered: zeros, not NaN");
    assertArrayEquals(new int[] {100, 0}, Percentages.of(5, 0));
    assertArrayEquals(new int[0], Percentages.of());
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      int[] counts = new int[1 + random.nextInt(6)];
      for (int j = 0; j < counts.length; j++) {
        counts[j] = random.nextInt(40);
      }
      int[] p = Percentages.of(counts);
      int total = Arrays.stream(counts).sum();
      assertEquals(total == 0 ? 0 : 100, Arrays.stream(p).sum(), Arrays.toString(counts));
      for (int j = 0; j < counts.length; j++) {
        double exact = total == 0 ? 0 : counts[j] * 100.0 / total;
        assertTrue(
            Math.abs(p[j] - exact) < 1,
            "each share is within 1 point of the exact one: " + Arrays.toString(counts));
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Percentages.of(-1, 2));
    assertEquals(33, Percentages.share(1, 3));
    assertEquals(67, Percentages.share(2, 3));
    assertEquals(50, Percentages.share(1, 2));
    assertEquals(0, Percentages.share(0, 0));
  }

  @Test
  void monthsAreUkCalendarMonths() {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    assertEquals(YearMonth.of(2026, 7), Months.of(Instant.parse("2026-06-30T23:30:00Z")));
    // In winter the UK is on UTC.
    assertEquals(YearMonth.of(2026, 1), Months.of(Instant.parse("2026-01-31T23:30:00Z")));
    assertEquals(YearMonth.of(2026, 2), Months.of(Instant.parse("2026-02-01T00:00:00Z")));
    assertEquals(
        List.of(YearMonth.of(2025, 11), YearMonth.of(2025, 12), YearMonth.of(2026, 1)),
        Months.between(YearMonth.of(2025, 11), YearMonth.of(2026, 1)),
        "gaps filled, across the new year");
    assertEquals(
        List.of(YearMonth.of(2026, 3)),
        Months.between(YearMonth.of(2026, 3), YearMonth.of(2026, 3)));
    assertTrue(Months.between(YearMonth.of(2026, 4), YearMonth.of(2026, 3)).isEmpty());
    assertTrue(Months.between(null, null).isEmpty());
    List<YearMonth> long_ = Months.between(YearMonth.of(2010, 1), YearMonth.of(2026, 6));
    assertEquals(Months.MAX_MONTHS, long_.size(), "a long range keeps the most recent months");
    assertEquals(YearMonth.of(2026, 6), long_.get(long_.size() - 1));
    assertEquals("Jul 2026", Months.shortLabel(YearMonth.of(2026, 7)));
    assertEquals("July 2026", Months.longLabel(YearMonth.of(2026, 7)));
  }

  @Test
  void dateRangesIncludeBothDaysInUkTimeAndReportBadDates() {
    DateRange range = DateRange.parse(Optional.of("2026-07-01"), Optional.of(" 2026-07-31 "));
    assertFalse(range.hasErrors());
    assertTrue(range.contains(Instant.parse("2026-06-30T23:30:00Z")), "00:30 BST on 1 July is in");
    assertTrue(range.contains(Instant.parse("2026-07-31T22:59:00Z")), "23:59 BST on 31 July is in");
    assertFalse(
        range.contains(Instant.parse("2026-07-31T23:00:00Z")), "midnight BST on 1 August is out");
    assertFalse(range.contains(Instant.parse("2026-06-30T22:59:00Z")));
    assertEquals("from=2026-07-01&to=2026-07-31", range.query());
    assertEquals("1 July 2026 to 31 July 2026", range.describe());

    DateRange bad = DateRange.parse(Optional.of("1 July"), Optional.of("2026-13-01"));
    assertEquals(List.of("from", "to"), new ArrayList<>(bad.errors().keySet()));
    assertNull(bad.from());
    assertFalse(bad.isFiltered(), "bad dates are ignored, so the page still shows everything");
    assertTrue(bad.contains(Instant.parse("2020-01-01T00:00:00Z")));
    assertEquals("1 July", bad.fromText(), "what was typed is shown back");

    DateRange backwards = DateRange.parse(Optional.of("2026-08-01"), Optional.of("2026-07-01"));
    assertTrue(backwards.errors().containsKey("to"));
    assertEquals(LocalDate.of(2026, 8, 1), backwards.from());

    DateRange none = DateRange.parse(Optional.empty(), Optional.of(""));
    assertFalse(none.hasErrors());
    assertEquals("", none.query());
    assertEquals("all dates", none.describe());
  }

  private static int ids;

  static Response feedback(String subject, String at, String useful, String comment) {
    List<Answer> answers = new ArrayList<>();
    if (useful != null) {
      answers.add(Answer.choices("useful", List.of(useful)));
    }
    if (comment != null) {
      answers.add(Answer.text("comment", comment));
    }
    return new Response(
        "R" + (ids++),
        "demo",
        "page-feedback",
        Instant.parse(at),
        Channel.WEB,
        answers,
        RespondentProfile.EMPTY,
        false,
        "RECEIPT",
        0,
        subject);
  }

  @Test
  void pageFeedbackIsCountedPerPageAndMonth() {
    String a = "https://localoffer.example/short-breaks";
    String b = "service:demo-club";
    List<Response> responses =
        List.of(
            feedback(a, "2026-05-03T10:00:00Z", "yes", null),
            feedback(a, "2026-05-20T10:00:00Z", "no", "Opening times are wrong"),
            feedback(a, "2026-07-02T10:00:00Z", "yes", "   "),
            feedback(b, "2026-07-09T10:00:00Z", "no", "No phone number"),
            feedback(a, "2026-07-15T10:00:00Z", "yes", null));
    PageFeedbackStats.Summary all = PageFeedbackStats.of(responses, DateRange.ALL);
    assertEquals(5, all.answers());
    assertEquals(3, all.yes());
    assertEquals(2, all.no());
    assertEquals(2, all.comments(), "a blank comment is not a comment");
    assertEquals(60, all.usefulPercent());
    assertEquals(
        List.of(YearMonth.of(2026, 5), YearMonth.of(2026, 6), YearMonth.of(2026, 7)),
        all.months().stream().map(PageFeedbackStats.Month::month).toList(),
        "June has no answers but is shown");
    assertEquals(0, all.months().get(1).answers());
    assertEquals(
        List.of(a, b),
        all.rows().stream().map(PageFeedbackStats.Row::subject).toList(),
        "most answers first");
    PageFeedbackStats.Row page = all.rows().get(0);
    assertEquals(4, page.answers());
    assertEquals(75, page.usefulPercent());
    assertEquals(25, page.notUsefulPercent());
    assertEquals(1, page.comments());
    assertFalse(page.fewAnswers() && page.answers() >= 5);
    assertTrue(page.fewAnswers(), "4 answers: treat with care");
    assertEquals(
        "May 2026: 50% useful (2 answers); Jun 2026: no answers; Jul 2026: 100% useful (2 answers)",
        page.trendText());
    assertTrue(page.anyFewMonths());
    assertEquals("Service demo-club", all.rows().get(1).label());
    assertNull(all.rows().get(1).webAddress(), "a service id is never used as a link");
    assertEquals(a, page.webAddress());

    PageFeedbackStats.Summary july =
        PageFeedbackStats.of(
            responses, DateRange.parse(Optional.of("2026-07-01"), Optional.of("2026-07-31")));
    assertEquals(3, july.answers());
    assertEquals(
        List.of(YearMonth.of(2026, 7)),
        july.months().stream().map(PageFeedbackStats.Month::month).toList());
    assertEquals(0, PageFeedbackStats.row(july, "https://nowhere.example/").answers());

    PageFeedbackStats.Summary empty = PageFeedbackStats.of(List.of(), DateRange.ALL);
    assertEquals(0, empty.answers());
    assertEquals(0, empty.usefulPercent());
    assertTrue(empty.rows().isEmpty());
    assertTrue(empty.months().isEmpty());
    assertEquals("No answers.", empty.trendText());
  }

  @Test
  void thousandsOfAnswersAreCountedExactly() {
    List<Response> many = new ArrayList<>();
    Random random = new Random(3);
    int yes = 0;
    for (int i = 0; i < 20_000; i++) {
      boolean useful = random.nextBoolean();
      yes += useful ? 1 : 0;
      many.add(
          feedback(
              "https://localoffer.example/page-" + random.nextInt(300),
              Instant.parse("2025-01-01T00:00:00Z")
                  .plusSeconds(random.nextInt(60 * 60 * 24 * 365))
                  .toString(),
              useful ? "yes" : "no",
              null));
    }
    PageFeedbackStats.Summary s = PageFeedbackStats.of(many, DateRange.ALL);
    assertEquals(20_000, s.answers());
    assertEquals(yes, s.yes());
    assertEquals(20_000, s.rows().stream().mapToInt(PageFeedbackStats.Row::answers).sum());
    assertEquals(20_000, s.months().stream().mapToInt(PageFeedbackStats.Month::answers).sum());
    assertEquals(12, s.months().size());
    assertFalse(s.anyFewMonths(), "every month has over 1,000 answers");
  }
}
