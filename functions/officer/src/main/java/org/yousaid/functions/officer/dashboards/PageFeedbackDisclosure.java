package org.yousaid.functions.officer.dashboards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.reports.ReportFormat;
import org.yousaid.reports.disclosure.CellSuppression;
import org.yousaid.reports.disclosure.LinkedCells;

/**
 * The page-feedback figures made fit to leave yousaid (the officer API's shareable numbers, which a
 * council's reporting tool may put on a public dashboard): the same disclosure step as published
 * pages. Counts of 1 to 4 become "fewer than 5", and more counts are withheld ("not shown") until a
 * reader who knows hidden counts are 1 to 4, and that the whole equals its pages and its months and
 * "useful" plus "not useful" is at most the answers, can work none of them out. Shares are given
 * only where both their counts are shown.
 *
 * <p>The tables are the whole (answers, useful, not useful, comments), each page or service with 5
 * answers or more, one row for all the others together, and each month of the whole. A page's own
 * monthly trend is left out, and so are the names of pages with fewer than 5 answers: pages by
 * months, and a council's long tail of pages seen by one or two people, are mostly cells of 1 to 4
 * that would make the suppression slow and hide nearly everything else.
 */
public final class PageFeedbackDisclosure {

  /** The measures of a page or of the whole, in the API's names. */
  public static final List<String> MEASURES = List.of("answers", "useful", "notUseful", "comments");

  /** The measures of a month. */
  public static final List<String> MONTH_MEASURES = List.of("answers", "useful", "notUseful");

  /** A count as it may leave: the number, or null with the reason it is hidden. */
  public record Shown(Integer value, String hidden) {
    static Shown of(LinkedCells cells, int cell) {
      return switch (cells.state(cell)) {
        case SUPPRESSED -> new Shown(null, "fewer than " + cells.threshold());
        case WITHHELD -> new Shown(null, ReportFormat.WITHHELD_LABEL);
        default -> new Shown((int) cells.value(cell), null);
      };
    }
  }

  /**
   * A row of the shareable figures: a page or service of the summary, or ({@code row} null) all the
   * pages and services with fewer than 5 answers together.
   */
  public record Page(PageFeedbackStats.Row row, Map<String, Shown> counts) {
    public boolean others() {
      return row == null;
    }
  }

  /** The shareable figures: by measure for the whole, per page (in summary order), per month. */
  public record Figures(
      Map<String, Shown> whole, List<Page> pages, List<Map<String, Shown>> months) {

    /** The "useful" share of a page or the whole, or null unless both its counts are shown. */
    public static Integer usefulPercent(Map<String, Shown> counts) {
      Shown yes = counts.get("useful");
      Shown no = counts.get("notUseful");
      if (yes.value() == null || no.value() == null || yes.value() + no.value() == 0) {
        return null;
      }
      return Percentages.of(yes.value(), no.value())[0];
    }
  }

  /** At most this many pages are named; the rest are counted together. */
  public static final int LISTED = 50;

  private final int threshold;

  public PageFeedbackDisclosure(int threshold) {
    this.threshold = threshold;
  }

  public Figures protect(PageFeedbackStats.Summary summary) {
    LinkedCells cells = new LinkedCells(threshold);
    Map<String, Integer> whole =
        add(cells, "all", summary.answers(), summary.yes(), summary.no(), summary.comments(), 0);
    List<PageFeedbackStats.Row> listed = new ArrayList<>();
    List<Map<String, Integer>> pages = new ArrayList<>();
    int[] others = new int[4];
    for (PageFeedbackStats.Row row : summary.rows()) {
      // Rows come most answers first.
      if (row.answers() >= threshold && listed.size() < LISTED) {
        listed.add(row);
        pages.add(
            add(
                cells,
                "page" + listed.size(),
                row.answers(),
                row.yes(),
                row.no(),
                row.comments(),
                1));
      } else {
        others[0] += row.answers();
        others[1] += row.yes();
        others[2] += row.no();
        others[3] += row.comments();
      }
    }
    if (listed.size() < summary.rows().size()) {
      listed.add(null);
      pages.add(add(cells, "others", others[0], others[1], others[2], others[3], 1));
    }
    List<Map<String, Integer>> months = new ArrayList<>();
    for (int m = 0; m < summary.months().size(); m++) {
      PageFeedbackStats.Month month = summary.months().get(m);
      months.add(add(cells, "month" + m, month.answers(), month.yes(), month.no(), null, 1));
    }
    for (String measure : MEASURES) {
      cells.line(whole.get(measure), pages.stream().map(page -> page.get(measure)).toList());
      if (MONTH_MEASURES.contains(measure) && !months.isEmpty()) {
        cells.line(whole.get(measure), months.stream().map(month -> month.get(measure)).toList());
      }
    }
    CellSuppression.protect(cells);
    return new Figures(
        shown(cells, whole),
        java.util.stream.IntStream.range(0, pages.size())
            .mapToObj(i -> new Page(listed.get(i), shown(cells, pages.get(i))))
            .toList(),
        months.stream().map(month -> shown(cells, month)).toList());
  }

  /** One group's counts as cells, and what holds between them: the split is at most the answers. */
  private static Map<String, Integer> add(
      LinkedCells cells, String group, int answers, int yes, int no, Integer comments, int detail) {
    Map<String, Integer> byMeasure = new HashMap<>();
    byMeasure.put("answers", cells.cell(group + ".answers", answers, detail));
    byMeasure.put("useful", cells.cell(group + ".useful", yes, detail + 1));
    byMeasure.put("notUseful", cells.cell(group + ".notUseful", no, detail + 1));
    cells.line(
        byMeasure.get("answers"), List.of(byMeasure.get("useful"), byMeasure.get("notUseful")));
    if (comments != null) {
      byMeasure.put("comments", cells.cell(group + ".comments", comments, detail + 1));
      cells.pair(byMeasure.get("comments"), byMeasure.get("answers"));
    }
    return byMeasure;
  }

  private static Map<String, Shown> shown(LinkedCells cells, Map<String, Integer> byMeasure) {
    Map<String, Shown> out = new HashMap<>();
    byMeasure.forEach((measure, cell) -> out.put(measure, Shown.of(cells, cell)));
    return out;
  }
}
