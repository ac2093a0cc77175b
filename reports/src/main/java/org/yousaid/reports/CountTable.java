package org.yousaid.reports;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.reports.disclosure.CellSuppression;
import org.yousaid.reports.disclosure.LinkedCells;

/**
 * Counts laid out in tables that are not a consultation report (the officers' dashboards: answers
 * per EHC stage and month, answers per respondent group beside population counts, feedback per
 * service), protected by the same step as everything published: {@link DisclosureControl}'s cells
 * and complementary suppression. Each count is added with the totals it belongs to; {@link
 * #protect} then hides every count of 1 to 4 and withholds more until none can be worked out from
 * the totals, rows and columns shown. Read the result with {@link #shown}: the count, {@link
 * ReportFormat#SUPPRESSED} or {@link ReportFormat#WITHHELD}.
 */
public final class CountTable {

  private final LinkedCells cells;
  private boolean protectedAlready;

  public CountTable(int threshold) {
    this.cells = new LinkedCells(threshold);
  }

  public int threshold() {
    return cells.threshold();
  }

  /**
   * A count (people or answers).
   *
   * @param detail how fine a split it is (0 for the grand total): finer cells are withheld first
   */
  public int count(String name, long value, int detail) {
    if (protectedAlready) {
      throw new IllegalStateException("add every count before protecting the table");
    }
    return cells.cell(name, value, detail);
  }

  /** {@code total} is the sum of {@code parts} (or, if it is not, the inequality that holds). */
  public void total(int total, List<Integer> parts) {
    cells.line(total, new ArrayList<>(parts));
  }

  /**
   * {@code part} counts a subgroup of {@code whole} (e.g. a question's answers of all responses).
   */
  public void within(int part, int whole) {
    cells.pair(part, whole);
  }

  /** Hides and withholds counts until no hidden one of 1 to 4 can be worked out. */
  public void protect() {
    if (!protectedAlready) {
      CellSuppression.protect(cells);
      protectedAlready = true;
    }
  }

  /** What may be shown of a cell: its count, or why it is hidden. */
  public int shown(int cell) {
    if (!protectedAlready) {
      throw new IllegalStateException("protect the table first");
    }
    return switch (cells.state(cell)) {
      case SUPPRESSED -> ReportFormat.SUPPRESSED;
      case WITHHELD -> ReportFormat.WITHHELD;
      default -> (int) cells.value(cell);
    };
  }

  /**
   * A whole-number percentage of {@code count} over {@code of}, only where both are shown (so a
   * percentage never narrows a hidden count); -1 otherwise.
   */
  public int percent(int countCell, int ofCell) {
    int count = shown(countCell);
    int of = shown(ofCell);
    if (count < 0 || of < 0) {
      return -1;
    }
    return of == 0 ? 0 : ReportFormat.percentOf(count, of);
  }

  /** How a shown value reads on a page: the number, "fewer than 5" or "not shown". */
  public String label(int shownValue) {
    return ReportFormat.count(shownValue, Suppression.below(threshold()));
  }
}
