package org.yousaid.functions.officer.dashboards;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yousaid.shared.model.Response;

/**
 * "Was this page useful?" answers counted per page or service and per month, in one pass over the
 * answers (thousands are fine). An answer counts as "yes" or "no" by its {@code useful} choice; a
 * comment is any non-blank {@code comment} text. Nothing here is published, so counts are exact.
 */
public final class PageFeedbackStats {

  public static final String USEFUL = "useful";
  public static final String COMMENT = "comment";

  /** Answers with no page or service (should not happen: the API requires one). */
  public static final String UNKNOWN_SUBJECT = "(not said)";

  /**
   * One month of answers. {@code barWidth} is the "useful" share scaled to 0..200 for the chart.
   */
  public record Month(
      YearMonth month,
      String label,
      String longLabel,
      int answers,
      int yes,
      int no,
      int usefulPercent,
      int barWidth) {
    /** The bar's height in the 20-pixel table sparkline. */
    public int sparkHeight() {
      return yes + no == 0 ? 0 : Math.max(1, usefulPercent / 5);
    }
  }

  /** One page or service. */
  public record Row(
      String subject,
      String label,
      boolean service,
      int answers,
      int yes,
      int no,
      int comments,
      int usefulPercent,
      int notUsefulPercent,
      List<Month> months,
      String trendText) {

    public boolean fewAnswers() {
      return answers > 0 && answers < EhcStageStats.FEW;
    }

    /** Whether any month has answers, but fewer than 5 (the trend table marks them). */
    public boolean anyFewMonths() {
      return PageFeedbackStats.anyFew(months);
    }

    /** The page's address if it is a web address (to link to it), else null. */
    public String webAddress() {
      return subject.startsWith("https://") || subject.startsWith("http://") ? subject : null;
    }
  }

  /** Everything the dashboard shows. */
  public record Summary(
      int answers,
      int yes,
      int no,
      int comments,
      int usefulPercent,
      List<Row> rows,
      List<Month> months,
      String trendText) {

    public boolean isEmpty() {
      return answers == 0;
    }

    public boolean anyFewMonths() {
      return PageFeedbackStats.anyFew(months);
    }
  }

  static boolean anyFew(List<Month> months) {
    return months.stream().anyMatch(m -> m.answers() > 0 && m.answers() < EhcStageStats.FEW);
  }

  private static final class Tally {
    int answers;
    int yes;
    int no;
    int comments;
    final Map<YearMonth, int[]> byMonth = new HashMap<>();

    void add(YearMonth month, String useful, boolean comment) {
      answers++;
      int[] m = byMonth.computeIfAbsent(month, k -> new int[3]);
      m[0]++;
      if ("yes".equals(useful)) {
        yes++;
        m[1]++;
      } else if ("no".equals(useful)) {
        no++;
        m[2]++;
      }
      if (comment) {
        comments++;
      }
    }
  }

  private PageFeedbackStats() {}

  public static String useful(Response r) {
    return r.answer(USEFUL).flatMap(a -> a.choices().stream().findFirst()).orElse(null);
  }

  public static String comment(Response r) {
    return r.answer(COMMENT).map(a -> a.text()).filter(t -> t != null && !t.isBlank()).orElse(null);
  }

  public static String subject(Response r) {
    return r.subject() == null || r.subject().isBlank() ? UNKNOWN_SUBJECT : r.subject();
  }

  /** How a subject reads: the page's address, or "Service <id>" for an Open Referral UK service. */
  public static String label(String subject) {
    return subject.startsWith("service:")
        ? "Service " + subject.substring("service:".length())
        : subject;
  }

  public static Summary of(List<Response> responses, DateRange range) {
    Tally all = new Tally();
    Map<String, Tally> bySubject = new TreeMap<>();
    YearMonth first = null;
    YearMonth last = null;
    for (Response r : responses) {
      if (!range.contains(r.submittedAt())) {
        continue;
      }
      YearMonth month = Months.of(r.submittedAt());
      first = first == null || month.isBefore(first) ? month : first;
      last = last == null || month.isAfter(last) ? month : last;
      String useful = useful(r);
      boolean comment = comment(r) != null;
      all.add(month, useful, comment);
      bySubject.computeIfAbsent(subject(r), k -> new Tally()).add(month, useful, comment);
    }
    // The trend runs over the filter's months when it has dates, otherwise over the months with
    // answers.
    YearMonth from = range.from() != null ? YearMonth.from(range.from()) : first;
    YearMonth to = range.to() != null ? YearMonth.from(range.to()) : last;
    List<YearMonth> months = Months.between(from, to);
    List<Row> rows = new ArrayList<>();
    bySubject.forEach(
        (subject, t) -> {
          List<Month> trend = months(t, months);
          int[] split = Percentages.of(t.yes, t.no);
          rows.add(
              new Row(
                  subject,
                  label(subject),
                  subject.startsWith("service:"),
                  t.answers,
                  t.yes,
                  t.no,
                  t.comments,
                  split[0],
                  split[1],
                  trend,
                  trendText(trend)));
        });
    rows.sort(Comparator.comparingInt(Row::answers).reversed().thenComparing(Row::subject));
    List<Month> overall = months(all, months);
    return new Summary(
        all.answers,
        all.yes,
        all.no,
        all.comments,
        Percentages.of(all.yes, all.no)[0],
        rows,
        overall,
        trendText(overall));
  }

  /** One subject's figures (a row with no answers if it has none in the range). */
  public static Row row(Summary summary, String subject) {
    return summary.rows().stream()
        .filter(r -> r.subject().equals(subject))
        .findFirst()
        .orElse(
            new Row(
                subject,
                label(subject),
                subject.startsWith("service:"),
                0,
                0,
                0,
                0,
                0,
                0,
                List.of(),
                "No answers."));
  }

  private static List<Month> months(Tally t, List<YearMonth> months) {
    List<Month> out = new ArrayList<>();
    for (YearMonth m : months) {
      int[] c = t.byMonth.getOrDefault(m, new int[3]);
      int useful = Percentages.of(c[1], c[2])[0];
      out.add(
          new Month(
              m,
              Months.shortLabel(m),
              Months.longLabel(m),
              c[0],
              c[1],
              c[2],
              useful,
              c[1] + c[2] == 0 ? 0 : useful * 2));
    }
    return out;
  }

  /**
   * The text alternative of a trend chart: "Jul 2026: 75% useful (8 answers); Aug 2026: no
   * answers".
   */
  static String trendText(List<Month> months) {
    if (months.isEmpty()) {
      return "No answers.";
    }
    StringBuilder s = new StringBuilder();
    for (Month m : months) {
      if (s.length() > 0) {
        s.append("; ");
      }
      s.append(m.label()).append(": ");
      if (m.yes() + m.no() == 0) {
        s.append("no answers");
      } else {
        s.append(m.usefulPercent())
            .append("% useful (")
            .append(m.answers())
            .append(m.answers() == 1 ? " answer)" : " answers)");
      }
    }
    return s.toString();
  }
}
